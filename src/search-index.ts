/**
 * The full-text search index: Pagefind reads the written pages and writes its index and its search
 * library into `<output>/pagefind/`. Only the element marked
 * `data-pagefind-body` is indexed (an article's body: see templates/article.ts), and pages without
 * one (listings, the front page, the search page) are left out. The Pagefind binary comes from the npm package `@pagefind/<platform>` and runs as a
 * service process, started here and stopped when the last index being built is written.
 */
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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
// (src/figure.ts) are not the story's words.
const INDEX_OPTIONS = { rootSelector: "[data-pagefind-body]", excludeSelectors: [".credit"] };

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
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
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

/** What the index is made from: each indexed page's path and key (the same key, the same text), in order. */
export class SearchKey {
  readonly #hash = createHash("sha256").update(SEARCH_INDEX_VERSION);
  add(outputPath: string, pageKey: string): void {
    this.#hash.update(`${outputPath}\0${pageKey}\0`);
  }
  digest(): string {
    return this.#hash.digest("hex");
  }
}

/**
 * The search index for a written site, or, when no indexed page changed since the build that made
 * the one in `cacheDir` (same key), that index again: Pagefind is the longest step of a build that
 * changed no story (2.4 s of 4.9 at 4,000 articles). The cached bundle is hard-linked, like the
 * pictures; a build never writes into a file of the output, so the links are never written through.
 */
export async function searchIndexFor(outputDir: string, key: string, cacheDir: string): Promise<SearchIndexReport & { reused: boolean }> {
  const started = performance.now();
  const bundle = path.join(cacheDir, "bundle");
  const target = path.join(outputDir, "pagefind");
  const previous = await readFile(path.join(cacheDir, "key"), "utf8").catch(() => undefined);
  if (previous === key && existsSync(bundle)) {
    await linkTree(bundle, target);
    return { pages: await pagesIn(target), seconds: (performance.now() - started) / 1000, reused: true };
  }
  const report = await writeSearchIndex(outputDir);
  // Kept for the next build: the new bundle under a temporary name, then swapped in with its key.
  await mkdir(cacheDir, { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await linkTree(target, temp);
  await rm(path.join(cacheDir, "key"), { force: true });
  await rm(bundle, { recursive: true, force: true });
  await rename(temp, bundle);
  await writeFile(path.join(cacheDir, "key"), key);
  return { ...report, reused: false };
}

/** How many pages a written bundle holds, every language together (its entry file says). */
async function pagesIn(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** Hard-links every file under `from` into the same place under `to` (copies where links fail). */
async function linkTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const dest = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) await mkdir(dest, { recursive: true });
    else {
      await mkdir(path.dirname(dest), { recursive: true });
      await link(source, dest).catch(() => copyFile(source, dest));
    }
  }
}

/** Pagefind's version and our options: a different indexer makes a different index. */
const SEARCH_INDEX_VERSION = `pagefind ${pagefindVersion()} ${JSON.stringify(INDEX_OPTIONS)}`;

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
