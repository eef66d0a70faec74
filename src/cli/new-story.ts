/**
 * `npm run new`: starts an article from the archetype `content/_archetypes/article.md`, as a draft,
 * at `content/<section>/<slug>/index.md` (`content/<edition>/<section>/<slug>/index.md` in another
 * edition than the first), and never over an existing article.
 *
 *   npm run new -- "Headline of the story" --section "Middle East" [--lang CODE] [--author NAME] [--slug SLUG] [--now ISO]
 *
 * The archetype's `{{ title }}`, `{{ date }}`, `{{ section }}`, `{{ author }}`, `{{ lang }}` and `{{ slug }}` are
 * filled in as YAML scalars (the headline always double-quoted), and the result is checked by the
 * build's own loader before anything is written. Exit codes: 0 created, 1 refused (unknown section,
 * an existing article, broken site data or archetype), 2 wrong usage. The command's entry point is
 * src/cli/new.ts.
 */
import { likelyName } from "../source/schema-problems.ts";
import { ARCHETYPE as ARCHETYPE_IN_CONTENT } from "../content/placeholders.ts";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { quoted, scalar } from "../source/yaml-scalars.ts";
import { loadArticle } from "../content/load-article.ts";
import { SLUG_PATTERN, SLUG_RULE } from "../site/slugs.ts";
import { ARABIC_LETTER } from "../locale/languages.ts";
import { dateWords, isoWithOffset, parseDate, type Instant } from "../shared/dates.ts";
import { formatProblem, type Problem, shownPath } from "../shared/errors.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import { findArticleFiles } from "../content/load-content.ts";
import { loadContext } from "../content/load-context.ts";
import { ImagePlanner } from "../images/image-planner.ts";
import { openProject, type Project } from "../source/project.ts";
import type { CommandIo } from "./command-io.ts";
import { Refusal, runWritingCommand } from "./refusal.ts";
import { loadSections, type Section } from "../site/sections.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import { editionOf, loadEditions, type Edition } from "../site/editions.ts";
import { slugOf } from "../site/slugs.ts";
import { DateTime } from "luxon";

const USAGE = `Usage: npm run new -- "Headline of the story" --section "Middle East" [options]

Creates content/<section>/<slug>/index.md from content/_archetypes/article.md, as a draft
(content/<edition>/<section>/<slug>/index.md for an edition other than the first).

Options:
  --section NAME   required: a section from content/_data/sections.yaml
  --lang CODE      the edition: one of the languages in content/_data/site.yaml (default: the first)
  --author NAME    the byline (default: $DATELINE_AUTHOR, else the site's name)
  --slug SLUG      the last part of the URL (default: made from the headline)
  --now ISO        the date to write (default: now; also $DATELINE_NOW), e.g. 2026-01-28T12:00:00+03:00
  -h, --help       this help`;

/** The archetype as messages name it (the content folder's own, src/content/placeholders.ts). */
const ARCHETYPE = `content/${ARCHETYPE_IN_CONTENT.split(path.sep).join("/")}`;

/** `npm run new` with `argv` in `io.cwd`: what it prints goes to `io`; resolves to the exit code. */
export async function newStory(argv: string[], io: CommandIo): Promise<number> {
  const project = openProject(io.cwd);
  return runWritingCommand(io, project.root, async () => {
    io.stdout(await main(argv, project, io.env));
    return 0;
  });
}

