/**
 * The site model: everything templates need, sorted, paginated and related once. Templates never
 * sort, filter or slice; they lay out what they are given.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import type { Article, Figure, Term } from "../content/load-article.ts";
import { hasPageIn, loadAuthors, type Author } from "../site/authors.ts";
import { dateWords, parseDate, type Instant } from "../shared/dates.ts";
import { ContentError } from "../shared/errors.ts";
import { loadArticles, type ArticleMemo } from "../content/load-content.ts";
import { locateImage } from "../images/locate-image.ts";
import { ImageReadError, loadPlans, planImage, savePlans, withCrops, type ImagePlan } from "../images/images.ts";
import { paginate, type Paged } from "../shared/pagination.ts";
import { isIncluded, publicationState, type PublicationState } from "../model/publishing.ts";
import { relatedStories } from "./related.ts";
import { loadSections, type Section } from "../site/sections.ts";
import { loadSiteConfig, type SiteConfig } from "../site/site-config.ts";
import { loadStandalonePages, type StandalonePage } from "../content/standalone-pages.ts";
import { FOLDER, pagedUrl, searchPath, stylesheetPath } from "../site/url-space.ts";
import { groupBy } from "../shared/group-by.ts";
import { arabicScriptFonts, preloadFont, type FontFile } from "../assets/fonts.ts";
import { loadEditions, type Edition } from "../site/editions.ts";
import { isArabicScript } from "../locale/languages.ts";
import { BodyCache } from "../content/body-cache.ts";
import { codeVersion } from "../store/code-version.ts";
import { writeAtomically } from "../store/atomic-file.ts";

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

/** A page's versions in the editions' languages, for hreflang links, sitemaps and the language switcher. */
export interface Alternate {
  readonly edition: Edition;
  readonly url: string;
}

/** What the templates of one edition read: its stories and listings, in its language. */
export interface EditionModel {
  readonly site: SiteConfig;
  readonly edition: Edition;
  /** Every edition, in the declared order (the first is the default). */
  readonly editions: readonly Edition[];
  /** The stylesheet: one minified file with a content-hashed name (cached by readers for good), and its SRI hash. */
  readonly stylesheet: { readonly url: string; readonly integrity: string };
  /** The edition's articles this build publishes, newest first. */
  readonly articles: readonly Article[];
  /** The newest stories, for the edition's feeds. */
  readonly latest: readonly Article[];
  /** Stories for the Google News sitemap: published in the two days before the build time. */
  readonly news: readonly Article[];
  readonly front: FrontPage;
  /** In the order declared in sections.yaml; every section the edition has, even an empty one. */
  readonly sections: readonly Listing<Section>[];
  /** Sorted by name. */
  readonly tags: readonly Listing<Term>[];
  /** Profiled authors, in the order of authors.yaml. */
  readonly authors: readonly Listing<Author>[];
  /** About, Contact, …: linked from the footer. */
  readonly pages: readonly StandalonePage[];
  /** The site's share picture (site.yaml `image`), with its crops: for stories without a hero. */
  readonly shareImage: Figure | undefined;
  readonly now: Instant;
  stateOf(article: Article): PublicationState;
  relatedTo(article: Article): readonly Article[];
  /** The page at `url` in every edition that has it, this one included; empty when only this one has it. */
  alternatesOf(url: string): readonly Alternate[];
  /** Self-hosted faces for an Arabic-script edition: @font-face rules, and the reading face to preload. */
  readonly fonts: { readonly css: string; readonly preload: string | undefined };
}

export interface SiteModel {
  readonly site: SiteConfig;
  readonly editions: readonly EditionModel[];
  /** Every edition's articles, newest first. */
  readonly articles: readonly Article[];
  /** Every image a page of this build shows, for the encoder. */
  readonly images: readonly ImagePlan[];
  /** The minified stylesheet and where it goes in the output. */
  readonly stylesheet: { readonly outputPath: string; readonly content: string };
  /** Font files the Arabic-script editions use, subset to their text, for the output's fonts/ folder. */
  readonly fontFiles: readonly FontFile[];
  /** Drafts and embargoed articles left out of this build, for the build report. */
  readonly withheld: readonly { article: Article; state: PublicationState }[];
  /** Article bodies parsed by this build; the others came from .cache/articles/. */
  readonly bodiesParsed: number;
  /**
   * Everything a page may show besides the stories it lists, as a hash: the code (src/store/code-version.ts),
   * the site's settings, editions, sections, authors, standalone pages, stylesheet, fonts and share
   * picture, the year in the footers and the build's rules. With a page's own key (`Page.key`) it
   * decides whether the page of an earlier build can stand.
   */
  readonly fingerprint: string;
  readonly now: Instant;
}

