/**
 * Writing the site: every page in turn (from the page cache, as last written in a preview, or
 * rendered), then the stylesheet and the fonts, and the pictures and share cards linked from the
 * store. Dateline writes the pages itself, one at a time: render, write, let go. Eleventy would
 * keep every page's text in its results until the build ends (~300 MB at 4,000 articles) and spends
 * about a millisecond a page on bookkeeping we do not use.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import type { Page } from "../model/page.ts";
import type { SiteModel } from "../model/site-model.ts";
import { FOLDER } from "../site/url-space.ts";
import type { PageCache } from "./page-cache.ts";
import type { Store } from "../store/store.ts";
import { variantsOf, type ImagePlan } from "../images/image-plan.ts";
import type { ShareCard } from "../images/share-card.ts";
import { failpoint } from "../shared/failpoints.ts";
import { timed } from "../shared/work-clock.ts";
import { stampOf } from "../shared/file-stamp.ts";
import { removeUnwanted, stillThere, type TreePage, type TreePages } from "./output-tree.ts";

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
  /**
   * A production build in the previous output (src/output/output-tree.ts): the pages it holds, and
   * this build's, recorded as they are written or kept.
   */
  tree?: { previous: TreePages; pages: Map<string, TreePage> } | undefined;
}

/**
 * Makes each page in turn: from the page cache or, in a preview, left as last written when its key
 * is the same, or in a production build kept in the previous output; otherwise rendered and written
 * (and kept in the cache). Folders are made once.
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
    await writePage(page, file, o, folders);
    o.onWritten(page.outputPath);
    if (done === Math.ceil(pages.length / 2)) failpoint("pages-half-written");
  }
  progress(done, pages.length);
  return done;
}

/** One page, from the page cache, as last written (a preview), or rendered. */
async function writePage(page: Page, file: string, o: Writing, folders: Set<string>): Promise<void> {
  const key = o.keys.get(page.outputPath)!;
  if (o.written?.get(file) === key && existsSync(file)) return;
  if (o.tree) {
    const tree = o.tree;
    const previous = tree.previous.get(page.outputPath);
    if (timed("read", () => stillThere(previous, key, file))) {
      tree.pages.set(page.outputPath, previous!);
      o.cache?.keep(key, file);
      return;
    }
    // Replaced, never written into: the file may be a link into the page cache (one the previous
    // build did not record, too).
    if (tree.previous.size) timed("write", () => rmSync(file, { force: true }));
  }
  makeFolder(file, folders);
  if (timed("write", () => o.cache?.reuse(key, file))) return recordTree(page, key, file, o);
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
  recordTree(page, key, file, o);
}

/**
 * The page's folder, made once per build (`made`) and only for a page about to be written: a page
 * kept in place needs none (a mkdir for each of 55,000 kept pages took ~0.5 s).
 */
function makeFolder(file: string, made: Set<string>): void {
  const folder = path.dirname(file);
  if (made.has(folder)) return;
  timed("write", () => mkdirSync(folder, { recursive: true }));
  made.add(folder);
}

function recordTree(page: Page, key: string, file: string, o: Writing): void {
  const stamp = o.tree && timed("read", () => stampOf(file));
  if (stamp) o.tree!.pages.set(page.outputPath, { key, stamp });
}

/**
 * Links (or copies) each encoded variant of the pictures and each share card from the store into the
 * output, where it is not already, and deletes those no page shows any more (an output updated in
 * place keeps its own).
 */
export function linkPictures(output: string, plans: readonly ImagePlan[], cards: readonly ShareCard[], store: Store): void {
  const dir = path.join(output, FOLDER.images);
  mkdirSync(dir, { recursive: true });
  // Each file by the store's area it comes from.
  const wanted = new Map<string, "images" | "cards">([
    ...plans.flatMap((p) => variantsOf(p).map((v) => [v.name, "images"] as const)),
    ...cards.map((c) => [c.name, "cards"] as const),
  ]);
  removeUnwanted(dir, new Set(wanted.keys()));
  for (const [name, area] of wanted) {
    const to = path.join(dir, name);
    // Kept while it is the store's entry itself, as the store put it in (a link: the same inode).
    if (existsSync(to)) {
      if (store.verified(area, name) && sameFile(to, store.path(area, name))) continue;
      rmSync(to, { force: true });
    }
    if (!store.linkOut(area, name, to)) throw new Error(`${area === "cards" ? "share card" : "encoded picture"} ${name} went missing from the cache while the site was built: build again`);
  }
}

function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a), statSync(b)];
  return x.ino === y.ino && x.dev === y.dev;
}

/** The minified stylesheet and the font subsets the model made, into the output. */
export async function writeStyles(output: string, model: SiteModel): Promise<void> {
  await writeFile(path.join(output, model.stylesheet.outputPath), model.stylesheet.content);
  if (!model.fontFiles.length) return;
  const dir = path.join(output, FOLDER.fonts);
  await mkdir(dir, { recursive: true });
  await Promise.all(model.fontFiles.map((f) => writeFile(path.join(dir, f.fileName), f.data)));
}
