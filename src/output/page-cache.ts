/**
 * Pages rendered by earlier production builds (`.cache/pages/`, safe to delete), each under the hash
 * of its key: the site model's fingerprint, the page's path and the page's own key (`Page.key`).
 * A build that finds its page here links it into the new output instead of rendering it, so after
 * one story changed a build renders the story, the listings and pages that show it, and the feeds
 * and sitemaps; the thousands of other pages are links. A key is made of everything the page is
 * made from, so a page from the cache is the page a clean build renders (tests/page-cache.test.ts).
 *
 * Output files and cache entries are one file with two names (hard links, as the pictures and the
 * search index): nothing may write into a built file in place. Builds write only new files (a
 * fresh staging folder), and the preview replaces a file rather than writing into it.
 */
import { createHash } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../shared/link-or-copy.ts";

export class PageCache {
  readonly #dir: string;
  readonly #stored: Set<string>;
  readonly #used = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
    this.#stored = new Set(readdirSync(dir));
  }

  static key(fingerprint: string, outputPath: string, pageKey: string): string {
    return createHash("sha256").update(`${fingerprint}\0${outputPath}\0${pageKey}`).digest("base64url").slice(0, 32);
  }

  /** Puts the page stored under `key` at `file` (a new file), if there is one. */
  reuse(key: string, file: string): boolean {
    if (!this.#stored.has(key)) return false;
    try {
      linkOrCopy(path.join(this.#dir, key), file);
    } catch (error) {
      // Pruned by another build of the same site since this one looked: render the page.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
    this.#used.add(key);
    return true;
  }

  /** Keeps the page just written at `file` under `key`, for the next build. */
  keep(key: string, file: string): void {
    this.#used.add(key);
    if (this.#stored.has(key)) return;
    try {
      linkSync(file, path.join(this.#dir, key));
      this.#stored.add(key);
    } catch {
      // Without hard links the page is simply not kept: copying every page would double the writes.
    }
  }

  /** Deletes the pages this build did not use: the cache holds one site, the latest. */
  prune(): void {
    for (const name of this.#stored) if (!this.#used.has(name)) rmSync(path.join(this.#dir, name), { force: true });
  }
}
