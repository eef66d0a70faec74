/**
 * Dateline as an Eleventy plugin. Eleventy does not read the Markdown itself: Dateline loads and
 * validates `content/` into a site model in its own typed pipeline, and writes the pages from it
 * after Eleventy's build (see `writePages`; measured against Eleventy templates in the README's
 * notes). Eleventy does what it is good at: the build's lifecycle and output folder, passthrough
 * copies, the dev server with live reload, and watching.
 */
import { FONT_FOLDER, IMAGE_FOLDER } from "./urls.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "./site-model.ts";
import { buildSiteModel } from "./site-model.ts";
import { ImageStore } from "./images.ts";
import { outputClashes, type Page } from "./page.ts";
import { ContentError } from "./errors.ts";
import { SearchKey, searchIndexFor } from "./search-index.ts";

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
  imagesEncoded: number;
  imagesReused: number;
  /** The search index: made by this build, the previous build's (no indexed page changed), or none. */
  search: "indexed" | "reused" | "off";
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

  config.addWatchTarget(contentDir);
  config.addWatchTarget(assetsDir);
  // Eleventy resolves passthrough paths against the working directory, not the input folder.
  config.addPassthroughCopy({ [path.relative(process.cwd(), assetsDir)]: "assets" });

  config.on("eleventy.before", async () => {
    model = await buildSiteModel({
      root,
      contentDir,
      assetsDir,
      now: options.now,
      drafts: options.drafts ?? preview,
      future: options.future ?? preview,
    });
    pages = options.pages(model);
    const clashes = outputClashes(pages.map((p) => p.outputPath));
    if (clashes.length) throw new ContentError(clashes);
  });

  // Dateline writes the pages itself, one at a time: render, write, hand article pages to the
  // search index, let go. Eleventy would keep every page's text in its results until the build
  // ends (~200 MB at 4,000 articles) and spends about a millisecond a page on bookkeeping we do not
  // use; it still copies assets/, serves, watches and runs these hooks.
  config.on("eleventy.after", async ({ directories }) => {
    if (!model) return;
    const output = directories.output;
    const searchKey = (options.search ?? true) ? new SearchKey() : undefined;
    const written = await writePages(output, pages, searchKey, (done, total) => options.onProgress?.("Writing pages", done, total));
    await writeFile(path.join(output, model.stylesheet.outputPath), model.stylesheet.content);
    // Pagefind reads the pages in its own process while this one encodes pictures.
    const [{ encoded, reused }, index] = await Promise.all([
      images.encode(model.images, (done, total) => options.onProgress?.("Encoding images", done, total)),
      searchKey && searchIndexFor(output, searchKey.digest(), path.join(root, ".cache", "search")),
    ]);
    await images.copyTo(path.join(output, IMAGE_FOLDER), model.images);
    await writeFonts(path.join(output, FONT_FOLDER), model);
    options.onBuilt?.({ model, pages: written, imagesEncoded: encoded, imagesReused: reused, search: !index ? "off" : index.reused ? "reused" : "indexed" });
  });
}

/** Renders and writes each page in turn; folders are made once. Returns how many were written. */
async function writePages(output: string, pages: readonly Page[], searchKey: SearchKey | undefined, progress: (done: number, total: number) => void): Promise<number> {
  const folders = new Set<string>();
  let done = 0;
  for (const page of pages) {
    const html = await page.render();
    const file = path.join(output, page.outputPath);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    // Synchronous: thousands of small writes through the thread pool cost more than they overlap.
    writeFileSync(file, html);
    searchKey?.add(page.outputPath, html);
    if (++done % 500 === 0) progress(done, pages.length);
  }
  progress(done, pages.length);
  return done;
}

async function writeFonts(dir: string, model: SiteModel): Promise<void> {
  if (!model.fontFiles.length) return;
  await mkdir(dir, { recursive: true });
  await Promise.all(model.fontFiles.map((f) => writeFile(path.join(dir, f.fileName), f.data)));
}
