/**
 * Dateline as an Eleventy plugin. Eleventy does not read the Markdown itself: Dateline loads and
 * validates `content/` into a site model in its own typed pipeline, and writes the pages from it
 * after Eleventy's build (see `writePages`; measured against Eleventy templates in the README's
 * notes). Eleventy does what it is good at: the build's lifecycle and output folder, passthrough
 * copies, the dev server with live reload, and watching.
 */
import { FOLDER } from "../site/url-space.ts";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import type { SiteModel } from "../listings/site-model.ts";
import { buildSiteModel } from "../listings/site-model.ts";
import { ImageStore } from "../images/images.ts";
import { outputClashes, type Page } from "../model/page.ts";
import { ContentError } from "../shared/errors.ts";
import { SearchIndexing, searchMonths, type SearchReport } from "../search/search-index.ts";
import { ArticleMemo } from "../content/load-content.ts";
import { PageCache } from "../output/page-cache.ts";

export interface DatelineOptions {
  /** Turns the model into pages: the site's templates. */
  pages: (model: SiteModel) => Page[];
  root?: string;
  contentDir?: string;
  assetsDir?: string;
  /** Encoded images live here between builds (safe to delete). */
  cacheDir?: string;
  /** Build time, ISO 8601 (default: now). */
  now?: string | undefined;
  drafts?: boolean;
  future?: boolean;
  /** Build the Pagefind search index (default true; off makes /search/ find nothing). */
  search?: boolean;
  /** Called as long steps advance (image encoding), e.g. to show progress in a terminal. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** Called once a build is written, with what it did (the build report). */
  onBuilt?: (report: BuildReport) => void;
}

export interface BuildReport {
  model: SiteModel;
  pages: number;
  /** Pages rendered by this build; the others were an earlier build's (same key). */
  pagesRendered: number;
  imagesEncoded: number;
  imagesReused: number;
  /** The search index: its months and how many this build indexed; or being made after the preview reloaded; or none. */
  search: SearchReport | "updating" | "off";
}

/** The subset of Eleventy's UserConfig we use (Eleventy ships no TypeScript types for it). */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(spec: Record<string, string>): void;
  addWatchTarget(target: string): void;
  on(event: string, fn: (arg: { directories: { output: string }; runMode: string }) => unknown): void;
}

