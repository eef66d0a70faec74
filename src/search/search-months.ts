/**
 * The index is split by month of publication (UTC): one Pagefind bundle per month at
 * `pagefind/<yyyy-mm>/`, so that a build after a story changed indexes that story's month, not the
 * whole archive (Pagefind has no incremental update).
 */
import { createHash, type Hash } from "node:crypto";
import { SEARCH_INDEX_VERSION } from "./pagefind-index.ts";

/** A month of the index: its pages (output paths), and a key made of their paths and page keys. */
export interface SearchMonth {
  readonly name: string;
  readonly key: string;
  readonly pages: readonly string[];
}

/**
 * The months of the index, newest first, from the pages that carry a story's text and their keys
 * (the same key, the same text): known before any page is written, so that a month whose pages are
 * all what they were is taken from the cache at once.
 */
export function searchMonths(pages: readonly { outputPath: string; searchMonth?: string | undefined }[], keyOf: (outputPath: string) => string): SearchMonth[] {
  const months = new Map<string, { hash: Hash; pages: string[] }>();
  for (const page of pages) {
    if (!page.searchMonth) continue;
    let month = months.get(page.searchMonth);
    if (!month) months.set(page.searchMonth, (month = { hash: createHash("sha256").update(SEARCH_INDEX_VERSION), pages: [] }));
    month.hash.update(`${page.outputPath}\0${keyOf(page.outputPath)}\0`);
    month.pages.push(page.outputPath);
  }
  return [...months]
    .map(([name, { hash, pages }]) => ({ name, key: hash.digest("hex"), pages }))
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}
