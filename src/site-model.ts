/**
 * The site model: everything templates need, sorted, paginated and related once. Templates never
 * sort, filter or slice; they lay out what they are given.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { transform } from "esbuild";
import { DateTime } from "luxon";
import type { Article, Figure, Term } from "./article.ts";
import { loadAuthors, type Author } from "./authors.ts";
import { parseDate, type Instant } from "./dates.ts";
import { ContentError } from "./errors.ts";
import { loadArticles } from "./load-content.ts";
import { locateImage } from "./image-paths.ts";
import { ImageReadError, planImage, withCrops, type ImagePlan } from "./images.ts";
import { paginate, type Paged } from "./pagination.ts";
import { isIncluded, publicationState, type PublicationState } from "./publishing.ts";
import { relatedStories } from "./related.ts";
import { loadSections, type Section } from "./sections.ts";
import { loadSiteConfig, type SiteConfig } from "./site-config.ts";
import { loadStandalonePages, type StandalonePage } from "./standalone-pages.ts";
import { urlPath } from "./urls.ts";

/** Stories per listing page (sections, tags, authors, the archive). */
export const PER_PAGE = 18;
/** Stories under the lead on the front page, before "More stories". */
export const FRONT_LATEST = 8;
/** Stories per section block on the front page. */
export const FRONT_PER_SECTION = 4;
/** A `featured` story leads the front page while it is among this many newest stories. */
export const FEATURED_WINDOW = 10;
/** Items in each feed. */
export const FEED_ITEMS = 50;
/** Google News sitemaps list articles published in the last two days, at most 1,000. */
export const NEWS_WINDOW_DAYS = 2;
export const NEWS_MAX = 1000;

export interface Listing<T> {
  readonly subject: T;
  readonly pages: readonly Paged<Article>[];
  /** The newest stories, for the listing's feeds. */
  readonly latest: readonly Article[];
}

export interface FrontPage {
  readonly lead: Article | undefined;
  readonly latest: readonly Article[];
  /** Declared sections with their newest stories not already shown above; empty ones left out. */
  readonly sections: readonly { section: Section; articles: readonly Article[] }[];
  /** Older stories: /page/2/ onwards. */
  readonly archive: readonly Paged<Article>[];
}

export interface SiteModel {
  readonly site: SiteConfig;
  /** The stylesheet, inlined into every page (small, and saves a request on a cold visit). */
  readonly css: string;
  /** The articles this build publishes, newest first. */
  readonly articles: readonly Article[];
  /** The newest stories, for the site's feeds. */
  readonly latest: readonly Article[];
  /** Stories for the Google News sitemap: published in the two days before the build time. */
  readonly news: readonly Article[];
  readonly front: FrontPage;
  /** In the order declared in sections.yaml; every declared section, even an empty one. */
  readonly sections: readonly Listing<Section>[];
  /** Sorted by name. */
  readonly tags: readonly Listing<Term>[];
  /** Profiled authors, in the order of authors.yaml. */
  readonly authors: readonly Listing<Author>[];
  /** About, Contact, …: linked from the footer. */
  readonly pages: readonly StandalonePage[];
  /** Every image a page of this build shows, for the encoder. */
  readonly images: readonly ImagePlan[];
  /** The site's share picture (site.yaml `image`), with its crops: for stories without a hero. */
  readonly shareImage: Figure | undefined;
  /** Drafts and embargoed articles left out of this build, for the build report. */
  readonly withheld: readonly { article: Article; state: PublicationState }[];
  readonly now: Instant;
  stateOf(article: Article): PublicationState;
  relatedTo(article: Article): readonly Article[];
}

export interface ModelOptions {
  root: string;
  contentDir: string;
  assetsDir: string;
  /** ISO 8601; default: the real clock. */
  now?: string | undefined;
  drafts: boolean;
  future: boolean;
}

