/**
 * Story folders written by the importers (`npm run import`): where a story goes
 * (`content/[<edition>/]<section>/<slug>/index.md`, as `npm run new` puts it), its text (the
 * frontmatter in the order an editor reads it, each value a YAML scalar that reads back as written),
 * and writing it with its pictures beside it without ever replacing an editor's work: a story
 * already there is left alone, and one written by an earlier run of the same import is the same
 * file again (an import run twice writes nothing new).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isoWithOffset, type Instant } from "../shared/dates.ts";
import { shownPath } from "../shared/errors.ts";
import type { Project } from "../source/project.ts";
import { quoted, scalar } from "../source/yaml-scalars.ts";
import type { Edition } from "../site/editions.ts";
import type { Section, SectionsByEdition } from "../site/sections.ts";

/** The frontmatter fields an import writes, in the order they are written. */
export interface StoryFields {
  title: string;
  summary: string;
  date: Instant;
  updated?: Instant | undefined;
  dateline?: { place: string; source?: string | undefined } | undefined;
  author: readonly string[];
  tags?: readonly string[] | undefined;
  image?: { src: string; alt?: string | undefined; caption?: string | undefined; credit?: string | undefined } | undefined;
  draft: boolean;
}

/** A story to write: where, what, and the pictures to put beside it. */
export interface StoryDraft {
  edition: Edition;
  /** The edition's section (its name is the one written). */
  section: Section;
  slug: string;
  fields: StoryFields;
  /** The Markdown body. */
  body: string;
  /** Files copied into the story's folder under `name` (the names the body and `image.src` use as `./name`). */
  pictures?: readonly { from: string; name: string }[];
  /** Lines for the editor, written as YAML comments at the top of the frontmatter (what the import could not do). */
  notes?: readonly string[];
}

export type WriteStatus =
  /** Written now. */
  | "written"
  /** The same file is already there (an earlier run of the same import). */
  | "unchanged"
  /** Another file is there (an editor's story, or this one edited since): left as it is. */
  | "exists";

/** The story's folder and file. */
export function storyFile(project: Project, draft: Pick<StoryDraft, "edition" | "section" | "slug">): { folder: string; file: string } {
  const folder = path.join(project.contentDir, draft.edition.segment, draft.section.slug, draft.slug);
  return { folder, file: path.join(folder, "index.md") };
}

/** The section of `edition` that `wanted` names: by its name in any edition (any case) or its slug. */
export function sectionNamed(sections: SectionsByEdition, wanted: string, edition: Edition): Section | undefined {
  const lower = wanted.trim().toLowerCase();
  const slug = [...sections.values()].flat().find((s) => s.name.toLowerCase() === lower || s.slug === lower)?.slug;
  return slug === undefined ? undefined : sections.get(edition.code)?.find((s) => s.slug === slug);
}

/** The file's text: frontmatter (notes as comments first), then the body. */
export function storyText(draft: StoryDraft): string {
  const f = draft.fields;
  const lines = ["---", ...(draft.notes ?? []).map((note) => `# ${note.replace(/\s+/g, " ")}`)];
  lines.push(`title: ${quoted(f.title)}`, `summary: ${quoted(f.summary)}`, `date: ${isoWithOffset(f.date)}`);
  if (f.updated) lines.push(`updated: ${isoWithOffset(f.updated)}`);
  if (f.dateline) {
    lines.push("dateline:", `  place: ${scalar(f.dateline.place)}`);
    if (f.dateline.source) lines.push(`  source: ${scalar(f.dateline.source)}`);
  }
  lines.push(f.author.length === 1 ? `author: ${scalar(f.author[0]!)}` : `author:\n${f.author.map((a) => `  - ${scalar(a)}`).join("\n")}`);
  lines.push(`section: ${scalar(draft.section.name)}`);
  if (f.tags?.length) lines.push(`tags: [${f.tags.map((t) => quoted(t)).join(", ")}]`);
  if (f.image) {
    lines.push("image:", `  src: ${quoted(f.image.src)}`);
    for (const key of ["alt", "caption", "credit"] as const) if (f.image[key]) lines.push(`  ${key}: ${quoted(f.image[key]!)}`);
  }
  if (!draft.edition.isDefault) lines.push(`lang: ${draft.edition.code}`);
  lines.push(`slug: ${scalar(draft.slug)}`);
  if (f.draft) lines.push("draft: true");
  lines.push("---", "", draft.body.trim(), "");
  return lines.join("\n");
}

/**
 * Writes the story and its pictures, unless a story is already at its place: then its status says
 * whether that is this very file (`unchanged`) or another (`exists`, left alone). The pictures go
 * first and the story last, renamed into place whole, so a story never names a picture not yet there;
 * a picture of the same name already in the folder is kept (the editor's, or an earlier run's).
 */
export async function writeStory(project: Project, draft: StoryDraft): Promise<{ status: WriteStatus; file: string }> {
  const { folder, file } = storyFile(project, draft);
  const shown = shownPath(project.root, file);
  const text = storyText(draft);
  for (const existing of [file, `${folder}.md`]) {
    if (existsSync(existing)) return { status: existing === file && readFileSync(existing, "utf8") === text ? "unchanged" : "exists", file: shownPath(project.root, existing) };
  }
  await mkdir(folder, { recursive: true });
  for (const picture of draft.pictures ?? []) {
    const to = path.join(folder, picture.name);
    if (!existsSync(to)) await copyFile(picture.from, to);
  }
  const temp = path.join(folder, `.index.md.${process.pid}.${createHash("sha1").update(text).digest("hex").slice(0, 8)}`);
  await writeFile(temp, text);
  try {
    if (existsSync(file)) return { status: (await readFile(file, "utf8")) === text ? "unchanged" : "exists", file: shown };
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
  return { status: "written", file: shown };
}
