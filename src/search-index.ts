/**
 * The full-text search index: Pagefind is given the pages as they are written and writes its index
 * and its search library into `<output>/pagefind/`. Only the element marked
 * `data-pagefind-body` is indexed (an article's body: see templates/article.ts), and pages without
 * one (listings, the front page, the search page) are left out. The Pagefind binary comes from the npm package `@pagefind/<platform>` and runs as a
 * service process, started here and stopped when the last index being built is written.
 */
import { readdir, readFile, rm } from "node:fs/promises";
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
 * A search index filled as pages are written: each article page goes to Pagefind's service (its own
 * process, so it parses on the other core while the next pages render), one index per language, as
 * Pagefind splits pages by their `<html lang>`. Every page of an edition carries the edition's
 * language, so each edition's search page (in that language too) searches that edition's stories,
 * with that language's stemming where Pagefind has it (Arabic yes, Sorani not).
 */
export class SearchIndex {
  readonly #started = performance.now();
  readonly #pending: Promise<{ errors: string[] }>[] = [];

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

  /** Offers a written page; only pages marked for indexing (articles) are sent. */
  add(outputPath: string, html: string): void {
    if (html.includes("data-pagefind-body")) this.#pending.push(this.index.addHTMLFile({ sourcePath: outputPath, content: html }));
  }

  /** Writes the index and Pagefind's library into `<outputDir>/pagefind/`. */
  async write(outputDir: string): Promise<SearchIndexReport> {
    try {
      const added = await Promise.all(this.#pending);
      const problems = added.flatMap((a) => a.errors);
      if (problems.length) throw new Error(`Pagefind could not index the pages: ${problems.join("; ")}`);
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
    await this.index.deleteIndex().catch(() => undefined);
    await stop();
  }
}

async function stop(): Promise<void> {
  if (--building === 0) await pagefind.close();
}

/** Indexes the HTML files already written under `outputDir` (for a folder built elsewhere, and tests). */
export async function writeSearchIndex(outputDir: string): Promise<SearchIndexReport> {
  const search = await SearchIndex.start();
  const files = (await readdir(outputDir, { recursive: true })).map(String).filter((f) => f.endsWith(".html"));
  for (const f of files) search.add(f.split(path.sep).join("/"), await readFile(path.join(outputDir, f), "utf8"));
  return search.write(outputDir);
}
