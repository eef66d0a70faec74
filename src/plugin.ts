/**
 * Dateline as an Eleventy plugin. Eleventy does not read the Markdown itself: Dateline loads and
 * validates `content/` into a site model in its own typed pipeline, and Eleventy paginates one
 * virtual template over the finished pages (measured at about half the time of letting Eleventy
 * render each Markdown file as a template; see NOTES in the README). Eleventy still does what it is
 * good at: writing files, passthrough copies, the dev server and watching.
 */
import { FONT_FOLDER, IMAGE_FOLDER } from "./urls.ts";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "./site-model.ts";
import { buildSiteModel } from "./site-model.ts";
import { ImageStore } from "./images.ts";
import { outputClashes, type Page } from "./page.ts";
import { ContentError } from "./errors.ts";
import { writeSearchIndex } from "./search-index.ts";

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
}

/** The subset of Eleventy's UserConfig we use (Eleventy ships no TypeScript types for it). */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  setTemplateFormats(formats: string[]): void;
  addTemplate(path: string, content: unknown, data?: unknown): void;
  addGlobalData(name: string, data: unknown): void;
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

  config.addGlobalData("datelinePages", () => pages);
  config.addTemplate(
    "dateline-pages.11ty.js",
    {
      data: {
        pagination: { data: "datelinePages", size: 1, alias: "page_", addAllPagesToCollections: false },
        permalink: (data: { page_: Page }) => data.page_.outputPath,
        eleventyExcludeFromCollections: true,
      },
      render: (data: { page_: Page }) => data.page_.render(),
    },
    {},
  );

  config.on("eleventy.after", async ({ directories }) => {
    if (!model) return;
    const { encoded, reused } = await images.encode(model.images, (done, total) => options.onProgress?.("Encoding images", done, total));
    await images.copyTo(path.join(directories.output, IMAGE_FOLDER), model.images);
    await writeFonts(path.join(directories.output, FONT_FOLDER), model);
    if (options.search ?? true) await writeSearchIndex(directories.output);
    options.onBuilt?.({ model, pages: pages.length, imagesEncoded: encoded, imagesReused: reused });
  });
}

async function writeFonts(dir: string, model: SiteModel): Promise<void> {
  if (!model.fontFiles.length) return;
  await mkdir(dir, { recursive: true });
  await Promise.all(model.fontFiles.map((f) => writeFile(path.join(dir, f.fileName), f.data)));
}
