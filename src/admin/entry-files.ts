/**
 * How the editing form reads and writes an editor's files: a story (YAML frontmatter and Markdown)
 * and a data file (YAML). Decap CMS would parse the file, drop every `#` comment, and write every key
 * again in its own style; these formats (registered in the browser by admin-page-script.ts) keep the
 * file as the editor or `npm run new` wrote it and change only the fields the form changed.
 *
 * On the way in the form gets what its widgets can show: a date in the site's zone with its offset
 * (a date written without one is read in the edition's zone, as the build reads it), and a section by
 * its slug (the form's select; the folder of a new story is made from it). On the way out a changed
 * date is written with the site's UTC offset, whatever the editor's computer's zone; a section with
 * its name in the edition, as `npm run new` writes it; an emptied optional field is removed; and every
 * field the form did not change keeps its text, comments and place.
 *
 * Pure functions of text and facts, bundled for the browser and tested in Node.
 */
import { isoWithOffset, parseDate } from "../shared/dates.ts";
import { isMap, parseDocument, type Document } from "yaml";
import type { FormFacts } from "../model/admin.ts";


/** Where the form keeps the file as it was read: never a field of the form, never written. */
export const KEPT = "__dateline";

interface Kept {
  /** The YAML text as read (a story's frontmatter, or the whole data file). */
  yaml: string;
  /** The values the form was given for it, to tell what the editor changed. */
  given: Record<string, unknown>;
  /** A story's Markdown after its frontmatter. */
  body?: string;
}

type Data = Record<string, unknown>;

// ---- stories: frontmatter and Markdown --------------------------------------------------------

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

