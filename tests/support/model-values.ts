/**
 * Model values made in memory, for unit tests of what src/listings/ and src/model/ do with a site's
 * stories: a site in English (the default, at /), Sorani and Arabic (both right to left) with three
 * sections and two author profiles in every edition, and Articles, standalone pages, listings, picture
 * plans and edition models in which every field a test does not set has a plain default. Nothing is
 * read from or written to disk but the interface words.
 * The site is test-site.ts's.
 */
import { DateTime } from "luxon";
import type { Article, Term } from "../../src/model/article.ts";
import type { BreakingBar, EditionModel, Listing } from "../../src/model/site-model.ts";
import type { StandalonePage } from "../../src/model/standalone-page.ts";
import { publicationState } from "../../src/model/publishing.ts";
import { frontPage } from "../../src/listings/front-page.ts";
import { correctionsList } from "../../src/listings/corrections.ts";
import { FEED_ITEMS, PER_PAGE } from "../../src/listings/limits.ts";
import { widthsFor, type ImageFormat, type ImagePlan } from "../../src/images/image-plan.ts";
import type { Instant } from "../../src/shared/dates.ts";
import { paginate } from "../../src/shared/pagination.ts";
import { REPO } from "../../src/shared/repo.ts";
import type { Author } from "../../src/site/authors.ts";
import { loadEditions, type Edition } from "../../src/site/editions.ts";
import type { Section } from "../../src/site/sections.ts";
import { slugOf } from "../../src/site/slugs.ts";
import { FOLDER, outputPathOf, pagedUrl, urlPath } from "../../src/site/url-space.ts";
import { testSite } from "./test-site.ts";

export const SITE = testSite();
/** In the declared order: English (at /), Sorani (/ckb/), Arabic (/ar/). */
export const EDITIONS: readonly Edition[] = loadEditions(SITE, REPO);
export const [EN, CKB, AR] = EDITIONS as readonly [Edition, Edition, Edition];

/** Sections and authors have one name in every edition, and the same slug: the same page in each language. */
const SECTION_NAMES = ["World", "Business", "Culture"];
const AUTHOR_NAMES = ["Dilan Ahmed", "Karwan Ali"];
const sections = new Map<string, Section>();

/** A section ("World", "Business" or "Culture") as `edition` has it; one object per edition and name, as a build has. */
export function sectionOf(edition: Edition, name: string): Section {
  if (!SECTION_NAMES.includes(name)) throw new Error(`model-values: no section "${name}"`);
  const key = `${edition.code} ${name}`;
  let section = sections.get(key);
  if (!section) sections.set(key, (section = { name, slug: slugOf(name), url: urlPath(edition.home, slugOf(name)), description: name, lang: edition.code }));
  return section;
}

/** An author profile ("Dilan Ahmed" or "Karwan Ali") as `edition` has it. */
export function authorOf(edition: Edition, name: string): Author {
  if (!AUTHOR_NAMES.includes(name)) throw new Error(`model-values: no author "${name}"`);
  const slug = slugOf(name);
  return { name, canonicalName: name, slug, url: urlPath(edition.home, FOLDER.authors, slug), role: "Reporter", bio: "Writes.", photo: undefined, links: [], textLang: edition.code };
}

/** An instant that keeps the offset it is written with: "2026-01-20T12:00:00+03:00". */
export function instant(iso: string): Instant {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new Error(`model-values: not an ISO date: ${iso}`);
  return dt;
}

export function term(name: string, edition: Edition = EN): Term {
  const slug = slugOf(name);
  return { name, slug, url: urlPath(edition.home, FOLDER.tags, slug) };
}

/** An Article's fields, with a section by name, tags by name and dates as ISO strings. */
export type ArticleValues = Partial<Omit<Article, "section" | "tags" | "date" | "updated">> & {
  section?: string;
  tags?: readonly string[];
  date?: string;
  updated?: string;
};

