/**
 * `npm run import -- wire FILE… [--section S] [--images DIR] [--author NAME]`: plain-text wire copy
 * (src/import/wire-copy.ts) as a draft story per file, where `npm run new` would put it, never over a
 * story already there. Each draft is loaded by the build's own loader before anything is written, with
 * its pictures beside it, so what the import writes builds. A file that is not wire copy (binary,
 * empty, no headline) gets one line and no output, and the other files are still imported.
 *
 * Exit codes: 0 every file imported (or already imported, the same), 1 a file refused or a story in
 * its place, or the site's data broken, 2 wrong usage.
 */
import { readdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { loadArticle } from "../content/load-article.ts";
import { loadContext, type LoadContext } from "../content/load-context.ts";
import { ImagePlanner } from "../images/image-planner.ts";
import { ImageReadError, readPlan } from "../images/image-plan.ts";
import { decodeText } from "../import/decode-text.ts";
import { sectionNamed, storyFile, storyText, writeStory } from "../import/story-files.ts";
import { StoryUrls } from "../import/story-urls.ts";
import { parseWireCopy, type WireCopy } from "../import/wire-copy.ts";
import { isPictureName, matchPictures, storyPictureName } from "../import/wire-pictures.ts";
import { wireStory, type WirePicture } from "../import/wire-story.ts";
import { languageOfScript } from "../locale/languages.ts";
import { inLanguage } from "../render/picture-text.ts";
import { parseDate, type Instant } from "../shared/dates.ts";
import { formatProblem, shownPath } from "../shared/errors.ts";
import { linkOrCopy } from "../shared/link-or-copy.ts";
import { likelyName } from "../source/schema-problems.ts";
import { openProject, type Project } from "../source/project.ts";
import { editionOf, loadEditions, type Edition } from "../site/editions.ts";
import { loadSections, type Section, type SectionsByEdition } from "../site/sections.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import { SLUG_PATTERN, slugOf } from "../site/slugs.ts";
import type { CommandIo } from "./command-io.ts";
import { Refusal, runWritingCommand } from "./refusal.ts";

export const WIRE_USAGE = `Usage: npm run import -- wire FILE… [options]

Turns plain-text wire copy (a headline, a standfirst, captions, a body opening with a dateline such
as "ERBIL (Kurdistan24) -") into a draft story per file, at content/<section>/<slug>/index.md, as
npm run new does. Never overwrites a story.

Options:
  --section NAME   the section, by its name in any edition or its address (default: the edition's first)
  --images DIR     the pictures for the captions: by name (summit.jpg, summit-2.jpg for summit.txt),
                   else in the order of their names when one file is imported
  --author NAME    the byline (default: the agency in the dateline, such as AFP)
  --lang CODE      the edition (default: from the script: Sorani, Arabic, else the first language)
  --now ISO        the date to write (default: now; also $DATELINE_NOW), e.g. 2026-01-28T12:00:00+03:00
  -h, --help       this help`;

/** `npm run import -- wire …` with `argv` (after `wire`) in `io.cwd`; resolves to the exit code. */
export async function wireImport(argv: string[], io: CommandIo): Promise<number> {
  const project = openProject(io.cwd);
  return runWritingCommand(io, project.root, () => main(argv, project, io));
}

interface Options {
  section: string | undefined;
  lang: Edition | undefined;
  author: string | undefined;
  now: string | undefined;
}

/** A wire file read and taken apart. */
interface Parsed {
  arg: string;
  abs: string;
  copy: WireCopy;
}

async function main(argv: string[], project: Project, io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        section: { type: "string" },
        images: { type: "string" },
        author: { type: "string" },
        lang: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${WIRE_USAGE}`, 2);
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.stdout(`${WIRE_USAGE}\n`);
    return 0;
  }
  if (!files.length) throw new Refusal(`Missing the wire copy: name one file or more.\n\n${WIRE_USAGE}`, 2);
  const pictureFolder = values.images === undefined ? undefined : path.resolve(io.cwd, values.images);
  if (pictureFolder !== undefined && !isFolder(pictureFolder)) throw new Refusal(`--images ${values.images}: not a folder.`, 2);

  const site = await loadSiteConfig(project, io.env);
  const editions = loadEditions(site, project.root);
  const sections = await loadSections(project, editions);
  const lang = values.lang === undefined ? undefined : editionOf(editions, values.lang.trim());
  if (values.lang !== undefined && !lang) {
    throw new Refusal(`--lang "${values.lang}": not one of the site's languages (${editions.map((e) => e.code).join(", ")}), declared in content/_data/site.yaml.`, 2);
  }
  const nowText = values.now ?? io.env.DATELINE_NOW;
  if (nowText !== undefined) {
    const checked = parseDate(nowText, editions[0]!.timeZone);
    if (typeof checked === "string") throw new Refusal(`--now: ${checked}`, 2);
  }
  const section = values.section?.trim();
  if (section !== undefined) refuseUnknownSection(sections, section, editions);
  const options: Options = { section, lang, author: values.author?.trim() || undefined, now: nowText };

  let refused = 0;
  const refuse = (arg: string, why: string) => {
    io.stderr(`${arg}: ${why}\n`);
    refused++;
  };
  const wire: Parsed[] = [];
  for (const arg of files) {
    const abs = path.resolve(io.cwd, arg);
    const bytes = await readFile(abs).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "no such file";
      if (error.code === "EISDIR") return "a folder, not a file of wire copy";
      throw error;
    });
    if (typeof bytes === "string") {
      refuse(arg, `${bytes}: nothing written`);
      continue;
    }
    const decoded = decodeText(bytes);
    const result = decoded.text === undefined ? { refused: decoded.refused } : parseWireCopy(decoded.text);
    if (result.refused !== undefined) refuse(arg, `does not look like wire copy: ${result.refused}; nothing written`);
    else wire.push({ arg, abs, copy: result.copy });
  }

  const folderPictures = pictureFolder === undefined ? [] : readdirSync(pictureFolder).filter((name) => isPictureName(name) && isFile(path.join(pictureFolder, name)));
  const captionCounts = wire.map(({ copy }) => copy.parts.filter((p) => p.kind === "caption").length);
  const { byFile, unused } = matchPictures(
    wire.map((w) => w.arg),
    folderPictures,
    captionCounts,
  );

  const urls = new StoryUrls(project, editions, sections);
  const ctx = loadContext(project, { site, editions, sections, authors: new Map() }, { images: new ImagePlanner(project.store) });
  const created: { section: Section; slug: string }[] = [];
  let needed = 0;
  for (const [i, { arg, abs, copy }] of wire.entries()) {
    const outcome = await importOne(copy, {
      project,
      ctx,
      urls,
      editions,
      sections,
      options,
      origin: path.basename(abs),
      pictures: byFile[i]!.map((name) => path.join(pictureFolder!, name)),
    });
    if ("refused" in outcome) refuse(arg, outcome.refused);
    else if (outcome.status === "unchanged") io.stdout(`${arg}: ${outcome.file} is already there, the same: nothing written\n`);
    else if (outcome.status === "exists") refuse(arg, `${outcome.file} is already there: nothing written (the story there is left as it is)`);
    else {
      io.stdout(`Created ${outcome.file} (${outcome.summary})\n`);
      for (const line of outcome.lines) io.stdout(`  ${line}\n`);
      created.push(outcome);
      needed += outcome.needed;
    }
  }
  if (unused.length) {
    const why = wire.length > 1 ? "named after none of the files, or more than their captions: name each after its file, as summit.jpg, summit-2.jpg for summit.txt" : "more pictures than captions";
    io.stdout(`Not used from --images: ${unused.join(", ")} (${why})\n`);
  }
  if (created.length) io.stdout(nextSteps(created, needed));
  return refused ? 1 : 0;
}

