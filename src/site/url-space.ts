/**
 * The site's URL space and the name of every file a build writes, in one place: the templates that
 * write the files and `npm run check`, which works out the same list when the site cannot be built,
 * both read them here. Every link a page holds is root-relative and starts with the site's path prefix
 * (so a site served from https://user.github.io/news/ works); absolute URLs come from `site.url`.
 */

import type { Instant } from "../shared/dates.ts";

/** Folders the site itself uses under an edition's home. */
export const FOLDER = {
  tags: "tags",
  authors: "authors",
  /** /page/2/ onwards of a listing. */
  page: "page",
  /** Encoded pictures (src/images/). */
  images: "img",
  /** Copied from the project's assets/, and the minified stylesheet. */
  assets: "assets",
  /** Subset fonts (src/assets/fonts.ts). */
  fonts: "fonts",
  /** The search index, a bundle per month (src/search/). */
  searchIndex: "pagefind",
  /** The editing form, at the site's root only (src/admin/). */
  admin: "admin",
  search: "search",
  /** Every correction of the edition's stories (src/listings/corrections.ts). */
  corrections: "corrections",
} as const;

/** First path segments a section or an edition cannot take: the site's own, and one kept for feeds. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([...Object.values(FOLDER), "feeds"]);

/** Files with fixed names: in every edition's folder (feeds also in each section's), or at the root. */
export const FILE = {
  page: "index.html",
  /** At the root of every output a build makes: only a folder holding it may be replaced by a build. */
  outputMarker: ".dateline-output",
  notFound: "404.html",
  rss: "feed.xml",
  atom: "atom.xml",
  jsonFeed: "feed.json",
  sitemap: "sitemap.xml",
  newsSitemap: "news-sitemap.xml",
  robots: "robots.txt",
  /** Beside a live story's page: its updates, for the page's script (templates/files/live-updates-json.ts). */
  liveUpdates: "updates.json",
} as const;

/** The feeds written for an edition and for each of its sections. */
export const FEED_FILES = [FILE.rss, FILE.atom, FILE.jsonFeed] as const;

/** A part of a sitemap too long for one file: sitemap-1.xml, sitemap-2.xml… (sitemap.xml is then their index). */
export function sitemapPart(n: number): string {
  return `sitemap-${n}.xml`;
}

/** Joins URL path segments under the prefix: urlPath("/news/", "middle-east", "x") → "/news/middle-east/x/" */
export function urlPath(prefix: string, ...segments: string[]): string {
  const inner = segments.filter(Boolean).map((s) => encodeURIComponent(s)).join("/");
  return inner ? `${prefix}${inner}/` : prefix;
}

/** Page `n` of a listing at `base`: the first is the listing itself, then base/page/2/ onwards. */
export function pagedUrl(base: string, n: number): string {
  return n === 1 ? base : urlPath(base, FOLDER.page, String(n));
}

/** The file a build writes for a URL path: "/news/a/b/" → "a/b/index.html" (the prefix is the host's business). */
export function outputPathOf(prefix: string, url: string): string {
  const inner = decodeURIComponent(url.slice(prefix.length));
  return `${inner}${FILE.page}`;
}

/** The folder a build writes a URL path's files into: "/news/ckb/" → "ckb/", the root → "". */
export function outputDirOf(prefix: string, url: string): string {
  return outputPathOf(prefix, url).slice(0, -FILE.page.length);
}

/** The search page of an edition. */
export function searchPath(home: string): string {
  return urlPath(home, FOLDER.search);
}

/** The corrections page of an edition. */
export function correctionsPath(home: string): string {
  return urlPath(home, FOLDER.corrections);
}

/** The month a story is indexed in (UTC): its search bundle. */
export function searchMonth(published: Instant): string {
  // From the instant itself: luxon's toUTC().toFormat() took 20 times as long (0.22 s at 50,000 stories, every build).
  const utc = new Date(published.toMillis());
  return `${String(utc.getUTCFullYear()).padStart(4, "0")}-${String(utc.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** A month's bundle of the search index, under the site's prefix: the search page loads it. */
export function searchBundleUrl(pathPrefix: string, month: string): string {
  return `${pathPrefix}${FOLDER.searchIndex}/${month}/`;
}

export function absoluteUrl(siteUrl: string, prefix: string, url: string): string {
  return new URL(url.slice(prefix.length), siteUrl).href;
}

/** Where images are, as a path under the prefix (pages) or, given the site's URL, absolute (feeds, cards). */
export function imageBase(prefixOrSiteUrl: string): string {
  return `${prefixOrSiteUrl}${FOLDER.images}/`;
}

/** The site's icon, copied with assets/: pages and feeds name it. */
export function faviconPath(prefix: string): string {
  return `${prefix}${FOLDER.assets}/favicon.svg`;
}

/** The minified stylesheet, named by its content's hash so that readers may cache it for good. */
export function stylesheetPath(hash: string): string {
  return `${FOLDER.assets}/css/site.${hash}.css`;
}