/** An article of `edition` (English by default) in "World", dated 20 January 2026, at /<section>/<slug>/. */
export function article(v: ArticleValues = {}): Article {
  const { section: sectionName = "World", tags = [], date = "2026-01-20T12:00:00+03:00", updated, ...rest } = v;
  const edition = v.edition ?? EN;
  const section = sectionOf(edition, sectionName);
  const slug = v.slug ?? "story";
  const url = v.url ?? urlPath(section.url, slug);
  return {
    sourcePath: `content/${edition.segment ? `${edition.segment}/` : ""}${section.slug}/${slug}/index.md`,
    slug,
    url,
    outputPath: outputPathOf(SITE.pathPrefix, url),
    edition,
    lang: edition.code,
    dir: edition.dir,
    translationKey: undefined,
    title: `Title of ${slug}`,
    summary: `Summary of ${slug}.`,
    date: instant(date),
    updated: updated === undefined ? undefined : instant(updated),
    dateline: undefined,
    authors: [],
    section,
    tags: tags.map((t) => term(t, edition)),
    hero: undefined,
    corrections: [],
    draft: false,
    featured: false,
    html: `<p>Body of ${slug}.</p>`,
    feedHtml: `<p>Body of ${slug}.</p>`,
    updateHtml: [],
    live: undefined,
    wordCount: 3,
    readingMinutes: 1,
    images: [],
    internalLinks: [],
    version: `version of ${url}`,
    ...rest,
  };
}

/** A standalone page (About, Contact…) of `edition`, at /<slug>/. */
export function standalonePage(v: Partial<StandalonePage> & { slug: string }): StandalonePage {
  const { slug, ...rest } = v;
  const edition = v.edition ?? EN;
  const url = v.url ?? urlPath(edition.home, slug);
  return {
    sourcePath: `content/_pages/${edition.segment ? `${edition.segment}/` : ""}${slug}.md`,
    title: `Title of ${slug}`,
    summary: `Summary of ${slug}.`,
    url,
    outputPath: outputPathOf(SITE.pathPrefix, url),
    html: `<p>Body of ${slug}.</p>`,
    order: 0,
    edition,
    lang: edition.code,
    translationKey: undefined,
    ...rest,
  };
}

/** A listing of `items` (newest first) paginated as the site model does. */
export function listing<T extends { url: string }>(subject: T, items: readonly Article[] = []): Listing<T> {
  return { subject, pages: paginate(items, PER_PAGE, (n) => pagedUrl(subject.url, n)), latest: items.slice(0, FEED_ITEMS) };
}

/** A plan of a picture `width` × `height` named `name`, in AVIF, WebP and `fallback`, at the widths readPlan offers. */
export function imagePlan(o: { name?: string; width?: number; height?: number; fallback?: ImageFormat } = {}): ImagePlan {
  const { name = "picture", width = 1600, height = 900, fallback = "jpeg" } = o;
  const formats: ImageFormat[] = ["avif", "webp", fallback];
  const extension = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" } as const;
  const variants = widthsFor(width).flatMap((w) => formats.map((format) => ({ format, width: w, height: Math.round((height * w) / width), name: `${name}-${w}.${extension[format]}` })));
  return { source: `/pictures/${name}`, hash: name, width, height, formats, variants };
}

export interface ModelValues {
  articles?: readonly Article[];
  sections?: readonly Listing<Section>[];
  tags?: readonly Listing<Term>[];
  authors?: readonly Listing<Author>[];
  pages?: readonly StandalonePage[];
  /** The build time, ISO 8601. */
  now?: string;
  breaking?: BreakingBar;
}

/** An edition's model before its fonts are chosen (what src/listings/ hands the alternates and the fonts). */
export function editionModel(edition: Edition, v: ModelValues = {}): Omit<EditionModel, "fonts"> {
  const articles = v.articles ?? [];
  const sections = v.sections ?? [];
  const now = instant(v.now ?? "2026-01-30T12:00:00+03:00");
  return {
    site: SITE,
    edition,
    editions: EDITIONS,
    stylesheet: { url: "/assets/css/site.test.css", integrity: "sha384-test" },
    articles,
    latest: articles.slice(0, FEED_ITEMS),
    news: [],
    front: frontPage(articles, sections.map((l) => l.subject), edition.home),
    breaking: v.breaking,
    sections,
    tags: v.tags ?? [],
    authors: v.authors ?? [],
    pages: v.pages ?? [],
    footerPages: v.pages ?? [],
    corrections: correctionsList(articles, edition, v.pages ?? []),
    shareImage: undefined,
    now,
    stateOf: (a) => publicationState(a, now),
    relatedTo: () => [],
    alternatesOf: () => [],
  };
}