interface ImportContext {
  project: Project;
  ctx: LoadContext;
  urls: StoryUrls;
  editions: readonly Edition[];
  sections: SectionsByEdition;
  options: Options;
  /** The wire file's name. */
  origin: string;
  /** The pictures matched to its captions, in order. */
  pictures: readonly string[];
}

type Outcome =
  | { refused: string }
  | { status: "unchanged"; file: string }
  | { status: "exists"; file: string }
  | { status: "written"; file: string; summary: string; lines: string[]; section: Section; slug: string; needed: number };

async function importOne(copy: WireCopy, o: ImportContext): Promise<Outcome> {
  const { editions, options } = o;
  const text = [copy.headline, copy.standfirst ?? "", ...copy.parts.map((p) => p.text)].join("\n");
  const edition = options.lang ?? editionOf(editions, languageOfScript(text, editions.map((e) => e.code)) ?? "") ?? editions[0]!;
  const notes: string[] = [];
  const lines: string[] = [];

  let section: Section | undefined;
  if (options.section === undefined) {
    section = o.sections.get(edition.code)?.[0];
    if (!section) return { refused: `the ${edition.name} edition has no sections: nothing written` };
    notes.push(`No --section was given: the story is in ${section.name}, the edition's first section; change section: if it belongs elsewhere.`);
    lines.push(`in ${section.name}, the first section (no --section): change section: if it belongs elsewhere`);
  } else {
    section = sectionNamed(o.sections, options.section, edition);
    if (!section) return { refused: `the section "${options.section}" has no name in ${edition.name} yet: add translations.${edition.code} to it in content/_data/sections.yaml; nothing written` };
  }
  if (/\p{Script=Arabic}/u.test(copy.headline) && edition.dir === "ltr") {
    lines.push(`the copy is in Arabic script but the story is in the ${edition.name} edition: give --lang to choose another`);
  }

  const slug = slugOf(copy.headline);
  if (!SLUG_PATTERN.test(slug)) return { refused: `cannot make an address from the headline "${copy.headline}": nothing written` };
  const { file } = storyFile(o.project, { edition, section, slug });
  const shown = shownPath(o.project.root, file);
  const other = o.urls.fileAt(edition, section.slug, slug);
  if (other !== undefined && other !== shown) return { refused: `${other} already has this story's address, ${decodeURI(section.url)}${slug}/: nothing written (change the headline in the copy)` };

  let date = DateTime.now().setZone(edition.timeZone) as Instant;
  if (options.now !== undefined) date = parseDate(options.now, edition.timeZone) as Instant;

  const taken = new Set<string>();
  const pictures: WirePicture[] = [];
  for (const [n, from] of o.pictures.entries()) {
    let hasAlt: boolean;
    try {
      hasAlt = inLanguage((await readPlan(from)).embedded?.xmp?.altText, edition.code) !== undefined;
    } catch (error) {
      if (!(error instanceof ImageReadError)) throw error;
      return { refused: `the picture ${shownPath(o.project.root, from)}: ${error.message}: nothing written` };
    }
    const name = storyPictureName(path.basename(from), n + 1, taken);
    taken.add(name);
    pictures.push({ from, name, hasAlt });
  }

  const story = wireStory({
    copy,
    origin: o.origin,
    edition,
    section,
    slug,
    date: date.startOf("minute") as Instant,
    author: options.author,
    fallbackAuthor: edition.title,
    pictures,
    notes,
  });
  const problems = await loadsAsWritten(o.ctx, story.draft.pictures ?? [], storyText(story.draft));
  if (problems.length) return { refused: `the draft would not build, so nothing was written:\n${problems.map((p) => `  ${formatProblem({ ...p, file: shown })}`).join("\n")}` };

  const written = await writeStory(o.project, story.draft);
  if (written.status === "exists") return { status: "exists", file: written.file };
  if (written.status === "unchanged") return { status: "unchanged", file: written.file };
  o.urls.add(edition, section.slug, slug, written.file);
  const dateline = copy.dateline ? `dateline ${copy.dateline.place} (${copy.dateline.source})` : "no dateline";
  const counts = [story.placed && count(story.placed, "picture"), story.needed && `${count(story.needed, "picture")} needed`].filter(Boolean);
  return { status: "written", file: written.file, summary: ["draft", dateline, ...(counts.length ? [counts.join(", ")] : [])].join("; "), lines, section, slug, needed: story.needed };
}

