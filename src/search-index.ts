/**
 * The full-text search index: Pagefind reads the pages Eleventy has just written and writes its
 * index and its search library into `<output>/pagefind/`. Only the element marked
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
 * Indexes the HTML files under `outputDir` into `outputDir/pagefind/`: one index per language, as
 * Pagefind splits pages by their `<html lang>`. Every page of an edition carries the edition's
 * language, so each edition's search page (in that language too) searches that edition's stories,
 * with that language's stemming where Pagefind has it (Arabic yes, Sorani not).
 */
export async function writeSearchIndex(outputDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  building++;
  try {
    // rootSelector: a page without the marked element is left out even when no page has one (a
    // new site without stories), where Pagefind would otherwise index every page whole.
    // Photo credits (src/figure.ts) are not the story's words.
    const { index, errors } = await pagefind.createIndex({ rootSelector: "[data-pagefind-body]", excludeSelectors: [".credit"] });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    try {
      const added = await index.addDirectory({ path: outputDir });
      if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
      const bundle = path.join(outputDir, "pagefind");
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      // Pagefind also writes its ready-made UIs (~450 KB); the search page has its own on pagefind.js.
      await Promise.all(UNUSED_UI.map((name) => rm(path.join(bundle, name), { force: true })));
      // `added.page_count` counts every HTML file read, indexed or skipped; the entry file, what is searchable.
      const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
      const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
      return { pages, seconds: (performance.now() - started) / 1000 };
    } finally {
      await index.deleteIndex();
    }
  } finally {
    if (--building === 0) await pagefind.close();
  }
}
