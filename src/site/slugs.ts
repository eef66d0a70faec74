/**
 * Slugs: the URL path segment of a story, section, tag, author or page. One rule for what a slug may
 * hold, one message for an editor who writes a wrong one, one way to make a slug from a name.
 */
import slugify from "@sindresorhus/slugify";
import { z } from "zod";

/** Lower-case letters (any script), digits and single hyphens: safe in a URL path segment. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{Nd}\p{M}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{Nd}\p{M}]+)*$/u;

/** What an editor is told when a slug (or a translationKey, which follows the same rule) breaks it. */
export const SLUG_RULE = "use lower-case letters, digits and single hyphens";

/**
 * A frontmatter or data-file field that must be a slug; `example` is shown after the rule. Kept in
 * NFC: `café` typed with a combining accent and with a precomposed é look the same and must be one
 * URL, so that two of them clash here rather than on a host that normalises file names.
 */
export function slugField(example?: string) {
  return z
    .string()
    .regex(SLUG_PATTERN, example ? `${SLUG_RULE}, e.g. ${example}` : SLUG_RULE)
    .transform((slug) => slug.normalize("NFC"));
}

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
    // Headlines and subheads are slugged too, and never repeat: bounded, the cache cannot grow with
    // the archive (or with a long preview).
    if (slugCache.size >= SLUG_CACHE_SIZE) slugCache.clear();
    // Kept as a copy: the text is often a slice of a whole article file (a headline from the YAML, a
    // subhead from the Markdown), and V8 keeps the whole file alive for any slice of it. Keyed by the
    // text itself, the cache held every story's file, body included: ~20 MB at 6,000 stories after
    // a cold build (heap snapshot).
    slugCache.set(Buffer.from(text).toString(), slug);
  }
  return slug;
}

const SLUG_CACHE_SIZE = 10_000;
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
