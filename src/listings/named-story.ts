/**
 * A story an editor names in a data file (the front page's lead, the breaking bar's link): by its
 * slug, or by `section/slug` where two sections of the edition each have a story with that slug.
 * One wording for a name that finds nothing, wherever one is written.
 */
import type { Article } from "../model/article.ts";
import type { Problem } from "../shared/errors.ts";
import { nearest } from "../source/schema-problems.ts";
import type { Edition } from "../site/editions.ts";

export interface StoryName {
  readonly name: string;
  readonly file: string;
  readonly field: string;
  readonly line: number | undefined;
}

/**
 * The published, embargoed or draft story `named` finds among the edition's stories, or the problem
 * with the name. Drafts are found (so that the caller can say that is what they are), not refused here.
 */
export function findStory(named: StoryName, articles: readonly Article[], edition: Edition): Article | Problem {
  const [section, slug] = named.name.includes("/") ? named.name.split("/", 2) : [undefined, named.name];
  const own = articles.filter((a) => a.edition === edition);
  const found = own.filter((a) => a.slug === slug && (section === undefined || a.section.slug === section));
  const problem = (message: string): Problem => ({ file: named.file, line: named.line, field: named.field, message });
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    return problem(`"${named.name}" is the slug of ${found.length} stories (${found.map((a) => a.sourcePath).join(", ")}): write ${found.map((a) => `${a.section.slug}/${a.slug}`).join(" or ")}`);
  }
  // A slug mistyped, or cut short (an editor writes the first words of a long one).
  const slugs = [...new Set(own.map((a) => a.slug))];
  const longer = slugs.filter((s) => s.startsWith(`${slug}-`));
  const hint = nearest(slug!, slugs, 3) ?? (longer.length === 1 ? longer[0] : undefined);
  return problem(`no story "${named.name}" in the ${edition.name} edition${hint ? ` (did you mean "${hint}"?)` : ": give the slug of one of its stories"}`);
}

export function isProblem(found: Article | Problem): found is Problem {
  return "message" in found && !("slug" in found);
}