export interface ModelOptions {
  root: string;
  contentDir: string;
  assetsDir: string;
  /** ISO 8601; default: the real clock. */
  now?: string | undefined;
  drafts: boolean;
  future: boolean;
  /**
   * What earlier builds worked out, safe to delete (default `<root>/.cache`): parsed bodies in
   * articles/, picture plans in image-plans.json, subset fonts in fonts/ (encoded pictures are the
   * plugin's, in images/).
   */
  cacheDir?: string;
  /** Articles loaded by an earlier build of this process (the preview server's rebuilds). */
  memo?: ArticleMemo;
}

export async function buildSiteModel(o: ModelOptions): Promise<SiteModel> {
  const cacheDir = o.cacheDir ?? path.join(o.root, ".cache");
  const site = await loadSiteConfig(o.contentDir, o.root);
  const now = resolveNow(o.now, site.timeZone);
  const editions = loadEditions(site, o.root);
  const [sections, authors, stylesheet] = await Promise.all([
    loadSections(o.contentDir, o.root, editions),
    loadAuthors(o.contentDir, o.root, o.assetsDir, editions),
    readFile(path.join(o.assetsDir, "css", "site.css"), "utf8")
      .then((css) => minifyCss(css, path.join(cacheDir, "css")))
      .then((content) => ({ content, outputPath: stylesheetPath(contentHash(content)) })),
  ]);
  const shareImage = await loadShareImage(site, o);
  const sectionSlugs = new Set([...sections.values()].flatMap((list) => list.map((s) => s.slug)));
  const pages = loadStandalonePages(o.contentDir, o.root, site.pathPrefix, editions, sectionSlugs);
  const bodies = new BodyCache(path.join(cacheDir, "articles"));
  await loadPlans(path.join(cacheDir, "image-plans.json"));
  const all = await loadArticles({
    root: o.root,
    contentDir: o.contentDir,
    assetsDir: o.assetsDir,
    site,
    editions,
    sections,
    authors,
    bodies,
    memo: o.memo,
    manifest: path.join(cacheDir, "article-manifest.json"),
  });
  // A preview reuses articles without asking the body cache: pruning then would empty it.
  if (!o.memo) bodies.prune();
  const rules = { now, drafts: o.drafts, future: o.future };
  const sorted = [...all].sort(newestFirst);
  const articles = sorted.filter((a) => isIncluded(a, rules));
  const alternates = new Alternates(editions);

  const stylesheetLink = { url: `${site.pathPrefix}${stylesheet.outputPath}`, integrity: `sha384-${createHash("sha384").update(stylesheet.content).digest("base64")}` };
  const models = editions.map((edition): Omit<EditionModel, "fonts"> => {
    const own = articles.filter((a) => a.edition === edition);
    const ownSections = sections.get(edition.code) ?? [];
    const related = relatedStories(own);
    const listing = <T>(subject: T, items: readonly Article[], base: string): Listing<T> => ({
      subject,
      pages: paginate(items, PER_PAGE, (n) => pagedUrl(base, n)),
      latest: items.slice(0, FEED_ITEMS),
    });
    const bySection = groupBy(own, (a) => [a.section.slug]);
    const byTag = groupBy(own, (a) => a.tags.map((t) => t.slug));
    const byAuthor = groupBy(own, (a) => a.authors.flatMap((b) => (b.url ? [b.url] : [])));
    // A tag spelled two ways ("Oil", "oil") is one tag, named as in its newest story.
    const tagTerms = new Map<string, Term>();
    for (const t of own.flatMap((a) => a.tags)) if (!tagTerms.has(t.slug)) tagTerms.set(t.slug, t);
    // The first edition profiles every author; the others, those who write in them or are translated.
    const ownAuthors = (authors.get(edition.code) ?? []).filter((a) => hasPageIn(edition, a, byAuthor.has(a.url)));
    return {
      site,
      edition,
      editions,
      stylesheet: stylesheetLink,
      articles: own,
      latest: own.slice(0, FEED_ITEMS),
      news: own.filter((a) => a.date >= now.minus({ days: NEWS_WINDOW_DAYS }) && a.date <= now).slice(0, NEWS_MAX),
      front: frontPage(own, ownSections, edition.home),
      sections: ownSections.map((s) => listing(s, bySection.get(s.slug) ?? [], s.url)),
      tags: [...tagTerms.values()].sort((a, b) => a.name.localeCompare(b.name, edition.locale)).map((t) => listing(t, byTag.get(t.slug)!, t.url)),
      authors: ownAuthors.map((a) => listing(a, byAuthor.get(a.url) ?? [], a.url)),
      pages: pages.filter((p) => p.edition === edition),
      shareImage,
      now,
      stateOf: (article) => publicationState(article, now),
      relatedTo: (article) => related.get(article) ?? [],
      alternatesOf: (url) => alternates.of(url),
    };
  });

  // Pages that are one another's translations: the front pages, search pages, sections and authors
  // by their folder, and articles and standalone pages by their translationKey. A listing without
  // stories is no one's equivalent (and is not indexed: templates/pages/listing.ts).
  const listed = <T>(l: Listing<T>) => l.pages[0]!.items.length > 0;
  alternates.add(models.filter((m) => m.articles.length).map((m) => ({ edition: m.edition, url: m.edition.home })));
  alternates.add(models.map((m) => ({ edition: m.edition, url: searchPath(m.edition.home) })));
  const bySlug = <T extends { slug: string; url: string }>(pick: (m: (typeof models)[number]) => readonly Listing<T>[]) => {
    const listings = models.flatMap((m) => pick(m).filter(listed).map((l) => ({ edition: m.edition, url: l.subject.url, slug: l.subject.slug })));
    for (const group of groupBy(listings, (l) => [l.slug]).values()) alternates.add(group);
  };
  bySlug((m) => m.sections);
  bySlug((m) => m.authors);
  for (const group of groupBy(articles, (a) => (a.translationKey ? [a.translationKey] : [])).values()) alternates.add(group.map((a) => ({ edition: a.edition, url: a.url })));
  for (const group of groupBy(pages, (p) => (p.translationKey ? [p.translationKey] : [])).values()) alternates.add(group.map((p) => ({ edition: p.edition, url: p.url })));

  // One subset of each face for every Arabic-script edition, of the characters their pages show.
  const arabicScript = models.filter((m) => isArabicScript(m.edition.code));
  const fonts = arabicScript.length
    ? await arabicScriptFonts(arabicScriptText(arabicScript, editions), {
        base: `${site.pathPrefix}${FOLDER.fonts}/`,
        cacheDir: path.join(cacheDir, "fonts"),
      })
    : { css: "", files: [] };
  const preload = preloadFont(fonts);
  const withFonts = models.map((m) => ({
    ...m,
    fonts: isArabicScript(m.edition.code) ? { css: fonts.css, preload: preload && `${site.pathPrefix}${FOLDER.fonts}/${preload.fileName}` } : { css: "", preload: undefined },
  }));

  const images = [
    ...new Set([
      ...articles.flatMap((a) => a.images),
      ...[...authors.values()].flatMap((list) => list.flatMap((a) => (a.photo ? [a.photo] : []))),
      ...(shareImage ? [shareImage.plan] : []),
    ]),
  ];
  await savePlans(path.join(cacheDir, "image-plans.json"), [...all.flatMap((a) => a.images), ...images]);
  // Not the build time itself: what pages take from it is in their keys (a story's state, a feed
  // without stories, the news sitemap's stories), the footer's year here.
  const settings = { site, editions, sections: [...sections], authors: [...authors], pages, stylesheetLink, fonts: [fonts.css, preload?.fileName], shareImage, year: now.year, drafts: o.drafts, future: o.future };
  // Editions appear by their code inside the others; their words are in the code's hash (templates/translations/).
  const fingerprint = createHash("sha256")
    .update(codeVersion())
    .update(JSON.stringify(settings, (key, value: unknown) => (key === "words" ? undefined : key === "edition" ? (value as Edition).code : value)))
    .digest("base64url");

  return {
    site,
    editions: withFonts,
    articles,
    images,
    stylesheet,
    fontFiles: fonts.files,
    withheld: sorted.filter((a) => !isIncluded(a, rules)).map((article) => ({ article, state: publicationState(article, now) })),
    bodiesParsed: bodies.parsed,
    fingerprint,
    now,
  };
}