/**
 * The build's own loader on the story, from a folder of its own holding its pictures under their new
 * names, taken as the project's root (so the pictures are inside it): a draft the build would refuse
 * is never written into content/.
 */
async function loadsAsWritten(ctx: LoadContext, pictures: readonly { from: string; name: string }[], text: string) {
  const folder = await mkdtemp(path.join(tmpdir(), "dateline-import-"));
  try {
    for (const picture of pictures) linkOrCopy(picture.from, path.join(folder, picture.name));
    const result = await loadArticle(path.join(folder, "index.md"), text, { ...ctx, root: folder });
    return result.problems ?? [];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A section given by a name no edition has: refused, with the names of the first edition's. */
function refuseUnknownSection(sections: SectionsByEdition, wanted: string, editions: readonly Edition[]): void {
  if (editions.some((edition) => sectionNamed(sections, wanted, edition))) return;
  const names = [...sections.values()].flat().map((s) => s.name);
  const near = likelyName(wanted, names);
  const first = sections.get(editions[0]!.code)!.map((s) => s.name);
  throw new Refusal(`"${wanted}" is not a section declared in content/_data/sections.yaml (${first.join(", ")}).${near ? ` Did you mean "${near}"?` : ""}`);
}

function nextSteps(created: readonly { section: Section; slug: string }[], needed: number): string {
  const first = created[0]!;
  const steps = [
    "Read each draft against its copy: the notes at the top of the file say what the import could not do.",
    ...(needed ? ["Add the pictures still needed, and their alt text, where a ::: picture-needed block asks (npm run check lists them)."] : []),
    `Preview: npm start, then open http://localhost:8080${decodeURI(first.section.url)}${first.slug}/`,
    "Check: npm run check",
    "Publish: delete the line `draft: true`, set `date:` to the time of publication, commit.",
  ];
  return `\nNext:\n${steps.map((step, i) => `  ${i + 1}. ${step}`).join("\n")}\n`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
