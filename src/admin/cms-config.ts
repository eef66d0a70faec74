/**
 * Decap CMS's configuration for /admin/, made from what the build itself accepts: the article schema,
 * the front-page and breaking-news schemas, the site's editions, sections and authors. Nothing in it is
 * written by hand, so the form cannot drift from the build: a field added to a schema appears in the
 * form, and one the form cannot express stops the build naming it (form-fields.ts).
 *
 * Per edition: a folder collection of its stories, saved where `npm run new` puts them
 * (`content/[<edition>/]<section>/<slug>/index.md`, the slug made from the headline as the build makes
 * it), and a file collection of its front-page and breaking-news files. Their files are read and written
 * by Dateline's own formats (entry-files.ts), which keep what the form did not change.
 */
import path from "node:path";
import type { Article } from "../model/article.ts";
import { articleSchema } from "../content/article-schema.ts";
import { editionFileName } from "../source/data-file.ts";
import type { AuthorsByEdition } from "../site/authors.ts";
import { breakingSchema } from "../site/breaking-file.ts";
import type { Edition } from "../site/editions.ts";
import { frontSchema } from "../site/front-file.ts";
import type { SectionsByEdition } from "../site/sections.ts";
import type { SiteConfig } from "../site/site-config.ts";
import { ContentError } from "../shared/errors.ts";
import { formFields, UnexpressibleField, type CmsField, type FieldLook } from "./form-fields.ts";
import { loadFormWords, type FormWords } from "./form-words.ts";
import { dataFormat, storyFormat, SUGGEST_WIDGET, type AdminModel } from "../model/admin.ts";

/** Where `npm run edit` runs Decap's local backend (decap-server's own default port). */
export const LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1";

/** Story slugs the front-page and breaking-news forms suggest: the newest of each edition. */
export const SUGGESTED_STORIES = 200;


export interface AdminInputs {
  root: string;
  contentDir: string;
  site: SiteConfig;
  editions: readonly Edition[];
  sections: SectionsByEdition;
  authors: AuthorsByEdition;
  /** Newest first: the newest of each edition are suggested by slug. */
  articles: readonly Article[];
  /** Decap's local backend (`npm run edit`), e.g. http://localhost:8081/api/v1. */
  localBackend: string;
}

const SCHEMA_FILE = { article: "src/content/article-schema.ts", front: "src/site/front-file.ts", breaking: "src/site/breaking-file.ts" };

/** The form itself: config.yml and the facts; the site model adds the page's scripts (src/listings/site-model.ts). */
export type FormModel = Omit<AdminModel, "script" | "integrity">;

