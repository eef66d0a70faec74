/**
 * Dateline as an Eleventy plugin. Eleventy does not read the Markdown itself: Dateline loads and
 * validates `content/` into a site model in its own typed pipeline, and writes the pages from it
 * after Eleventy's build (see `writePages`; measured against Eleventy templates in the README's
 * notes). Eleventy does what it is good at: the build's lifecycle and output folder, passthrough
 * copies, the dev server with live reload, and watching.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../model/site-model.ts";
import { outputClashes, type Page } from "../model/page.ts";
import { ContentError, shownPath, type Problem } from "../shared/errors.ts";
import { openProject } from "../source/project.ts";
import { ImageEncoder, PictureDecodeError } from "../images/image-encoder.ts";
import { ShareCardDrawer } from "../images/share-card-drawer.ts";
import { shareCardsOf } from "../model/share-card.ts";
import { FOLDER } from "../site/url-space.ts";
import { ArticleMemo } from "../content/article-memo.ts";
import { buildSiteModel } from "../listings/site-model.ts";
import { SearchIndexing, type SearchReport } from "../search/search-indexing.ts";
import { searchMonths } from "../search/search-months.ts";
import { LatestOnly } from "../search/latest-only.ts";
import { PageCache } from "../output/page-cache.ts";
import { guardOutput, markOutput } from "../output/output-guard.ts";
import { lockStore, unlockStore } from "../store/build-lock.ts";
import { startWork, timed, workSeconds, type WorkKind } from "../shared/work-clock.ts";
import { quietEleventy, tellNotRebuilt, type EleventyLogger } from "./preview-voice.ts";
import { linkPictures, writePages, writeStyles, type Writing } from "../output/write-pages.ts";
import { writeAdminFiles } from "../output/admin-files.ts";
import { forgetTree, removeGone, saveTree, type TreePage, type TreePages } from "../output/output-tree.ts";

export interface DatelineOptions {
  /** Turns the model into pages: the site's templates. */
  pages: (model: SiteModel) => Page[];
  root?: string;
  contentDir?: string;
  assetsDir?: string;
  /** What builds keep between them (default `<root>/.cache`, safe to delete). */
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
  /** The environment the site's settings read (DATELINE_URL); default: this process's. */
  env?: NodeJS.ProcessEnv | undefined;
  /**
   * A production build (src/eleventy/production-build.ts): the pages its staging folder already
   * holds (the previous output, src/output/output-tree.ts), and the tree whose record to keep
   * beside this one's (the output now, the spare after the swap).
   */
  tree?: { previous: TreePages; keep: string | undefined } | undefined;
}

export interface BuildReport {
  model: SiteModel;
  pages: number;
  /** Pages rendered by this build; the others were an earlier build's (same key). */
  pagesRendered: number;
  imagesEncoded: number;
  imagesReused: number;
  /** Share cards drawn by this build; the others were an earlier build's (src/images/share-card-drawer.ts). */
  cardsDrawn: number;
  cardsReused: number;
  /** The search index: its months and how many this build indexed; or being made after the preview reloaded; or none. */
  search: SearchReport | "updating" | "off";
  /** When the build's first hook ran (ms since the epoch), and where its time went from then, step by step. */
  startedAt: number;
  steps: BuildStep[];
  /** Where this process's time went by kind of work, in seconds, across the steps (src/shared/work-clock.ts). */
  work: Record<WorkKind, number>;
}

/** A step of the build and its wall time. */
export interface BuildStep {
  name: "stories" | "Eleventy" | "pages" | "pictures and search";
  seconds: number;
}

/** The subset of Eleventy's UserConfig we use (Eleventy ships no TypeScript types for it). */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(spec: Record<string, string>): void;
  addWatchTarget(target: string): void;
  on(event: string, fn: (arg: { directories: { output: string }; runMode: string }) => unknown): void;
  /** Eleventy's console logger (set before plugins run). */
  logger?: EleventyLogger;
}

