/**
 * The front page as the home-page editor sets it, per edition: `content/_data/front.yaml` for the
 * first edition, `front.<code>.yaml` for each other one (`front.ckb.yaml`), as standalone pages are
 * named. Every key is optional; what the file does not name falls back to the newest stories
 * (src/listings/front-page.ts), so a site without the file has a front page all the same.
 *
 *   lead: al-sharaa-moscow-putin                  # a story's slug
 *   top: [iraq-budget-oil-price, duhok-power]     # beside the lead, in this order
 *   sections: [Middle East, Kurdistan, Business]  # blocks below, in this order
 *   stale_after: 48h                              # warn when a curated story is older than this
 *
 * Stories are named here and found among the articles later (src/listings/front-curation.ts): the
 * articles are not loaded yet when site data is read. Sections are found here.
 */
import { Duration } from "luxon";
import { z } from "zod";
import { ContentError, type Problem } from "../shared/errors.ts";
import { editionFileName, readOptionalDataFile } from "../source/data-file.ts";
import type { Project } from "../source/project.ts";
import { nearest } from "../source/schema-problems.ts";
import type { Edition } from "./editions.ts";
import type { Section, SectionsByEdition } from "./sections.ts";

/** When the file gives no `stale_after`: two days, the Google News sitemap's own idea of news. */
export const DEFAULT_STALE_AFTER = "48h";

/** A length of time as editors write one: `48h`, `2d`, `90m`, `1d12h`. */
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const DURATION_RULE = "expected a length of time such as 48h, 2d, 90m or 1d12h";

/** A story as the file names it: its slug, or `section/slug` where two sections have one slug. */
const storyName = z.string().trim().min(1, "expected a story's slug");

export const frontSchema = z
  .object({
    lead: storyName.optional(),
    top: z.array(storyName).optional(),
    sections: z.array(z.string().trim().min(1, "expected a section's name")).optional(),
    stale_after: z
      .string()
      .trim()
      .refine((text) => DURATION.test(text) && durationOf(text).toMillis() > 0, DURATION_RULE)
      .optional(),
  })
  .strict()
  // Every key is optional, so an empty file (or one of comments only) is a file that names nothing.
  .default({});

/** A story the file names, and where. */
export interface NamedStory {
  readonly name: string;
  readonly field: string;
  readonly line: number | undefined;
}

export interface FrontFile {
  /** Path relative to the project root, for messages. */
  readonly file: string;
  readonly lead: NamedStory | undefined;
  /** Undefined when the file does not say: the newest stories stand beside the lead. */
  readonly top: readonly NamedStory[] | undefined;
  /** Undefined when the file does not say: every section of the edition, in navigation order. */
  readonly sections: readonly Section[] | undefined;
  readonly staleAfter: Duration;
  /** As the file writes it ("48h"), for messages. */
  readonly staleAfterText: string;
}

/** Each edition's front file, by language code; an edition without one is absent. */
export type FrontFiles = ReadonlyMap<string, FrontFile>;

export async function loadFrontFiles(project: Project, editions: readonly Edition[], sections: SectionsByEdition): Promise<FrontFiles> {
  const problems: Problem[] = [];
  const files = new Map<string, FrontFile>();
  for (const edition of editions) {
    const name = editionFileName("front.yaml", edition);
    let data;
    try {
      data = await readOptionalDataFile(project, name, frontSchema, `the ${edition.name} front page's lead, top stories and section blocks`);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    if (!data) continue;
    const { value, file, lineOf } = data;
    const named = (name: string, path: (string | number)[]): NamedStory => ({ name, field: path.join("."), line: lineOf(path) });
    const lead = value.lead === undefined ? undefined : named(value.lead, ["lead"]);
    const top = value.top?.map((name, i) => named(name, ["top", i]));
    // One story twice on one front page is a slip, not a layout.
    const seen = new Map<string, NamedStory>();
    for (const story of [...(lead ? [lead] : []), ...(top ?? [])]) {
      const earlier = seen.get(story.name);
      if (earlier) problems.push({ file, line: story.line, field: story.field, message: `"${story.name}" is already named in ${earlier.field}` });
      seen.set(story.name, story);
    }
    const own = sections.get(edition.code) ?? [];
    const chosen: Section[] = [];
    value.sections?.forEach((name, i) => {
      const section = sectionNamed(name, own, sections.get(editions[0]!.code) ?? []);
      const line = lineOf(["sections", i]);
      if (!section) {
        const hint = nearest(name.toLowerCase(), own.map((s) => s.name.toLowerCase()), 3);
        const hinted = hint ? own.find((s) => s.name.toLowerCase() === hint)!.name : undefined;
        problems.push({ file, line, field: `sections.${i}`, message: `no section "${name}" in the ${edition.name} edition${hinted ? ` (did you mean "${hinted}"?)` : `; it has ${own.map((s) => s.name).join(", ")}`}` });
      } else if (chosen.includes(section)) problems.push({ file, line, field: `sections.${i}`, message: `"${name}" is already named` });
      else chosen.push(section);
    });
    files.set(edition.code, {
      file,
      lead,
      top,
      sections: value.sections ? chosen : undefined,
      staleAfter: durationOf(value.stale_after ?? DEFAULT_STALE_AFTER),
      staleAfterText: value.stale_after ?? DEFAULT_STALE_AFTER,
    });
  }
  if (problems.length) throw new ContentError(problems);
  return files;
}

/**
 * A section by its name in the edition, its name in the first edition (an editor may write the
 * English name in front.ckb.yaml, as in an article's `section:`), or its slug; letter case aside.
 */
function sectionNamed(name: string, own: readonly Section[], first: readonly Section[]): Section | undefined {
  const wanted = name.toLowerCase();
  const bySlug = (slug: string | undefined) => own.find((s) => s.slug === slug);
  return own.find((s) => s.name.toLowerCase() === wanted) ?? bySlug(first.find((s) => s.name.toLowerCase() === wanted)?.slug) ?? bySlug(wanted);
}

function durationOf(text: string): Duration {
  const [, days, hours, minutes] = DURATION.exec(text) ?? [];
  return Duration.fromObject({ days: Number(days ?? 0), hours: Number(hours ?? 0), minutes: Number(minutes ?? 0) });
}