async function main(argv: string[], project: Project, env: NodeJS.ProcessEnv): Promise<string> {
  const { root, contentDir } = project;
  const shown = (abs: string) => shownPath(root, abs);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        section: { type: "string" },
        lang: { type: "string" },
        author: { type: "string" },
        slug: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return `${USAGE}\n`;
  // Unquoted words arrive one by one: `npm run new -- Snow closes roads --section World` works too.
  const headline = positionals.join(" ").replace(/[\r\n\u2028\u2029]+/g, " ").trim();
  const missing = [!headline && "a headline", !values.section?.trim() && "--section"].filter(Boolean);
  if (missing.length) throw new Refusal(`Missing ${missing.join(" and ")}.\n\n${USAGE}`, 2);

  const site = await loadSiteConfig(project, env);
  const editions = loadEditions(site, root);
  const edition = values.lang === undefined ? editions[0]! : editionOf(editions, values.lang.trim());
  if (!edition) {
    throw new Refusal(`--lang "${values.lang}": not one of the site's languages (${editions.map((e) => e.code).join(", ")}), declared in content/_data/site.yaml.`, 2);
  }
  const byEdition = await loadSections(project, editions);
  const sections = byEdition.get(edition.code)!;
  const section = findSection(sections, values.section!.trim(), byEdition.get(editions[0]!.code)!, edition);

  const nowText = values.now ?? env.DATELINE_NOW;
  let now: Instant = DateTime.now().setZone(edition.timeZone) as Instant;
  if (nowText) {
    const parsedNow = parseDate(nowText, edition.timeZone);
    if (typeof parsedNow === "string") throw new Refusal(`--now: ${parsedNow}`, 2);
    now = parsedNow;
  }
  const date = now.startOf("minute") as Instant;

  const slug = values.slug?.trim() || slugOf(headline);
  if (!SLUG_PATTERN.test(slug)) {
    throw new Refusal(
      values.slug
        ? `--slug "${values.slug}": ${SLUG_RULE}, e.g. al-sharaa-moscow`
        : `Cannot make a URL slug from "${headline}"${slug ? ` ("${slug}" has characters a slug cannot hold)` : ""}: choose one with --slug, e.g. --slug al-sharaa-moscow`,
      values.slug ? 2 : 1,
    );
  }
  const author = values.author?.trim() || env.DATELINE_AUTHOR?.trim() || edition.title;

  const folder = path.join(contentDir, edition.segment, section.slug, slug);
  const file = path.join(folder, "index.md");
  refuseExisting(project, { folder, file, section, slug, edition, editions, byEdition });

  const archetypeFile = path.join(contentDir, ARCHETYPE_IN_CONTENT);
  let archetype: string;
  try {
    archetype = await readFile(archetypeFile, "utf8");
  } catch {
    throw new Refusal(`${ARCHETYPE} is missing: new articles are made from it (copy it from Dateline's own content/).`);
  }
  const text = fill(archetype, { title: headline, date: isoWithOffset(date), section: section.name, author, slug, lang: edition.code });
  await checkArticle(project, file, text, { headline, section, slug, site, editions, sections: byEdition });

  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Refusal(`${shown(file)} already exists. Nothing was written.`);
    throw error;
  }

  const words = dateWords(date, edition.intl);
  const preview = `http://localhost:8080${decodeURI(section.url)}${slug}/`;
  const rtl = editions.filter((e) => e.dir === "rtl").map((e) => `--lang ${e.code}`);
  const rtlHint = ARABIC_LETTER.test(headline) && edition.dir === "ltr"
    ? `\n     The headline is in Arabic script but the story is in the ${edition.name} edition${rtl.length ? `: did you mean ${rtl.join(" or ")}?` : "."}`
    : "";
  return `Created ${shown(file)}
  a draft in ${section.name}, dated ${words.day}, ${words.time}, by ${author}

Next:
  1. Write the story in that file: the summary, the byline, the body. Its pictures go beside it,
     in ${shown(folder)}/.${rtlHint}
  2. Preview: npm start, then open ${preview}
     (a draft shows there with a "Draft: not published" banner; the page updates as you save).
  3. Check: npm run check
  4. Publish: delete the line \`draft: true\`, set \`date:\` to the time of publication, commit.
`;
}

/** A section of the edition by its name there or in the first edition (any case), or its slug; otherwise a refusal naming them all. */
function findSection(sections: readonly Section[], wanted: string, first: readonly Section[], edition: Edition): Section {
  const lower = wanted.toLowerCase();
  const slugOfFirst = first.find((s) => s.name === wanted || s.name.toLowerCase() === lower)?.slug;
  const found =
    sections.find((s) => s.name === wanted) ??
    sections.find((s) => s.name.toLowerCase() === lower || s.slug === lower || s.slug === slugOfFirst);
  if (found) return found;
  if (slugOfFirst) throw new Refusal(`"${wanted}" has no name in ${edition.name} yet: add translations.${edition.code} to it in content/_data/sections.yaml.`);
  const names = sections.map((s) => s.name);
  const near = likelyName(wanted, names);
  const hint = near ? ` Did you mean "${near}"?` : "";
  throw new Refusal(`"${wanted}" is not a section declared in content/_data/sections.yaml (${names.join(", ")}).${hint}`);
}