export function dateline(config: EleventyConfig, options: DatelineOptions): void {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = path.resolve(root, options.contentDir ?? "content");
  const assetsDir = path.resolve(root, options.assetsDir ?? "assets");
  const images = new ImageStore(path.resolve(root, options.cacheDir ?? ".cache/images"));
  // Eleventy sets this before it loads the config: "serve" and "watch" are previews.
  const preview = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";

  let model: SiteModel | undefined;
  let pages: Page[] = [];
  // A preview rebuilds on every save in one process: it keeps the articles it loaded, the key of
  // every page it wrote (a page with the same key is neither rendered nor written again), and
  // indexes search after the reload instead of before it. A production build starts afresh in a
  // staging folder and takes unchanged pages from the page cache instead.
  const memo = preview ? new ArticleMemo() : undefined;
  const written = preview ? new Map<string, string>() : undefined;
  // The preview's search index runs behind the rebuilds: one at a time, and only the newest of the
  // ones asked for while it ran (a save during indexing does not wait for it).
  let indexing: Promise<void> | undefined;
  let nextIndex: (() => Promise<unknown> | undefined) | undefined;
  const indexInBackground = (run: () => Promise<unknown> | undefined) => {
    nextIndex = run;
    indexing ??= (async () => {
      while (nextIndex) {
        const current = nextIndex;
        nextIndex = undefined;
        await Promise.resolve(current()).catch((error: unknown) => console.error(`[dateline] Search index: ${(error as Error).message}`));
      }
    })().finally(() => {
      indexing = undefined;
      // Asked for in the moment between the loop's last check and here.
      if (nextIndex) indexInBackground(nextIndex);
    });
  };
  let rebuild = false;

  config.addWatchTarget(contentDir);
  config.addWatchTarget(assetsDir);
  // Eleventy resolves passthrough paths against the working directory, not the input folder.
  config.addPassthroughCopy({ [path.relative(process.cwd(), assetsDir)]: "assets" });

  let started = 0;
  config.on("eleventy.before", async () => {
    started = performance.now();
    model = await buildSiteModel({
      root,
      contentDir,
      assetsDir,
      now: options.now,
      drafts: options.drafts ?? preview,
      future: options.future ?? preview,
      memo,
    });
    pages = options.pages(model);
    const clashes = outputClashes(pages.map((p) => p.outputPath));
    if (clashes.length) throw new ContentError(clashes);
  });

  // Dateline writes the pages itself, one at a time: render, write, let go. Eleventy would keep
  // every page's text in its results until the build ends (~300 MB at 4,000 articles) and spends
  // about a millisecond a page on bookkeeping we do not use; it still copies assets/, serves,
  // watches and runs these hooks.
  config.on("eleventy.after", async ({ directories }) => {
    if (!model) return;
    const output = directories.output;
    const searching = options.search ?? true;
    const cache = preview ? undefined : new PageCache(path.join(root, ".cache", "pages"));
    const searchCache = path.join(root, ".cache", "search");
    // The search index, month by month: unchanged months from its cache, the others indexed as soon
    // as their pages are written (they are written first), while the rest of the site is written
    // and the pictures encoded (Pagefind works in its own process). A preview, after its first
    // build, indexes after the browser reloaded.
    const background = preview && rebuild;
    const { fingerprint } = model;
    const keys = new Map(pages.map((p) => [p.outputPath, PageCache.key(fingerprint, p.outputPath, p.key)]));
    const months = searching ? searchMonths(pages, (outputPath) => keys.get(outputPath)!) : [];
    const indexing = searching && !background ? new SearchIndexing(output, searchCache, months) : undefined;
    // The pages of the months Pagefind must index first, so that it starts while the rest is written.
    const ordered = indexing ? [...pages.filter((p) => indexing.mustWrite(p.outputPath)), ...pages.filter((p) => !indexing.mustWrite(p.outputPath))] : pages;
    const writing: Writing = { keys, cache, written, onWritten: (outputPath) => indexing?.written(outputPath), rendered: 0 };
    let count: number;
    try {
      count = await writePages(output, ordered, writing, (done, total) => options.onProgress?.("Writing pages", done, total));
    } catch (error) {
      // The months already handed to Pagefind end (and its service stops) before the error is told.
      await indexing?.finish().catch(() => undefined);
      throw error;
    }
    await writeFile(path.join(output, model.stylesheet.outputPath), model.stylesheet.content);
    const [{ encoded, reused }, made] = await Promise.all([
      images.encode(model.images, (done, total) => options.onProgress?.("Encoding images", done, total)),
      indexing?.finish(),
    ]);
    await images.copyTo(path.join(output, FOLDER.images), model.images);
    await writeFonts(path.join(output, FOLDER.fonts), model);
    if (background && searching) indexInBackground(() => new SearchIndexing(output, searchCache, months, true).finish());
    cache?.prune();
    // The preview's own line, after Eleventy's: how long a save took to show, and what it redid.
    if (preview) console.log(`[dateline] Built in ${((performance.now() - started) / 1000).toFixed(2)} s: ${model.bodiesParsed} ${model.bodiesParsed === 1 ? "story" : "stories"} parsed, ${writing.rendered} of ${count} pages rendered${background ? ", search index updating" : ""}`);
    rebuild = true;
    options.onBuilt?.({
      model,
      pages: count,
      pagesRendered: writing.rendered,
      imagesEncoded: encoded,
      imagesReused: reused,
      search: made ?? (searching ? "updating" : "off"),
    });
  });
}

/** How `writePages` makes each page, and what it counts. */
interface Writing {
  /** Each page's cache key (the model's fingerprint, its path and its own key), by path. */
  keys: ReadonlyMap<string, string>;
  /** A production build: pages of earlier builds, by key. */
  cache: PageCache | undefined;
  /** A preview: the key of each file it last wrote, by path. */
  written: Map<string, string> | undefined;
  /** Told of each page once it is on disk (the search index waits for its months' pages). */
  onWritten: (outputPath: string) => void;
  rendered: number;
}

/**
 * Makes each page in turn: from the page cache or, in a preview, left as last written when its key
 * is the same; otherwise rendered and written (and kept in the cache). Folders are made once.
 * Returns how many pages the site has.
 */
async function writePages(output: string, pages: readonly Page[], o: Writing, progress: (done: number, total: number) => void): Promise<number> {
  const folders = new Set<string>();
  let done = 0;
  for (const page of pages) {
    if (++done % 500 === 0) progress(done, pages.length);
    // Rendering never waits on anything: let Pagefind's replies and the search index's file work
    // through now and then.
    if (done % 64 === 0) await setImmediate();
    const file = path.join(output, page.outputPath);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    await writePage(page, file, o);
    o.onWritten(page.outputPath);
  }
  progress(done, pages.length);
  return done;
}

/** One page, from the page cache, as last written (a preview), or rendered. */
async function writePage(page: Page, file: string, o: Writing): Promise<void> {
  const key = o.keys.get(page.outputPath)!;
  if (o.written?.get(file) === key && existsSync(file)) return;
  if (o.cache?.reuse(key, file)) return;
  const html = await page.render();
  o.rendered++;
  if (o.written) {
    o.written.set(file, key);
    // Replaced, never written into: the file may be a production build's link into the page cache.
    rmSync(file, { force: true });
  }
  // Synchronous: thousands of small writes through the thread pool cost more than they overlap.
  writeFileSync(file, html);
  o.cache?.keep(key, file);
}

async function writeFonts(dir: string, model: SiteModel): Promise<void> {
  if (!model.fontFiles.length) return;
  await mkdir(dir, { recursive: true });
  await Promise.all(model.fontFiles.map((f) => writeFile(path.join(dir, f.fileName), f.data)));
}