export function readStory(text: string, facts: FormFacts): Data {
  const match = text.startsWith("---") ? FRONTMATTER.exec(text) : null;
  const yaml = match ? match[1]! : "";
  const body = match ? text.slice(match[0].length).replace(/^\r?\n/, "") : text;
  const data = parsed(yaml);
  // A file that is not a story (a page, the archetype's placeholders) gets no edition: the
  // collections' filter on `lang` leaves it out of the list.
  const isStory = typeof data.section === "string" && !/\{\{/.test(`${data.title}${data.section}`);
  if (!isStory) delete data.lang;
  else if (data.lang === undefined) data.lang = facts.firstEdition;
  // The schema's short forms in the form's full ones (a list of names, a place and source): the
  // widgets read only those. Left as the editor wrote them unless the editor changes them.
  if (isStory) {
    if (typeof data.author === "string") data.author = [data.author];
    if (typeof data.tags === "string") data.tags = [data.tags];
    if (typeof data.dateline === "string") data.dateline = { place: data.dateline };
  }
  const edition = facts.editions[String(data.lang)];
  if (edition) {
    inZone(data, facts, edition.zone);
    if (typeof data.section === "string") data.section = sectionSlug(data.section, edition.sections, facts.editions[facts.firstEdition]?.sections ?? {});
  }
  const given = structuredClone(data);
  return { ...data, body, [KEPT]: { yaml, given, body } satisfies Kept };
}

export function writeStory(data: Data, facts: FormFacts): string {
  const { body, [KEPT]: kept, ...fields } = data;
  const edition = facts.editions[String(fields.lang ?? facts.firstEdition)];
  if (edition && typeof fields.section === "string" && fields.section !== (kept as Kept | undefined)?.given.section) fields.section = edition.sections[fields.section] ?? fields.section;
  const yaml = writeYaml(fields, kept as Kept | undefined, facts, edition?.zone);
  const text = typeof body === "string" ? body : "";
  return `---\n${yaml}${yaml.endsWith("\n") ? "" : "\n"}---\n\n${text.replace(/^\n+/, "")}${text.endsWith("\n") || !text ? "" : "\n"}`;
}

// ---- data files: YAML --------------------------------------------------------------------------

/** A data file of one edition (`front.ckb.yaml`): its dates are read in that edition's zone. */
export function readDataFile(text: string, facts: FormFacts, edition: string): Data {
  const data = parsed(text);
  const zone = facts.editions[edition]?.zone;
  if (zone) inZone(data, facts, zone);
  return { ...data, [KEPT]: { yaml: text, given: structuredClone(data) } satisfies Kept };
}

export function writeDataFile(data: Data, facts: FormFacts, edition: string): string {
  const { [KEPT]: kept, ...fields } = data;
  return writeYaml(fields, kept as Kept | undefined, facts, facts.editions[edition]?.zone);
}

// ---- the shared part ---------------------------------------------------------------------------

/** YAML 1.2 core, as the build reads it: a date stays text. A file that does not parse gives no fields (the build names its line). */
function parsed(yaml: string): Data {
  try {
    const value: unknown = parseDocument(yaml, { schema: "core" }).toJS();
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {};
  } catch {
    return {};
  }
}

/**
 * The fields into the YAML as read: a field the form left as it was given keeps its node (its text,
 * quotes and comments); a changed one is set; an emptied one is removed. A field the file never had
 * and the form only filled in (a story's `lang`) is not added.
 */
function writeYaml(fields: Data, kept: Kept | undefined, facts: FormFacts, zone: string | undefined): string {
  const doc: Document = parseDocument(kept?.yaml ?? "", { schema: "core" });
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
  const given = kept?.given ?? {};
  for (const key of new Set([...Object.keys(given), ...Object.keys(fields)])) {
    const value = tidy(fields[key]);
    if (same(value, tidy(given[key]))) continue;
    if (value === undefined) doc.delete(key);
    else doc.set(key, doc.createNode(zone ? fileDates(key, value, facts, zone) : value));
  }
  // Long text on one line, as editors write a standfirst; a text that needs quotes gets double ones.
  return doc.toString({ lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER, flowCollectionPadding: false });
}

/** Empty is absent: "", null, [], {} and objects whose fields are all empty. Lists keep their items' order. */
export function tidy(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(tidy).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Data)
      .map(([k, v]) => [k, tidy(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Each date field in the zone, as the build reads it (src/shared/dates.ts): a date written without an
 * offset is a time in the zone, one with an offset keeps its instant; ISO 8601 with the zone's offset.
 * The form's datetime widget reads this; a changed date is written so, never in UTC.
 */
function inZone(data: Data, facts: FormFacts, zone: string): void {
  eachDate(data, facts, (value) => {
    const date = typeof value === "string" ? parseDate(value, zone) : undefined;
    return date && typeof date !== "string" ? isoWithOffset(date) : value;
  });
}

/** A changed field's dates in the site's zone, the instant unchanged: `…T09:30:00+03:00`. */
function fileDates(key: string, value: unknown, facts: FormFacts, zone: string): unknown {
  const one = { [key]: structuredClone(value) };
  inZone(one, facts, zone);
  return one[key];
}

function eachDate(data: Data, facts: FormFacts, change: (value: unknown) => unknown): void {
  for (const field of facts.dateFields) {
    const [top, inner] = field.split(".") as [string, string | undefined];
    const value = data[top];
    if (inner === undefined) {
      if (value !== undefined) data[top] = change(value);
    } else if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === "object" && (item as Data)[inner] !== undefined) (item as Data)[inner] = change((item as Data)[inner]);
    } else if (value && typeof value === "object" && (value as Data)[inner] !== undefined) {
      (value as Data)[inner] = change((value as Data)[inner]);
    }
  }
}

/** A section as an editor may write it (its name in the edition or the first, any case, or its slug) → its slug; else as written. */
function sectionSlug(written: string, names: Record<string, string>, firstNames: Record<string, string>): string {
  const wanted = written.trim().toLowerCase();
  for (const table of [names, firstNames]) {
    for (const [slug, name] of Object.entries(table)) if (slug === wanted || name.toLowerCase() === wanted) return slug;
  }
  return written;
}
