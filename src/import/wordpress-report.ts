/**
 * What a WordPress import tells the editor at the end: what it wrote, what it skipped, and what only
 * a person can supply before the stories build (sections to declare, with the lines for
 * sections.yaml; pictures the uploads folder lacked; alt text; captions for embeds), and the HTML it
 * left out. Long lists show their first lines: `npm run check` names every one, at its line.
 */
import { quoted, scalar } from "../source/yaml-scalars.ts";
import { slugOf } from "../site/slugs.ts";
import type { WriteStatus } from "./story-files.ts";
import type { ExportChannel } from "./wordpress-export.ts";
import type { ImportedPost, UnknownSection } from "./wordpress-story.ts";

/** How many lines of one list the report shows. */
const SHOWN = 20;

export class ImportReport {
  comments = 0;
  /** Where the redirects went, and how many lines each file holds. */
  redirects: { file: string; lines: number; csv: string; rows: number } | undefined;
  private readonly skipped = new Map<string, number>();
  private readonly counts = { story: { written: 0, unchanged: 0, exists: 0 }, draft: { written: 0, unchanged: 0, exists: 0 } };
  private readonly leftAlone: string[] = [];
  private readonly sections = new Map<string, { section: UnknownSection; stories: number }>();
  private readonly missing: string[] = [];
  private readonly withoutAlt: string[] = [];
  private readonly uncaptioned: string[] = [];
  private readonly dropped = new Map<string, { count: number; files: Set<string> }>();
  /** Published stories that hold a picture-needed block: the build refuses them until it is resolved. */
  private waiting = 0;

  constructor(
    private readonly exportFile: string,
    private readonly channel: ExportChannel,
    private readonly uploads: string | undefined,
  ) {}

