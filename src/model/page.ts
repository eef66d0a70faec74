import type { Instant } from "../shared/dates.ts";
import type { Problem } from "../shared/errors.ts";

/** A page of the built site: where it goes and how to render it (lazily, when Eleventy writes it). */
export interface Page {
  /** Path under the output folder, e.g. "middle-east/al-sharaa-moscow/index.html". */
  readonly outputPath: string;
  render(): string | Promise<string>;
  /**
   * What the page shows besides the site model's `fingerprint`, in a few words: the versions of the
   * stories on it, its page number, its alternates. The same key, the same page: a build reuses the
   * page an earlier build rendered (src/output/page-cache.ts).
   */
  readonly key: string;
  /** The page carries a story's text for the search index (`data-pagefind-body`): in this month's part of it (src/search/search-months.ts). */
  readonly searchMonth?: string;
  /** For the sitemap: the page's URL path, and when its content last changed. Absent: not listed. */
  readonly sitemap?: { url: string; lastmod: Instant | undefined };
}

/** Output paths that two pages would both be written to (a section, page and slug sharing a URL). */
export function outputClashes(paths: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const clashes = new Set(paths.filter((p) => seen.size === seen.add(p).size));
  return [...clashes].map((p) => ({ file: p, field: "url", message: "two pages would be written here: rename a section, page or slug" }));
}
