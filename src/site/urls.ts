/**
 * Slugs and URLs. Every link a page holds is root-relative and starts with the site's path prefix
 * (so a site served from https://user.github.io/news/ works); absolute URLs come from `site.url`.
 */
import slugify from "@sindresorhus/slugify";

/**
 * A slug for a headline, section or tag. Latin-script text is transliterated (`Ünïcödé` → `unicode`);
 * text mostly in another script (Sorani, Arabic, Persian) keeps its letters, because a
 * transliteration such as `s-r-ky-swwrya` helps nobody. Links percent-encode such slugs.
 */
export function slugOf(text: string): string {
  // Sections, tags and author names repeat across thousands of articles: slug each once.
  let slug = slugCache.get(text);
  if (slug === undefined) {
    slug = makeSlug(text);
    slugCache.set(text, slug);
  }
  return slug;
}

const slugCache = new Map<string, string>();

function makeSlug(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin * 2 < letters) {
    return text
      .normalize("NFC")
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "");
  }
  return slugify(text, { decamelize: false });
}

/** Joins URL path segments under the prefix: urlPath("/news/", "middle-east", "x") → "/news/middle-east/x/" */
export function urlPath(prefix: string, ...segments: string[]): string {
  const inner = segments.filter(Boolean).map((s) => encodeURIComponent(s)).join("/");
  return inner ? `${prefix}${inner}/` : prefix;
}

/** The file Eleventy writes for a URL path: "/news/a/b/" → "a/b/index.html" (the prefix is the host's business). */
export function outputPathOf(prefix: string, url: string): string {
  const inner = decodeURIComponent(url.slice(prefix.length));
  return `${inner}index.html`;
}

/** The folder Eleventy writes a URL path's files into: "/news/ckb/" → "ckb/", the root → "". */
export function outputDirOf(prefix: string, url: string): string {
  return outputPathOf(prefix, url).replace(/index\.html$/, "");
}

/** The search page of an edition. */
export function searchPath(home: string): string {
  return urlPath(home, "search");
}

export function absoluteUrl(siteUrl: string, prefix: string, url: string): string {
  return new URL(url.slice(prefix.length), siteUrl).href;
}

/** The output folder for subset fonts (src/assets/fonts.ts). */
export const FONT_FOLDER = "fonts";

/** The output folder for encoded images: the plugin writes there, and pages and feeds point there. */
export const IMAGE_FOLDER = "img";

/** Where images are, as a path under the prefix (pages) or, given the site's URL, absolute (feeds, cards). */
export function imageBase(prefixOrSiteUrl: string): string {
  return `${prefixOrSiteUrl}${IMAGE_FOLDER}/`;
}
