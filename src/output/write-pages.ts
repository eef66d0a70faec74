/**
 * Writing the site: every page in turn (from the page cache, as last written in a preview, or
 * rendered), then the stylesheet and the fonts, and the pictures linked from the store. Dateline writes the pages itself, one
 * at a time: render, write, let go. Eleventy would keep every page's text in its results until the
 * build ends (~300 MB at 4,000 articles) and spends about a millisecond a page on bookkeeping we do
 * not use.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import type { Page } from "../model/page.ts";
import type { SiteModel } from "../model/site-model.ts";
import { FOLDER } from "../site/url-space.ts";
import type { PageCache } from "./page-cache.ts";
import type { Store } from "../store/store.ts";
import { variantsOf, type ImagePlan } from "../images/image-plan.ts";
import { failpoint } from "../shared/failpoints.ts";
import { timed } from "../shared/work-clock.ts";

/** How `writePages` makes each page, and what it counts. */
export interface Writing {
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
export async function writePages(output: string, pages: readonly Page[], o: Writing, progress: (done: number, total: number) => void): Promise<number> {
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
      timed("write", () => mkdirSync(folder, { recursive: true }));
      folders.add(folder);
    }
    await writePage(page, file, o);
    o.onWritten(page.outputPath);
    if (done === Math.ceil(pages.length / 2)) failpoint("pages-half-written");
  }
  progress(done, pages.length);
  return done;
}

/** One page, from the page cache, as last written (a preview), or rendered. */
async function writePage(page: Page, file: string, o: Writing): Promise<void> {
  const key = o.keys.get(page.outputPath)!;
  if (o.written?.get(file) === key && existsSync(file)) return;
  if (timed("write", () => o.cache?.reuse(key, file))) return;
  const html = await timed("templates", () => page.render());
  o.rendered++;
  if (o.written) {
    o.written.set(file, key);
    // Replaced, never written into: the file may be a production build's link into the page cache.
    rmSync(file, { force: true });
  }
  // Synchronous: thousands of small writes through the thread pool cost more than they overlap.
  timed("write", () => {
    writeFileSync(file, html);
    o.cache?.keep(key, file);
  });
}

/** Links (or copies) each encoded variant of the pictures from the store into the output, where it is not already. */
export function linkPictures(output: string, plans: readonly ImagePlan[], store: Store): void {
  const dir = path.join(output, FOLDER.images);
  mkdirSync(dir, { recursive: true });
  for (const name of new Set(plans.flatMap((p) => variantsOf(p).map((v) => v.name)))) {
    const to = path.join(dir, name);
    if (existsSync(to)) continue;
    if (!store.linkOut("images", name, to)) throw new Error(`encoded picture ${name} went missing from the cache while the site was built: build again`);
  }
}

/** The minified stylesheet and the font subsets the model made, into the output. */
export async function writeStyles(output: string, model: SiteModel): Promise<void> {
  await writeFile(path.join(output, model.stylesheet.outputPath), model.stylesheet.content);
  if (!model.fontFiles.length) return;
  const dir = path.join(output, FOLDER.fonts);
  await mkdir(dir, { recursive: true });
  await Promise.all(model.fontFiles.map((f) => writeFile(path.join(dir, f.fileName), f.data)));
}