/**
 * What the Arabic-script fonts must hold: the letters, digits and punctuation of Arabic, Persian and
 * Sorani always (so the subset, and its content-hashed name that readers cache, changes only when a
 * story brings a rarer character), and every character those editions' pages show.
 */
const ARABIC_SCRIPT_REPERTOIRE =
  "\u0621-\u063a\u0640-\u0652\u0660-\u066c\u06f0-\u06f9\u060c\u061b\u061f\u0670\u067e\u0686\u0698\u06a4\u06a9\u06af\u06be\u06c6\u06cc\u06ce\u06d5\u0695\u06b5\u200c\u200d«»";

function arabicScriptText(models: readonly Omit<EditionModel, "fonts">[], editions: readonly Edition[]): string {
  const seen = new Set<string>();
  const add = (text: string | undefined) => {
    // Only characters past Latin matter; the scan is per part, never one string of the whole site.
    if (text) for (const ch of text) if (ch >= "\u0600") seen.add(ch);
  };
  for (const range of ARABIC_SCRIPT_REPERTOIRE.matchAll(/(.)-(.)|(.)/gsu)) {
    if (range[3]) seen.add(range[3]);
    else for (let c = range[1]!.codePointAt(0)!; c <= range[2]!.codePointAt(0)!; c++) seen.add(String.fromCodePoint(c));
  }
  for (const e of editions) add(e.name);
  for (const m of models) {
    [m.edition.title, m.edition.description, m.edition.words.everything].forEach(add);
    // Dates are worded by Intl: every month's name, the digits and the zone's name.
    for (let month = 1; month <= 12; month++) {
      const w = dateWords(m.now.set({ month, day: 28 }).setZone(m.edition.timeZone) as Instant, m.edition.intl);
      add(w.day);
      add(w.time);
    }
    for (const a of m.articles) {
      [a.title, a.summary, a.html, a.hero?.caption.text, a.hero?.caption.credit, a.dateline?.place, a.dateline?.source].forEach(add);
      for (const b of a.authors) add(b.name);
      for (const c of a.corrections) add(c.text);
    }
    for (const l of m.sections) [l.subject.name, l.subject.description].forEach(add);
    for (const l of m.tags) add(l.subject.name);
    for (const l of m.authors) [l.subject.name, l.subject.role, l.subject.bio].forEach(add);
    for (const p of m.pages) [p.title, p.summary, p.html].forEach(add);
  }
  return [...seen].join("");
}

