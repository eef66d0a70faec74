/**
 * Pages rendered by earlier production builds (the store's `pages` area), each under the hash of its
 * key: the site model's fingerprint, the page's path and the page's own key (`Page.key`). A build
 * that finds its page there links it into the new output instead of rendering it, so after one story
 * changed a build renders the story, the listings and pages that show it, and the feeds and sitemaps;
 * the thousands of other pages are links. A key is made of everything the page is made from, so a
 * page from the cache is the page a clean build renders (tests/output/page-cache.test.ts).
 *
 * Output files and cache entries are one file with two names (hard links, as the pictures and the
 * search index): nothing may write into a built file in place. Builds write only new files (a fresh
 * staging folder), and the preview replaces a file rather than writing into it.
 */
import { storeKey, type Store } from "../store/store.ts";

export class PageCache {
  readonly #stored: Set<string>;
  readonly #used = new Set<string>();

  constructor(private readonly store: Store) {
    this.#stored = new Set(store.list("pages"));
  }

  static key(fingerprint: string, outputPath: string, pageKey: string): string {
    return storeKey(fingerprint, outputPath, pageKey);
  }

  /** Puts the page stored under `key` at `file` (a new file), if there is one. */
  reuse(key: string, file: string): boolean {
    // Gone when another build of the same site pruned it since this one looked: the page is rendered.
    if (!this.#stored.has(key) || !this.store.linkOut("pages", key, file)) return false;
    this.#used.add(key);
    return true;
  }

  /** Keeps the page just written at `file` under `key`, for the next build. */
  keep(key: string, file: string): void {
    this.#used.add(key);
    if (!this.#stored.has(key) && this.store.linkIn(file, "pages", key)) this.#stored.add(key);
  }

  /** Deletes the pages this build did not use: the cache holds one site, the latest. */
  prune(): void {
    for (const name of this.#stored) if (!this.#used.has(name)) this.store.remove("pages", name);
  }
}