export function adminModel(inputs: AdminInputs): FormModel | undefined {
  const { site, editions, root } = inputs;
  if (site.admin === false) return undefined;
  const zone = site.timeZone;
  const schemas = { article: articleSchema(zone), front: frontSchema, breaking: breakingSchema(zone) };
  // Each form's fields without words: their paths (for the words files' check) and their dates.
  const plain = {
    article: expressed("article", () => formFields(schemas.article, () => undefined)),
    front: expressed("front", () => formFields(schemas.front, () => undefined)),
    breaking: expressed("breaking", () => formFields(schemas.breaking, () => undefined)),
  };
  const paths = new Set<string>(["body"]);
  for (const f of [...plain.article, ...plain.front, ...plain.breaking]) addPaths(f, "", paths);
  const words = loadFormWords(
    editions.map((e) => e.code),
    paths,
    root,
  );
  const english = words.get("en") ?? {};
  const content = (segment: string) => posix(path.relative(root, path.join(inputs.contentDir, segment)));
  const dataDir = content("_data");
  const facts: AdminModel["facts"] = {
    firstEdition: editions[0]!.code,
    editions: Object.fromEntries(
      editions.map((e) => [e.code, { zone: e.timeZone, sections: Object.fromEntries((inputs.sections.get(e.code) ?? []).map((s) => [s.slug, s.name])) }]),
    ),
    dateFields: [...new Set([...dateFields(plain.article), ...dateFields(plain.breaking)])],
    collections: {},
    requiredInGroups: [],
  };

  const collections = editions.flatMap((edition) => {
    const own = words.get(edition.code) ?? {};
    const say = <K extends "stories" | "desk" | "front" | "breaking">(k: K) => ({ ...english[k], ...own[k] }) as NonNullable<FormWords[K]>;
    const look = (extra: (p: string) => Partial<CmsField> | undefined) => (p: string): FieldLook => {
      const w = own.fields?.[p] ?? english.fields?.[p];
      return { label: w?.label, hint: w?.hint, widget: extra(p) };
    };
    const sections = inputs.sections.get(edition.code) ?? [];
    const authors = (inputs.authors.get(edition.code) ?? []).map((a) => a.name);
    const stories = inputs.articles.filter((a) => a.lang === edition.code).slice(0, SUGGESTED_STORIES);
    const storyOptions = stories.map((a) => ({ value: a.slug, label: a.title }));
    const articleWidgets = (p: string): Partial<CmsField> | undefined => {
      switch (p) {
        case "summary":
        case "image.caption":
        case "corrections.text":
          return { widget: "text" };
        case "date":
          return { widget: "datetime", default: "{{now}}", format: DATE_FORMAT };
        case "updated":
        case "corrections.date":
        case "live.ended":
          return { widget: "datetime", format: DATE_FORMAT };
        case "author":
          return { widget: "list", field: { name: "name", label: "", widget: SUGGEST_WIDGET, options: authors } };
        case "section":
          return { widget: "select", options: sections.map((s) => ({ label: s.name, value: s.slug })) };
        // Comma-separated, as editors write them in a line.
        case "tags":
          return { widget: "list", field: undefined };
        case "image.src":
          return { widget: "image", choose_url: false };
        case "lang":
          return { widget: "hidden", default: edition.code };
        // A new story starts as a draft, as `npm run new` makes one.
        case "draft":
          return { default: true };
        case "live":
          return { collapsed: true };
        default:
          return undefined;
      }
    };
    const fields = [
      ...expressed("article", () => formFields(schemas.article, look(articleWidgets))),
      { name: "body", widget: "markdown", modes: ["raw"], ...definedWords(look(() => undefined)("body")) },
    ].map(clean);
    relaxGroups(fields, edition.isDefault ? facts.requiredInGroups : []);
    const storyCollection = {
      name: `stories-${edition.code}`,
      label: say("stories").label,
      label_singular: say("stories").singular,
      description: say("stories").description,
      folder: content(edition.segment),
      // The folder a story goes in, as `npm run new` makes it: its section's slug, then its own.
      // (Not `{{fields.section}}`: Decap turns a path template's dots into dashes.)
      path: "{{section}}/{{slug}}/index",
      slug: "{{fields.slug}}",
      extension: "md",
      format: storyFormat(edition.code),
      create: true,
      // Only the edition's stories: pages, the archetype and other editions' files have another `lang` or none.
      filter: { field: "lang", value: edition.code },
      // Pictures beside the story, named in its frontmatter as a file of its folder.
      media_folder: "",
      public_folder: "",
      summary: "{{title}}",
      sortable_fields: ["date", "title"],
      view_filters: [{ label: look(() => undefined)("draft").label ?? "Draft", field: "draft", pattern: true }],
      fields,
    };
    const suggest = (p: string): Partial<CmsField> | undefined => {
      if (p === "lead" || p === "link") return { widget: SUGGEST_WIDGET, options: storyOptions };
      if (p === "top") return { widget: "list", field: { name: "story", label: "", widget: SUGGEST_WIDGET, options: storyOptions } };
      if (p === "sections") return { widget: "select", multiple: true, options: sections.map((s) => s.name) };
      if (p === "until") return { widget: "datetime", format: DATE_FORMAT };
      return undefined;
    };
    const deskCollection = {
      name: `desk-${edition.code}`,
      label: say("desk").label,
      format: dataFormat(edition.code),
      editor: { preview: false },
      files: [
        { name: `front-${edition.code}`, label: say("front").label, file: `${dataDir}/${editionFileName("front.yaml", edition)}`, fields: expressed("front", () => formFields(schemas.front, look(suggest))).map(clean) },
        { name: `breaking-${edition.code}`, label: say("breaking").label, file: `${dataDir}/${editionFileName("breaking.yaml", edition)}`, fields: expressed("breaking", () => formFields(schemas.breaking, look(suggest))).map(clean) },
      ],
    };
    for (const c of [storyCollection, deskCollection]) facts.collections[c.name] = { edition: edition.code, dir: edition.dir };
    return [storyCollection, deskCollection];
  });

  const hosted = typeof site.admin === "object" ? site.admin.backend : undefined;
  const config = {
    // Without a hosted backend, the form edits this checkout's files through `npm run edit`.
    backend: hosted ?? { name: "proxy", proxy_url: inputs.localBackend, branch: "main" },
    ...(hosted ? { local_backend: { url: inputs.localBackend } } : {}),
    site_url: site.url,
    display_url: site.url,
    publish_mode: "simple",
    // Pictures a collection does not place itself (none yet): the repository's assets.
    media_folder: "assets/uploads",
    public_folder: "/assets/uploads",
    // Slugs in the editions' own scripts, as the build makes them (src/site/slugs.ts).
    slug: { encoding: "unicode", clean_accents: false, sanitize_replacement: "-" },
    collections,
  };
  return { config, facts };
}

