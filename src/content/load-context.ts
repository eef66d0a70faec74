/**
 * What loading a story needs, in one object handed to every loader of content/ (as Astro hands its
 * loaders one context): the project and its store, the site's settings, editions, sections and
 * authors in the shapes the loader looks them up in, the picture planner and the body cache.
 */
import type { Project } from "../source/project.ts";
import type { ImagePlanner } from "../images/image-planner.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Edition } from "../site/editions.ts";
import type { Section, SectionsByEdition } from "../site/sections.ts";
import type { Author, AuthorsByEdition } from "../site/authors.ts";
import { articleSchema } from "./article-schema.ts";
import type { BodyCache } from "./body-cache.ts";
import type { Byline, Term } from "../model/article.ts";
import { readPlaceholders, type Placeholders } from "./placeholders.ts";

/** The site as src/site/ loads it from content/_data/ and the interface words. */
export interface SiteData {
  readonly site: SiteConfig;
  readonly editions: readonly Edition[];
  readonly sections: SectionsByEdition;
  readonly authors: AuthorsByEdition;
}

export interface LoadContext extends Project {
  readonly site: SiteConfig;
  readonly editions: readonly Edition[];
  /** The schema for an edition's time zone (dates without an offset are read in it). */
  schemaFor(edition: Edition): ReturnType<typeof articleSchema>;
  /** Each edition's sections, by every name an editor may write: the edition's, the first edition's, the slug. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, Section>>;
  /** Each edition's author profiles, by the name in authors.yaml and the edition's name. */
  readonly authors: ReadonlyMap<string, ReadonlyMap<string, Author>>;
  /** Plans of the pictures stories name (src/images/image-planner.ts). */
  readonly images: ImagePlanner;
  /** Parsed and rendered bodies of earlier builds (src/content/body-cache.ts); without it, every body is parsed. */
  readonly bodies: BodyCache | undefined;
  /** The archetype's placeholder text, which a published story must not hold (src/content/placeholders.ts). */
  readonly placeholders: Placeholders;
  /**
   * Everything besides its own file that a story is made from, as text: a story kept from an
   * earlier build (the preview's memo, the article manifest) stands only while this is the same.
   */
  readonly settings: string;
  /**
   * One object for each tag and each byline, however many stories name it: an archive names a few
   * hundred tags and authors 100,000 times (0.35 KB a story of a 50,000-story model, in a heap snapshot).
   */
  shared<T extends Term | Byline>(value: T): T;
}

export function loadContext(project: Project, data: SiteData, caches: { images: ImagePlanner; bodies?: BodyCache | undefined }): LoadContext {
  const { site, editions, sections, authors } = data;
  const schemas = new Map<string, ReturnType<typeof articleSchema>>();
  const placeholders = readPlaceholders(project.contentDir);
  return {
    ...project,
    site,
    editions,
    schemaFor: (edition) => {
      let schema = schemas.get(edition.timeZone);
      if (!schema) schemas.set(edition.timeZone, (schema = articleSchema(edition.timeZone)));
      return schema;
    },
    sections: new Map(editions.map((e) => [e.code, sectionNames(sections.get(e.code) ?? [], sections.get(editions[0]!.code) ?? [])])),
    authors: new Map(editions.map((e) => [e.code, authorNames(authors.get(e.code) ?? [])])),
    images: caches.images,
    bodies: caches.bodies,
    shared: sharing(),
    placeholders,
    settings: JSON.stringify({
      placeholders,
      folders: [project.root, project.contentDir, project.assetsDir],
      site,
      editions: editions.map((e) => [e.code, e.home, e.words.everything]),
      sections: [...sections],
      authors: [...authors].map(([code, list]) => [code, list.map((a) => [a.canonicalName, a.name, a.url])]),
    }),
  };
}

function sharing(): LoadContext["shared"] {
  const values = new Map<string, Term | Byline>();
  return (value) => {
    const key = `${value.name}\0${value.url}\0${"slug" in value ? value.slug : ""}`;
    const known = values.get(key);
    if (known) return known as typeof value;
    values.set(key, value);
    return value;
  };
}

/** This build's edition and section objects for a story loaded earlier (pages and listings match them by identity). */
export function placeIn(ctx: LoadContext, editionCode: string, sectionSlug: string): { edition: Edition; section: Section } | undefined {
  const edition = ctx.editions.find((e) => e.code === editionCode);
  const section = edition && [...(ctx.sections.get(edition.code)?.values() ?? [])].find((s) => s.slug === sectionSlug);
  return edition && section ? { edition, section } : undefined;
}

/** An edition's sections by the names an editor may write: the edition's name, the first edition's name, the slug (and each in lower case). */
function sectionNames(sections: readonly Section[], firstEdition: readonly Section[]): Map<string, Section> {
  const names = new Map<string, Section>();
  const add = (key: string, s: Section) => {
    if (!names.has(key)) names.set(key, s);
    if (!names.has(key.toLowerCase())) names.set(key.toLowerCase(), s);
  };
  for (const s of sections) add(s.name, s);
  for (const s of sections) {
    const first = firstEdition.find((f) => f.slug === s.slug);
    if (first) add(first.name, s);
    add(s.slug, s);
  }
  return names;
}

function authorNames(authors: readonly Author[]): Map<string, Author> {
  const names = new Map<string, Author>();
  for (const a of authors) names.set(a.canonicalName, a).set(a.name, a);
  return names;
}