/** Refuses a folder article, a flat file, or any article elsewhere with the same URL. */
function refuseExisting(
  project: Project,
  { folder, file, section, slug, edition, editions, byEdition }: { folder: string; file: string; section: Section; slug: string; edition: Edition; editions: readonly Edition[]; byEdition: ReadonlyMap<string, readonly Section[]> },
): void {
  const shown = (abs: string) => shownPath(project.root, abs);
  const advice = "Nothing was written. Give the new story another headline, or choose its URL with --slug.";
  for (const existing of [file, `${folder}.md`]) {
    if (existsSync(existing)) throw new Refusal(`${shown(existing)} already exists. ${advice}`);
  }
  const slugs = new Map([...byEdition.values()].flatMap((list) => list.flatMap((s) => [[s.name, s.slug] as const, [s.slug, s.slug] as const])));
  for (const other of findArticleFiles(project.contentDir).files) {
    const source = splitSource(shown(other), readFileSync(other, "utf8"));
    if (isProblem(source) || !source.data || typeof source.data !== "object") continue;
    const data = source.data as Record<string, unknown>;
    if (typeof data.section !== "string" || slugs.get(data.section.trim()) !== section.slug) continue;
    const otherEdition = typeof data.lang === "string" ? editionOf(editions, data.lang) : editions[0];
    if (otherEdition !== edition) continue;
    const otherSlug = typeof data.slug === "string" ? data.slug : typeof data.title === "string" ? slugOf(data.title.trim()) : undefined;
    if (otherSlug === slug) {
      throw new Refusal(`${shown(other)} already has this story's URL, ${decodeURI(section.url)}${slug}/. ${advice}`);
    }
  }
}

/** The archetype with its placeholders replaced by YAML scalars. */
function fill(archetype: string, values: Record<string, string>): string {
  return archetype.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return name === "title" ? quoted(value) : scalar(value);
  });
}

/** The build's own loader on the text to be written: a draft that `npm run build -- --drafts` accepts. */
async function checkArticle(
  project: Project,
  file: string,
  text: string,
  o: { headline: string; section: Section; slug: string; site: Awaited<ReturnType<typeof loadSiteConfig>>; editions: readonly Edition[]; sections: ReadonlyMap<string, readonly Section[]> },
): Promise<void> {
  const broken = (problems: readonly Problem[]) =>
    new Refusal(
      `Nothing was written: ${ARCHETYPE} makes an article the build would refuse:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
  const source = splitSource(shownPath(project.root, file), text);
  if (isProblem(source)) throw broken([source]);
  const data = source.data as Record<string, unknown> | null;
  const expected: [string, unknown][] = [["title", o.headline], ["section", o.section.name], ["draft", true], ...(o.section.lang === o.editions[0]!.code ? [] : [["lang", o.section.lang] as [string, unknown]])];
  const wrong = expected.filter(([field, value]) => data?.[field] !== value);
  if (wrong.length) {
    throw broken(wrong.map(([field, value]) => ({ file: ARCHETYPE, field, message: `must be ${field === "draft" ? "`draft: true`" : `{{ ${field} }}`} (got ${JSON.stringify(data?.[field])}, expected ${JSON.stringify(value)})` })));
  }
  // Profiles only turn bylines into links: not needed to know that the article is valid.
  const ctx = loadContext(project, { site: o.site, editions: o.editions, sections: o.sections, authors: new Map() }, { images: new ImagePlanner(project.store) });
  const result = await loadArticle(file, text, ctx);
  if (result.problems) throw broken(result.problems);
  if (result.article.slug !== o.slug) {
    throw broken([{ file: ARCHETYPE, field: "slug", message: `must be {{ slug }}, so that the URL matches the folder (got "${result.article.slug}")` }]);
  }
}