export function dateline(config: EleventyConfig, options: DatelineOptions): void {
  const project = openProject(options.root ?? process.cwd(), options);
  const images = new ImageEncoder(project.store);
  const cards = new ShareCardDrawer(project.store);
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
  const searchBehind = new LatestOnly("Search index");
  let rebuild = false;

  if (preview) quietEleventy(config.logger);
  config.addWatchTarget(project.contentDir);
  config.addWatchTarget(project.assetsDir);
  // Eleventy resolves passthrough paths against the working directory, not the input folder.
  config.addPassthroughCopy({ [path.relative(process.cwd(), project.assetsDir)]: FOLDER.assets });

  let started = 0;
  // When the site model was ready: what follows until the pages are written is Eleventy's own work.
  let modelReady = 0;
  config.on("eleventy.before", async ({ directories }) => {
    started = Date.now();
    startWork();
    await lockStore(project.store.dir, (pid) => console.error(`[dateline] Waiting for another build of this site (process ${pid}) to finish…`));
    // A production build guards its real output before it makes a staging folder (production-build.ts).
    if (preview) {
      guardOutput(project, path.resolve(directories.output), directories.output);
      // The preview writes into the output itself: a later production build must not reuse it as its spare.
      forgetTree(project.store, path.resolve(directories.output));
    }
    try {
      model = await buildSiteModel(project, { now: options.now, drafts: options.drafts ?? preview, future: options.future ?? preview, memo, env: options.env });
      pages = options.pages(model);
      const clashes = outputClashes(pages.map((p) => p.outputPath));
      if (clashes.length) throw new ContentError(clashes);
      modelReady = Date.now();
    } catch (error) {
      if (!preview) throw error;
      // The preview tells it itself and writes nothing: the output stays the last good build.
      tellNotRebuilt(error, project.root, "before");
      model = undefined;
      unlockStore(project.store.dir);
    }
  });

  // Eleventy copies assets/, serves, watches and runs these hooks; Dateline writes the pages
  // (src/output/write-pages.ts says why).
  config.on("eleventy.after", async (args: { directories: { output: string } }) => {
    try {
      await writeSite(args);
    } catch (error) {
      if (!preview) throw error;
      // Told in Dateline's voice rather than as Eleventy's crash report; the next save tries again.
      tellNotRebuilt(error, project.root, "after");
      unlockStore(project.store.dir);
    }
  });

  const writeSite = async ({ directories }: { directories: { output: string } }) => {
    if (!model) return;
    const writingStarted = Date.now();
    const output = directories.output;
    const searching = options.search ?? true;
    const cache = preview ? undefined : timed("read", () => new PageCache(project.store));
    // The search index, month by month: unchanged months from the store, the others indexed as soon
    // as their pages are written (they are written first), while the rest of the site is written
    // and the pictures encoded (Pagefind works in its own process). A preview, after its first
    // build, indexes after the browser reloaded.
    const background = preview && rebuild;
    const { fingerprint } = model;
    const keys = new Map(pages.map((p) => [p.outputPath, PageCache.key(fingerprint, p.outputPath, p.key)]));
    const months = searching ? searchMonths(pages, (outputPath) => keys.get(outputPath)!) : [];
    const indexing = searching && !background ? new SearchIndexing(output, project.store, months, { inPlace: !!options.tree }) : undefined;
    // The previous output's search index, updated in place by a build that makes one, and not there in one that makes none.
    if (!searching && options.tree) await rm(path.join(output, FOLDER.searchIndex), { recursive: true, force: true });
    // The pages of the months Pagefind must index first, so that it starts while the rest is written.
    const ordered = indexing ? [...pages.filter((p) => indexing.mustWrite(p.outputPath)), ...pages.filter((p) => !indexing.mustWrite(p.outputPath))] : pages;
    const tree = options.tree && cache ? { previous: options.tree.previous, pages: new Map<string, TreePage>() } : undefined;
    const writing: Writing = { keys, cache, written, onWritten: (outputPath) => indexing?.written(outputPath), rendered: 0, tree };
    let count: number;
    try {
      count = await writePages(output, ordered, writing, (done, total) => options.onProgress?.("Writing pages", done, total));
    } catch (error) {
      // The months already handed to Pagefind end (and its service stops) before the error is told.
      await indexing?.finish().catch(() => undefined);
      throw error;
    }
    // Pages of the previous output no longer in the site.
    if (tree) timed("write", () => removeGone(output, tree.previous, keys));
    const pagesWritten = Date.now();
    await writeStyles(output, model);
    await writeAdminFiles(output, model);
    // All run to their end before a failure of any is told: the build's staging folder is removed
    // after it, and Pagefind must not be writing into it then. A damaged picture fails its card too:
    // the encoder's error, which names the stories, is told first.
    const shareCards = shareCardsOf(model);
    const [encoding, drawing, searched] = await Promise.allSettled([
      images.encode(model.images, (done, total) => options.onProgress?.("Encoding images", done, total)),
      cards.draw(shareCards, (done, total) => options.onProgress?.("Drawing share cards", done, total)),
      indexing?.finish(),
    ]);
    if (encoding.status === "rejected") {
      throw encoding.reason instanceof PictureDecodeError ? new ContentError(damagedPictureProblems(encoding.reason, model, project.root)) : encoding.reason;
    }
    if (drawing.status === "rejected") throw drawing.reason;
    if (searched.status === "rejected") throw searched.reason;
    const finished = Date.now();
    const { encoded, reused } = encoding.value;
    const made = searched.value;
    const pictures = model.images;
    timed("write", () => linkPictures(output, pictures, shareCards, project.store));
    if (preview) markOutput(output);
    if (background && searching) searchBehind.run(() => new SearchIndexing(output, project.store, months, { written: true }).finish().then(() => project.store.saveStamps()));
    if (cache) timed("write", () => cache.prune());
    if (tree) timed("write", () => saveTree(project.store, output, tree.pages, options.tree!.keep));
    project.store.saveStamps();
    unlockStore(project.store.dir);
    // The preview's own line, after Eleventy's: how long a save took to show, and what it redid.
    if (preview) console.log(`[dateline] Built in ${((Date.now() - started) / 1000).toFixed(2)} s: ${model.storiesRead} ${model.storiesRead === 1 ? "story" : "stories"} read, ${writing.rendered} of ${count} pages rendered${background ? ", search index updating" : ""}`);
    rebuild = true;
    options.onBuilt?.({
      model,
      pages: count,
      pagesRendered: writing.rendered,
      imagesEncoded: encoded,
      imagesReused: reused,
      cardsDrawn: drawing.value.drawn,
      cardsReused: drawing.value.reused,
      search: made ?? (searching ? "updating" : "off"),
      startedAt: started,
      steps: [
        { name: "stories", seconds: (modelReady - started) / 1000 },
        { name: "Eleventy", seconds: (writingStarted - modelReady) / 1000 },
        { name: "pages", seconds: (pagesWritten - writingStarted) / 1000 },
        { name: "pictures and search", seconds: (finished - pagesWritten) / 1000 },
      ],
      work: workSeconds(),
    });
  };
}

/** A picture that cannot be decoded, told on every story that shows it (or on the file, for a profile or share picture). */
function damagedPictureProblems(error: PictureDecodeError, model: SiteModel, root: string): Problem[] {
  const picture = shownPath(root, error.source);
  const message = `${picture}: cannot be decoded${error.detail}: the file is damaged or cut short; export or download it again`;
  const stories = model.articles.filter((a) => a.images.some((plan) => plan.source === error.source));
  return stories.length ? stories.map((a) => ({ file: a.sourcePath, field: "image", message })) : [{ file: picture, field: "picture", message }];
}