/** Decap's datetime widget writes this (dayjs); the story format rewrites a changed one in the site's zone. */
const DATE_FORMAT = "YYYY-MM-DDTHH:mm:ssZ";

/** A form's fields, or the build's error naming the field the form cannot express and the schema's file. */
function expressed(which: keyof typeof SCHEMA_FILE, make: () => CmsField[]): CmsField[] {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof UnexpressibleField)) throw error;
    throw new ContentError([{ file: SCHEMA_FILE[which], field: error.field, message: error.message.replace(/^`[^`]*`: /, "") }]);
  }
}

/**
 * The required fields of each optional group made optional in the form, and noted (once, by the
 * first edition, in its words) for the page's script: Decap validates a group's fields even when
 * the group is left empty, so an optional picture would otherwise demand its alt text.
 */
function relaxGroups(fields: CmsField[], into: AdminModel["facts"]["requiredInGroups"]): void {
  for (const group of fields) {
    if (group.widget !== "object" || group.required !== false) continue;
    for (const field of group.fields ?? []) {
      if (field.required === false) continue;
      field.required = false;
      into.push({ group: group.name, field: field.name, label: field.label, groupLabel: group.label });
    }
  }
}

function addPaths(field: CmsField, prefix: string, into: Set<string>): void {
  const p = prefix ? `${prefix}.${field.name}` : field.name;
  into.add(p);
  for (const f of field.fields ?? []) addPaths(f, p, into);
}

function dateFields(fields: readonly CmsField[], prefix = ""): string[] {
  return fields.flatMap((f) => {
    const p = prefix ? `${prefix}.${f.name}` : f.name;
    if (f.widget === "datetime") return [p];
    return f.fields ? dateFields(f.fields, p) : [];
  });
}

/** A field without the options an override set to undefined (YAML would write them as null). */
function clean(field: CmsField): CmsField {
  const out = Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined)) as CmsField;
  if (out.fields) out.fields = out.fields.map(clean);
  if (out.field) out.field = clean(out.field);
  return out;
}

function definedWords(look: FieldLook): { label: string; hint?: string } {
  return { label: look.label ?? "Body", ...(look.hint ? { hint: look.hint } : {}) };
}

const posix = (p: string) => p.split(path.sep).join("/");