  skip(kind: string): void {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + 1);
  }

  add(post: ImportedPost, written: { status: WriteStatus; file: string }): void {
    const draft = post.story.fields.draft;
    this.counts[draft ? "draft" : "story"][written.status]++;
    if (written.status === "exists") {
      this.leftAlone.push(written.file);
      return;
    }
    const file = written.file;
    const folder = file.replace(/\/index\.md$/, "");
    if (post.unknownSection) {
      const key = `${post.unknownSection.edition.code}\0${post.unknownSection.slug}`;
      const entry = this.sections.get(key) ?? { section: post.unknownSection, stories: 0 };
      entry.stories++;
      this.sections.set(key, entry);
    }
    for (const p of post.pictures) {
      if (p.reason === "missing") this.missing.push(`${p.source} → ${folder}/${p.name}`);
      else this.withoutAlt.push(`${folder}/${p.name}`);
    }
    if (post.pictures.length && !draft) this.waiting++;
    for (const url of post.uncaptioned) this.uncaptioned.push(`${file}: ${url}`);
    for (const what of post.dropped) {
      const entry = this.dropped.get(what) ?? { count: 0, files: new Set<string>() };
      entry.count++;
      entry.files.add(file);
      this.dropped.set(what, entry);
    }
  }

  text(): string {
    const out: string[] = [];
    const site = this.channel.title ? ` ("${this.channel.title}"${this.channel.siteUrl ? `, ${this.channel.siteUrl}` : ""})` : "";
    const tally = (c: Record<WriteStatus, number>) => `${c.written + c.unchanged + c.exists} (${c.written} written, ${c.unchanged} unchanged, ${c.exists} left alone)`;
    out.push(`Imported ${this.exportFile}${site}:`);
    out.push(`  stories: ${tally(this.counts.story)}`);
    out.push(`  drafts: ${tally(this.counts.draft)}`);
    out.push(`  skipped: ${this.skipped.size ? [...this.skipped].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${kind} ${n}`).join(", ") : "nothing"}`);
    if (this.comments) out.push(`  comments: ${this.comments}, not imported`);

    if (this.leftAlone.length) {
      section(out, `Left alone: ${this.leftAlone.length} stor${this.leftAlone.length === 1 ? "y is" : "ies are"} already there and differ from the import (an editor's changes are kept):`, this.leftAlone);
    }
    if (this.sections.size) {
      out.push("", `Sections to add: ${this.sections.size} categor${this.sections.size === 1 ? "y is" : "ies are"} no section yet. Add to content/_data/sections.yaml:`);
      for (const { section: s, stories } of this.sections.values()) out.push(...sectionLines(s, stories).map((line) => `  ${line}`));
    }
    if (this.missing.length) {
      const where = this.uploads ? `not in ${this.uploads}` : "no --uploads folder was given";
      section(out, `Pictures missing: ${this.missing.length} (${where}); each waits in a ::: picture-needed block. Put the file at the place shown:`, this.missing);
    }
    if (this.withoutAlt.length) section(out, `Pictures without alt text: ${this.withoutAlt.length}, copied beside their story; each waits in a ::: picture-needed block for what it shows:`, this.withoutAlt);
    if (this.uncaptioned.length) section(out, `Videos and maps without a caption: ${this.uncaptioned.length}; write one on the line after each ::: embed:`, this.uncaptioned);
    if (this.dropped.size) {
      out.push("", "Left out (HTML with no Markdown form; each story's notes at its top say what):");
      for (const [what, { count, files }] of [...this.dropped].sort((a, b) => b[1].count - a[1].count)) {
        const list = [...files];
        out.push(`  ${what}: ${count} in ${list.length} stor${list.length === 1 ? "y" : "ies"} (${list.slice(0, 3).join(", ")}${list.length > 3 ? ", …" : ""})`);
      }
    }
    if (this.redirects) {
      const r = this.redirects;
      const left = r.rows - r.lines;
      out.push("", `Redirects: ${r.lines} in ${r.file}, ${r.rows} in ${r.csv}${left ? ` (${left} of them ?p= addresses, or the same address on both sites, which ${r.file} leaves out)` : ""}`);
    }

    const todo = this.sections.size + this.missing.length + this.withoutAlt.length + this.uncaptioned.length;
    out.push("", todo ? "Next: supply what is listed above, then npm run check (it names each at its line) and npm run build." : "Next: npm run check, then npm run build.");
    if (this.waiting) {
      out.push(`  ${this.waiting} published stor${this.waiting === 1 ? "y waits" : "ies wait"} for a picture: the build refuses ${this.waiting === 1 ? "it" : "them"} until each is supplied (or the story is given draft: true).`);
    }
    return `${out.join("\n")}\n`;
  }
}

/** The lines for sections.yaml: a new section, or the translation a section lacks in another edition. */
export function sectionLines(s: UnknownSection, stories: number): string[] {
  const description = s.description || `Stories filed under ${s.name}.`;
  const count = `${stories} stor${stories === 1 ? "y" : "ies"}`;
  if (s.translationOf) {
    return [`# under translations: of "${s.translationOf.name}" (${count}):`, `    ${s.edition.code}: { name: ${quoted(s.name)}, description: ${quoted(description)} }`];
  }
  const lines = [`- name: ${scalar(s.name)}   # ${count}`];
  if (slugOf(s.name) !== s.slug) lines.push(`  slug: ${scalar(s.slug)}`);
  lines.push(`  description: ${quoted(description)}${s.description ? "" : "   # a sentence for the section page"}`);
  if (!s.edition.isDefault) lines.push("  translations:", `    ${s.edition.code}: { name: ${quoted(s.name)}, description: ${quoted(description)} }`);
  return lines;
}

function section(out: string[], title: string, lines: readonly string[]): void {
  out.push("", title, ...lines.slice(0, SHOWN).map((line) => `  ${line}`));
  if (lines.length > SHOWN) out.push(`  … and ${lines.length - SHOWN} more (npm run check lists every one)`);
}