/** Groups of URLs that are one page in several languages, in the editions' order. */
class Alternates {
  readonly #byUrl = new Map<string, readonly Alternate[]>();
  readonly #editions: readonly Edition[];
  constructor(editions: readonly Edition[]) {
    this.#editions = editions;
  }
  add(group: readonly Alternate[]): void {
    if (group.length < 2) return;
    const sorted = [...group].sort((a, b) => this.#editions.indexOf(a.edition) - this.#editions.indexOf(b.edition));
    for (const a of group) this.#byUrl.set(a.url, sorted);
  }
  of(url: string): readonly Alternate[] {
    return this.#byUrl.get(url) ?? [];
  }
}

/**
 * The lead is the newest story marked `featured` among the newest few (so a forgotten flag does not
 * pin an old story for weeks), else the newest story. Then the latest stories, then each section's
 * newest stories not shown above, then the archive of everything after the latest.
 */
function frontPage(articles: readonly Article[], sections: readonly Section[], home: string): FrontPage {
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
    archive: rest.length ? paginate(rest, PER_PAGE, (n) => pagedUrl(home, n), 2, home) : [],
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

/**
 * The stylesheet is one file for every page, minified. It used to be inlined (a request saved on a
 * first visit), but at newsroom scale that repeated 13 KB in every page: 64 MB of a 4,000-article
 * build's 141 MB, rendered and written each time, and downloaded again with every page read.
 */
async function minifyCss(css: string, cacheDir: string): Promise<string> {
  // Kept by the source's hash and the code's (esbuild's version is in the lock file): a build that
  // finds it neither loads esbuild nor starts its service process (~60 ms).
  const cached = path.join(cacheDir, `${createHash("sha256").update(codeVersion()).update(css).digest("hex").slice(0, 32)}.css`);
  const hit = await readFile(cached, "utf8").catch(() => undefined);
  if (hit !== undefined) return hit;
  const { transform } = await import("esbuild");
  const minified = (await transform(css, { loader: "css", minify: true })).code.trim();
  await writeAtomically(cached, minified);
  // One stylesheet at a time: the one before is of no more use.
  for (const name of await readdir(cacheDir)) if (name.endsWith(".css") && path.join(cacheDir, name) !== cached) await rm(path.join(cacheDir, name), { force: true });
  return minified;
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

/** A short content hash for a file name that can be cached forever. */
function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