export async function buildSiteModel(o: ModelOptions): Promise<SiteModel> {
  const site = await loadSiteConfig(o.contentDir, o.root);
  const now = resolveNow(o.now, site.timeZone);
  const [sections, authors, css] = await Promise.all([
    loadSections(o.contentDir, o.root, site.pathPrefix),
    loadAuthors(o.contentDir, o.root, o.assetsDir, site.pathPrefix),
    readFile(path.join(o.assetsDir, "css", "site.css"), "utf8").then(minifyCss),
  ]);
  const shareImage = await loadShareImage(site, o);
  const pages = loadStandalonePages(o.contentDir, o.root, site.pathPrefix, new Set(sections.map((s) => s.slug)));
  const all = await loadArticles({ root: o.root, contentDir: o.contentDir, assetsDir: o.assetsDir, site, sections, authors });
  const rules = { now, drafts: o.drafts, future: o.future };
  const sorted = [...all].sort(newestFirst);
  const articles = sorted.filter((a) => isIncluded(a, rules));
  const related = relatedStories(articles);
  const prefix = site.pathPrefix;
  const listing = <T>(subject: T, items: readonly Article[], base: string): Listing<T> => ({
    subject,
    pages: paginate(items, PER_PAGE, (n) => (n === 1 ? base : `${base}page/${n}/`)),
    latest: items.slice(0, FEED_ITEMS),
  });

  const bySection = groupBy(articles, (a) => [a.section.slug]);
  const byTag = groupBy(articles, (a) => a.tags.map((t) => t.slug));
  const byAuthor = groupBy(articles, (a) => a.authors.flatMap((b) => (b.url ? [b.url] : [])));
  // A tag spelled two ways ("Oil", "oil") is one tag, named as in its newest story.
  const tagTerms = new Map<string, Term>();
  for (const t of articles.flatMap((a) => a.tags)) if (!tagTerms.has(t.slug)) tagTerms.set(t.slug, t);

  return {
    site,
    css,
    articles,
    latest: articles.slice(0, FEED_ITEMS),
    news: articles.filter((a) => a.date >= now.minus({ days: NEWS_WINDOW_DAYS }) && a.date <= now).slice(0, NEWS_MAX),
    front: frontPage(articles, sections, prefix),
    sections: sections.map((s) => listing(s, bySection.get(s.slug) ?? [], s.url)),
    tags: [...tagTerms.values()].sort((a, b) => a.name.localeCompare(b.name)).map((t) => listing(t, byTag.get(t.slug)!, t.url)),
    authors: authors.map((a) => listing(a, byAuthor.get(a.url) ?? [], a.url)),
    pages,
    images: [
      ...new Set([...articles.flatMap((a) => a.images), ...authors.flatMap((a) => (a.photo ? [a.photo] : [])), ...(shareImage ? [shareImage.plan] : [])]),
    ],
    shareImage,
    withheld: sorted.filter((a) => !isIncluded(a, rules)).map((article) => ({ article, state: publicationState(article, now) })),
    now,
    stateOf: (article) => publicationState(article, now),
    relatedTo: (article) => related.get(article) ?? [],
  };
}

/**
 * The lead is the newest story marked `featured` among the newest few (so a forgotten flag does not
 * pin an old story for weeks), else the newest story. Then the latest stories, then each section's
 * newest stories not shown above, then the archive of everything after the latest.
 */
function frontPage(articles: readonly Article[], sections: readonly Section[], prefix: string): FrontPage {
  const lead = articles.slice(0, FEATURED_WINDOW).find((a) => a.featured) ?? articles[0];
  const latest = articles.filter((a) => a !== lead).slice(0, FRONT_LATEST);
  const shown = new Set([lead, ...latest]);
  const rest = articles.filter((a) => !shown.has(a));
  return {
    lead,
    latest,
    sections: sections
      .map((section) => ({ section, articles: rest.filter((a) => a.section.slug === section.slug).slice(0, FRONT_PER_SECTION) }))
      .filter((s) => s.articles.length > 0),
    archive: rest.length ? paginate(rest, PER_PAGE, (n) => urlPath(prefix, "page", String(n)), 2, prefix) : [],
  };
}

/** When a list of stories last changed: the latest first publication or update among them. */
export function lastChange(articles: readonly Article[]): Instant | undefined {
  let latest: Instant | undefined;
  for (const a of articles) {
    const changed = a.updated ?? a.date;
    if (!latest || changed > latest) latest = changed;
  }
  return latest;
}

function groupBy(articles: readonly Article[], keysOf: (a: Article) => readonly string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    for (const key of keysOf(a)) {
      const list = groups.get(key);
      if (list) list.push(a);
      else groups.set(key, [a]);
    }
  }
  return groups;
}

export async function loadShareImage(site: SiteConfig, o: Pick<ModelOptions, "root" | "contentDir" | "assetsDir">): Promise<Figure | undefined> {
  if (!site.image) return undefined;
  const file = locateImage(site.image.src, path.join(o.contentDir, "_data"), { root: o.root, assetsDir: o.assetsDir });
  if (typeof file !== "string") throw new ContentError([{ file: "content/_data/site.yaml", field: "image.src", message: file.error }]);
  try {
    return { plan: withCrops(await planImage(file)), alt: site.image.alt, caption: { text: "", credit: undefined } };
  } catch (error) {
    if (!(error instanceof ImageReadError)) throw error;
    throw new ContentError([{ file: "content/_data/site.yaml", field: "image.src", message: `${site.image.src}: ${error.message}` }]);
  }
}

/** The stylesheet is inlined into every page: its comments and spaces would be repeated thousands of times. */
async function minifyCss(css: string): Promise<string> {
  return (await transform(css, { loader: "css", minify: true })).code.trim();
}

/** Newest first; ties broken by URL so the order is the same on every build. */
function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
}

function resolveNow(value: string | undefined, zone: string): Instant {
  if (!value) return DateTime.now().setZone(zone) as Instant;
  const parsed = parseDate(value, zone);
  if (typeof parsed === "string") throw new ContentError([{ file: "--now", field: "now", message: parsed }]);
  return parsed;
}
