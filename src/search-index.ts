/**
 * The full-text search index: Pagefind reads the written pages and writes its index and its search
 * library. Only the element marked `data-pagefind-body` is indexed (an article's body: see
 * templates/article.ts); pages without one (listings, the front page, the search page) are left out.
 * The Pagefind binary comes from the npm package `@pagefind/<platform>` and runs as a service
 * process, started here and stopped when the last index being built is written.
 *
 * The index is split by month of publication (UTC): one Pagefind bundle per month at
 * `pagefind/<yyyy-mm>/`, each cached in `.cache/search/<yyyy-mm>/` with the key of the pages in it,
 * so that a build after a story changed indexes that story's month, not the whole archive (Pagefind
 * has no incremental update). The search page loads its edition's newest month and merges the
 * others (`mergeIndex`, which shares the first one's WebAssembly). The newest month is also at
 * `pagefind/` itself, where tools expect a site's Pagefind bundle.
 */
import { existsSync, readFileSync } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Instant } from "./dates.ts";
import { mapLimit } from "./images.ts";

/** Files of Pagefind's own search UIs, which Dateline's search page does not load. */
const UNUSED_UI = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Wall time, in seconds. */
  seconds: number;
}

export interface SearchReport extends SearchIndexReport {
  /** Months in the index, and how many of them this build indexed (the others were cached). */
  shards: number;
  made: number;
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

/** The month a story is indexed in. */
export function searchShard(published: Instant): string {
  return published.toUTC().toFormat("yyyy-MM");
}

/** The bundle of a month, under the site's prefix: the search page loads it. */
export function searchBundleUrl(pathPrefix: string, shard: string): string {
  return `${pathPrefix}pagefind/${shard}/`;
}

/** What each month's index is made from: its pages' paths and keys (the same key, the same text), in order. */
export class SearchPlan {
  readonly #shards = new Map<string, { hash: Hash; pages: string[] }>();

  add(shard: string, outputPath: string, pageKey: string): void {
    let entry = this.#shards.get(shard);
    if (!entry) this.#shards.set(shard, (entry = { hash: createHash("sha256").update(SEARCH_INDEX_VERSION), pages: [] }));
    entry.hash.update(`${outputPath}\0${pageKey}\0`);
    entry.pages.push(outputPath);
  }

  /** Newest month first. */
  shards(): { name: string; key: string; pages: readonly string[] }[] {
    return [...this.#shards]
      .map(([name, { hash, pages }]) => ({ name, key: hash.digest("hex"), pages }))
      .sort((a, b) => (a.name < b.name ? 1 : -1));
  }
}

/**
 * The search index of a written site, month by month: a month whose pages all have the keys they
 * had when the bundle in `cacheDir` was made is that bundle again (hard-linked, like the pictures;
 * nothing writes into a file of the output), the others are indexed from the written pages. Months
 * no longer in the site are dropped from the cache.
 */
export async function searchIndexFor(outputDir: string, plan: SearchPlan, cacheDir: string): Promise<SearchReport> {
  const started = performance.now();
  const shards = plan.shards();
  const root = path.join(outputDir, "pagefind");
  // Made afresh (a preview writes over its last build): linking onto a file that is already a link
  // to the same cached file would empty it.
  await rm(root, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  let made = 0;
  // Two at a time: Pagefind's service parses on its own threads, and the months overlap.
  await mapLimit(shards, 2, async (shard) => {
    const cached = path.join(cacheDir, shard.name);
    const bundle = path.join(root, shard.name);
    const previous = await readFile(path.join(cached, "key"), "utf8").catch(() => undefined);
    if (previous === shard.key && existsSync(path.join(cached, "bundle"))) return linkTree(path.join(cached, "bundle"), bundle);
    made++;
    // Pagefind reads a folder: the month's pages, linked into one under their own paths (so their URLs).
    const pages = path.join(cacheDir, `${shard.name}.pages.${process.pid}`);
    await rm(pages, { recursive: true, force: true });
    await mapLimit(shard.pages, 16, async (page) => {
      await mkdir(path.dirname(path.join(pages, page)), { recursive: true });
      await link(path.join(outputDir, page), path.join(pages, page)).catch(() => copyFile(path.join(outputDir, page), path.join(pages, page)));
    });
    try {
      await (await SearchIndex.start()).write(pages, bundle);
    } finally {
      await rm(pages, { recursive: true, force: true });
    }
    // Kept for the next build: the new bundle under a temporary name, then swapped in with its key.
    const temp = `${cached}.${process.pid}.tmp`;
    await rm(temp, { recursive: true, force: true });
    await linkTree(bundle, path.join(temp, "bundle"));
    await writeFile(path.join(temp, "key"), shard.key);
    await rm(cached, { recursive: true, force: true });
    // Another build of the same site may have put its (equally good) bundle there meanwhile.
    await rename(temp, cached).catch(() => rm(temp, { recursive: true, force: true }));
  });
  // Months gone from the site (and the single bundle of earlier versions); not other builds' temporary folders.
  const live = new Set(shards.map((s) => s.name));
  for (const name of await readdir(cacheDir)) if (!live.has(name) && !name.includes(".")) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  // The newest month also where tools look for a site's bundle (its files only, not the other months).
  if (shards[0]) await linkTree(path.join(root, shards[0].name), root);
  const pages = (await Promise.all(shards.map((s) => pagesIn(path.join(root, s.name))))).reduce((a, b) => a + b, 0);
  return { pages, shards: shards.length, made, seconds: (performance.now() - started) / 1000 };
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
