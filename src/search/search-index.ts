/**
 * The full-text search index: Pagefind reads the written pages and writes its index and its search
 * library. Only the element marked `data-pagefind-body` is indexed (an article's body: see
 * templates/pages/article.ts); pages without one (listings, the front page, the search page) are left out.
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
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Instant } from "../shared/dates.ts";
import { linkOrCopy } from "../shared/link-or-copy.ts";

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
  months: number;
  made: number;
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

/** The month a story is indexed in. */
export function searchMonth(published: Instant): string {
  return published.toUTC().toFormat("yyyy-MM");
}

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

/**
 * The search index of a site being written, month by month: a month whose key is the one its
 * bundle in `cacheDir` was made with is that bundle again (hard-linked, like the pictures; nothing
 * writes into a file of the output), at once; the others are indexed by Pagefind as soon as their
 * last page is written (`written`), two at a time (its service parses on its own threads), while
 * the rest of the site is written and pictures encoded. `mustWrite` says which pages those are, for
 * the writer to write first. `finish` waits for them, and drops months no longer in the site from
 * the cache.
 */
export class SearchIndexing {
  readonly #started = performance.now();
  readonly #root: string;
  readonly #ready: Promise<void>;
  readonly #work: Promise<void>[] = [];
  /** Pages still to be written, by month to index. */
  readonly #waiting = new Map<string, { month: SearchMonth; left: number }>();
  readonly #monthOf = new Map<string, string>();
  #running = 0;
  readonly #queue: (() => void)[] = [];
  #made = 0;

  /** `written`: the pages are on disk already (a preview indexing after its build). */
  constructor(
    private readonly outputDir: string,
    private readonly cacheDir: string,
    private readonly months: readonly SearchMonth[],
    written = false,
  ) {
    this.#root = path.join(outputDir, "pagefind");
    // Made afresh (a preview writes over its last build): linking onto a file that is already a link
    // to the same cached file would empty it.
    this.#ready = rm(this.#root, { recursive: true, force: true }).then(() => mkdir(cacheDir, { recursive: true })).then(() => undefined);
    for (const month of months) {
      const cached = path.join(cacheDir, month.name);
      const previous = existsSync(path.join(cached, "bundle")) ? readKey(cached) : undefined;
      if (previous === month.key) this.#start(() => Promise.resolve(linkTree(path.join(cached, "bundle"), path.join(this.#root, month.name))));
      else if (written) this.#start(() => this.#index(month));
      else {
        this.#waiting.set(month.name, { month, left: month.pages.length });
        for (const page of month.pages) this.#monthOf.set(page, month.name);
      }
    }
  }

  /** Pages of the months to index: written first, Pagefind starts sooner. */
  mustWrite(outputPath: string): boolean {
    return this.#monthOf.has(outputPath);
  }

  /** A page is written: the last of its month sends the month to Pagefind. */
  written(outputPath: string): void {
    const name = this.#monthOf.get(outputPath);
    const waiting = name === undefined ? undefined : this.#waiting.get(name);
    if (!waiting || --waiting.left > 0) return;
    this.#waiting.delete(name!);
    this.#start(() => this.#index(waiting.month));
  }

  async finish(): Promise<SearchReport> {
    await this.#ready;
    if (this.#waiting.size) throw new Error(`search index: pages of ${[...this.#waiting.keys()].join(", ")} were never written`);
    await Promise.all(this.#work);
    // Months gone from the site (and the single bundle of earlier versions); not other builds' temporary folders.
    const live = new Set(this.months.map((m) => m.name));
    for (const name of await readdir(this.cacheDir)) if (!live.has(name) && !name.includes(".")) await rm(path.join(this.cacheDir, name), { recursive: true, force: true });
    // The newest month also where tools look for a site's bundle (its files only, not the other months).
    if (this.months[0]) linkTree(path.join(this.#root, this.months[0].name), this.#root);
    const pages = (await Promise.all(this.months.map((m) => pagesIn(path.join(this.#root, m.name))))).reduce((a, b) => a + b, 0);
    return { pages, months: this.months.length, made: this.#made, seconds: (performance.now() - this.#started) / 1000 };
  }

  #start(job: () => Promise<void>): void {
    const work = this.#turn(job);
    // Its failure is the build's, reported by `finish`; until then it is not an unhandled rejection.
    work.catch(() => undefined);
    this.#work.push(work);
  }

  /** Runs `job` when fewer than two months are being worked on. */
  async #turn(job: () => Promise<void>): Promise<void> {
    await this.#ready;
    if (this.#running >= 2) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#running++;
    try {
      await job();
    } finally {
      this.#running--;
      this.#queue.shift()?.();
    }
  }

  async #index(month: SearchMonth): Promise<void> {
    this.#made++;
    const cached = path.join(this.cacheDir, month.name);
    const bundle = path.join(this.#root, month.name);
    // Pagefind reads a folder: the month's pages, linked into one under their own paths (so their URLs).
    const pages = path.join(this.cacheDir, `${month.name}.pages.${process.pid}`);
    await rm(pages, { recursive: true, force: true });
    linkFiles(month.pages, this.outputDir, pages);
    try {
      await (await SearchIndex.start()).write(pages, bundle);
    } finally {
      await rm(pages, { recursive: true, force: true });
    }
    // Kept for the next build: the new bundle under a temporary name, then swapped in with its key.
    const temp = `${cached}.${process.pid}.tmp`;
    await rm(temp, { recursive: true, force: true });
    linkTree(bundle, path.join(temp, "bundle"));
    await writeFile(path.join(temp, "key"), month.key);
    await rm(cached, { recursive: true, force: true });
    // Another build of the same site may have put its (equally good) bundle there meanwhile.
    await rename(temp, cached).catch(() => rm(temp, { recursive: true, force: true }));
  }
}

function readKey(cached: string): string | undefined {
  try {
    return readFileSync(path.join(cached, "key"), "utf8");
  } catch {
    return undefined;
  }
}

/** How many pages a written bundle holds, every language together (its entry file says). */
async function pagesIn(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as PagefindEntry;
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** Hard-links every file under `from` into the same place under `to` (copies where links fail). */
function linkTree(from: string, to: string): void {
  linkFiles(
    readdirSync(from, { recursive: true, withFileTypes: true }).flatMap((e) => (e.isFile() ? [path.relative(from, path.join(e.parentPath, e.name))] : [])),
    from,
    to,
  );
}

/**
 * Hard-links each file (a path relative to `from`) to the same path under `to`, copying where links
 * fail. Synchronous: a month is a thousand small folders and files, and the thread pool's round
 * trips cost several times the work (measured: 0.5 s against 30 ms for a month of 1,000 stories).
 */
function linkFiles(files: readonly string[], from: string, to: string): void {
  const made = new Set<string>();
  for (const file of files) {
    const dest = path.join(to, file);
    const folder = path.dirname(dest);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkOrCopy(path.join(from, file), dest);
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
