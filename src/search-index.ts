/**
 * The full-text search index: Pagefind reads the written pages and writes its index and its search
 * library into `<output>/pagefind/`. Only the element marked
 * `data-pagefind-body` is indexed (an article's body: see templates/article.ts), and pages without
 * one (listings, the front page, the search page) are left out. The Pagefind binary comes from the npm package `@pagefind/<platform>` and runs as a
 * service process, started here and stopped when the last index being built is written.
 */
import { readFile, rm } from "node:fs/promises";
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

/** Indexes being built in this process: the service is stopped only when none is left. */
let building = 0;

/**
 * The search index of a written site: Pagefind's service (its own process) reads the pages from the
 * output folder itself, one index per language, as Pagefind splits pages by their `<html lang>`.
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
    // rootSelector: a page without the marked element is left out even when no page has one (a
    // new site without stories), where Pagefind would otherwise index every page whole.
    // Photo credits (src/figure.ts) are not the story's words.
    const { index, errors } = await pagefind.createIndex({ rootSelector: "[data-pagefind-body]", excludeSelectors: [".credit"] });
    if (!index) {
      await stop();
      throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    }
    return new SearchIndex(index);
  }

  /** Indexes the pages under `outputDir` and writes the index and Pagefind's library into `<outputDir>/pagefind/`. */
  async write(outputDir: string): Promise<SearchIndexReport> {
    try {
      const added = await this.index.addDirectory({ path: outputDir });
      if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
      const bundle = path.join(outputDir, "pagefind");
      const written = await this.index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      // Pagefind also writes its ready-made UIs (~450 KB); the search page has its own on pagefind.js.
      await Promise.all(UNUSED_UI.map((name) => rm(path.join(bundle, name), { force: true })));
      const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
      const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
      return { pages, seconds: (performance.now() - this.#started) / 1000 };
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
