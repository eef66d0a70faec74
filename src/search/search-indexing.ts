/**
 * The search index of a site being written, month by month (src/search/search-months.ts), each month
 * kept in the store's `search` area with the key of the pages in it. The search page loads its
 * edition's newest month and merges the others (`mergeIndex`, which shares the first one's
 * WebAssembly). The newest month is also at `pagefind/` itself, where tools expect a site's bundle.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { linkOrCopy } from "../shared/link-or-copy.ts";
import { timed } from "../shared/work-clock.ts";
import type { Store } from "../store/store.ts";
import { FOLDER } from "../site/url-space.ts";
import { pagesIn, SearchIndex, type SearchIndexReport } from "./pagefind-index.ts";
import type { SearchMonth } from "./search-months.ts";

export interface SearchReport extends SearchIndexReport {
  /** Months in the index, and how many of them this build indexed (the others were cached). */
  months: number;
  made: number;
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

  /**
   * `written`: the pages are on disk already (a preview indexing after its build). `inPlace`: the
   * output is the previous one updated in place (src/output/output-tree.ts), whose months still as
   * the store has them stay where they are (each of 50,000 stories has a file in the index: linking
   * them all out again, and deleting the old ones, was most of a warm build's file work).
   */
  constructor(
    private readonly outputDir: string,
    private readonly store: Store,
    private readonly months: readonly SearchMonth[],
    o: { written?: boolean; inPlace?: boolean } = {},
  ) {
    this.#root = path.join(outputDir, FOLDER.searchIndex);
    const kept = new Set<string>();
    const jobs: (() => Promise<void>)[] = [];
    for (const month of months) {
      const cached = store.path("search", month.name);
      // The output's month as the store has it: the entry is whole too (checked through the links).
      const inPlace = o.inPlace && timed("read", () => store.linkedOutAt("search", month.name, "bundle", path.join(this.#root, month.name)));
      // A month whose files are not all as they were put in (one deleted, one written into) is indexed again.
      const previous = inPlace || store.verified("search", month.name) ? readKey(cached) : undefined;
      if (previous === month.key && inPlace) kept.add(month.name);
      else if (previous === month.key) jobs.push(() => Promise.resolve(timed("write", () => linkTree(path.join(cached, "bundle"), path.join(this.#root, month.name)))));
      else if (o.written) jobs.push(() => this.#index(month));
      else {
        this.#waiting.set(month.name, { month, left: month.pages.length });
        for (const page of month.pages) this.#monthOf.set(page, month.name);
      }
    }
    // Everything else goes first: months no longer in the site or not as the store has them, and the
    // newest month's copy at the top, made again by `finish`. (Linking onto a file that is already a
    // link to the same cached file would empty it.)
    this.#ready = kept.size ? clearExcept(this.#root, kept) : rm(this.#root, { recursive: true, force: true });
    for (const job of jobs) this.#start(job);
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
    this.store.prune("search", (name) => live.has(name) || name.includes("."));
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
    const bundle = path.join(this.#root, month.name);
    // Pagefind reads a folder: the month's pages, linked into one under their own paths (so their URLs).
    const pages = this.store.path("search", `${month.name}.pages.${process.pid}`);
    await rm(pages, { recursive: true, force: true });
    timed("write", () => linkFiles(month.pages, this.outputDir, pages));
    try {
      await (await SearchIndex.start()).write(pages, bundle);
    } finally {
      await rm(pages, { recursive: true, force: true });
    }
    // Kept for the next build: the new bundle with its key, put in whole by the store.
    await this.store.put("search", month.name, async (temp) => {
      linkTree(bundle, path.join(temp, "bundle"));
      await writeFile(path.join(temp, "key"), month.key);
    });
  }
}

/** Deletes everything in `folder` but the entries named in `keep`. */
async function clearExcept(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => rm(path.join(folder, name), { recursive: true, force: true })));
}

function readKey(cached: string): string | undefined {
  try {
    return readFileSync(path.join(cached, "key"), "utf8");
  } catch {
    return undefined;
  }
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

