/**
 * Pagefind, as Dateline drives it: its binary comes from the npm package `@pagefind/<platform>` and
 * runs as a service process, started for the first index being built and stopped when the last one
 * is written. Only the element marked `data-pagefind-body` is indexed (an article's body: see
 * templates/pages/article.ts); pages without one (listings, the front page, the search page) are
 * left out.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";

/** Files of Pagefind's own search UIs, which Dateline's search page does not load. */
const UNUSED_UI = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Wall time, in seconds. */
  seconds: number;
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

// rootSelector: a page without the marked element is left out even when no page has one (a new site
// without stories), where Pagefind would otherwise index every page whole. Photo credits
// (src/render/figure.ts) are not the story's words.
const INDEX_OPTIONS = { rootSelector: "[data-pagefind-body]", excludeSelectors: [".credit"] };

/** Indexes being built in this process: the service is stopped only when none is left. */
let building = 0;

/**
 * One bundle of the search index: Pagefind's service (its own process) reads the pages from a
 * folder itself, one index per language, as Pagefind splits pages by their `<html lang>`.
 * Every page of an edition carries the edition's language, so each edition's search page (in that
 * language too) searches that edition's stories, with that language's stemming where Pagefind has
 * it (Arabic yes, Sorani not).
 *
 * Handing each page to the service as it was written (`addHTMLFile`) was measured slower (+1.4 s at
 * 4,000 articles) and held ~280 MB more: every page crosses the pipe as JSON. Reading the folder
 * lets the service parse on its own threads, while this process encodes pictures.
 */
export class SearchIndex {
  readonly #started = performance.now();
  #closed = false;

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async start(): Promise<SearchIndex> {
    building++;
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) {
      await stop();
      throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    }
    return new SearchIndex(index);
  }

  /** Indexes the pages under `siteDir` and writes the index and Pagefind's library into `bundle` (default `<siteDir>/pagefind/`). */
  async write(siteDir: string, bundle = path.join(siteDir, "pagefind")): Promise<SearchIndexReport> {
    try {
      const added = await this.index.addDirectory({ path: siteDir });
      if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
      // Written afresh, never into the files of an earlier bundle: they may be links into the cache.
      await rm(bundle, { recursive: true, force: true });
      const written = await this.index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      // Pagefind also writes its ready-made UIs (~450 KB); the search page has its own on pagefind.js.
      await Promise.all(UNUSED_UI.map((name) => rm(path.join(bundle, name), { force: true })));
      return { pages: await pagesIn(bundle), seconds: (performance.now() - this.#started) / 1000 };
    } finally {
      await this.close();
    }
  }

  /** Drops the index (a failed build), and stops the service when no other index needs it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.index.deleteIndex().catch(() => undefined);
    await stop();
  }
}

async function stop(): Promise<void> {
  if (--building === 0) await pagefind.close();
}

/** Indexes the HTML files written under `outputDir`. */
export async function writeSearchIndex(outputDir: string): Promise<SearchIndexReport> {
  return (await SearchIndex.start()).write(outputDir);
}

/** How many pages a written bundle holds, every language together (its entry file says). */
export async function pagesIn(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** Pagefind's version and our options: a different indexer makes a different index. */
export const SEARCH_INDEX_VERSION = `pagefind ${pagefindVersion()} ${JSON.stringify(INDEX_OPTIONS)}`;

function pagefindVersion(): string {
  // The package exports no package.json: find it above the entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pagefind") return pkg.version ?? "";
    }
    dir = path.dirname(dir);
  }
  return "";
}
