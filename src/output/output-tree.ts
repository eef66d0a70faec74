/**
 * The previous output, updated in place. A production build writes the site into a staging folder
 * and swaps it in whole (src/output/swap.ts); the output it replaces is kept beside it as the spare
 * (`_site.spare`), and the next build starts from the spare instead of an empty folder: a page the
 * spare already holds with the same page key, untouched since (its file's size, modification time
 * and inode are those the build that wrote it recorded), stays as it is; every other page is written,
 * pages no longer in the site are deleted, the folders only a build writes (assets, fonts) are made
 * afresh, and the search index keeps its months still as the store has them
 * (src/search/search-indexing.ts). After one story changed in a 50,000-story archive, writing the
 * pages took 3.8 s when each unchanged page was linked into an empty folder, 1.5 s in place (a stat
 * each).
 *
 * The spare lags one build behind (it is the output before the current one), so a page changed by
 * the last build is written again. What each tree holds is a record in the store (`trees`), named by
 * the tree's folder (its inode and birth time, which a rename keeps; where the file system has no
 * birth time, a reused inode still finds no page whose stamp matches): a spare without its record,
 * or one a killed build left half updated (a staging folder, removed by the next build), is not used.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sameStamp, type FileStamp } from "../shared/file-stamp.ts";
import { FOLDER } from "../site/url-space.ts";
import type { Store } from "../store/store.ts";
import { deleteInBackground, spareFolder } from "./swap.ts";

/** A page of a tree: its page cache key and its file's stamp, as written. */
export interface TreePage {
  readonly key: string;
  readonly stamp: FileStamp;
}

export type TreePages = ReadonlyMap<string, TreePage>;

/** As stored: path → [key, mtimeMs, size, ino] (a tree of 55,000 pages is ~6 MB). */
type SavedTree = Record<string, [string, number, number, number]>;

/**
 * The folders of an output only a build writes whole, made afresh in a reused tree (their files come
 * from elsewhere: Eleventy's copy of assets/, the font subsets). The search index stays: its months
 * still as the store has them are kept where they are (src/search/search-indexing.ts).
 */
const REMADE = [FOLDER.assets, FOLDER.fonts];

/** The name a tree's record is kept under: its folder's inode and birth time, which renames keep. */
export function treeName(dir: string): string | undefined {
  try {
    const { ino, birthtimeMs } = statSync(dir);
    return `${ino}-${birthtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Makes the spare of `output` the staging folder `staging` when the store knows what it holds, and
 * says which pages it holds; otherwise leaves it (it is replaced at the next swap) and returns
 * undefined. The folders only a build writes are moved out of it first, and deleted in the
 * background.
 */
export function takeSpare(output: string, staging: string, store: Store): TreePages | undefined {
  const spare = spareFolder(output);
  const name = treeName(spare);
  const saved = name === undefined ? undefined : store.readJson<SavedTree>("trees", `${name}.json`);
  if (!saved) return undefined;
  try {
    renameSync(spare, staging);
  } catch (error) {
    // Taken by another build of the same site that started at the same moment: this one starts afresh.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const remade = `${output}.old-${process.pid}-${Date.now()}-remade`;
  mkdirSync(remade);
  for (const folder of REMADE) if (existsSync(path.join(staging, folder))) renameSync(path.join(staging, folder), path.join(remade, folder));
  deleteInBackground(remade);
  return new Map(Object.entries(saved).map(([outputPath, [key, mtimeMs, size, ino]]) => [outputPath, { key, stamp: { mtimeMs, size, ino } }]));
}

/** Whether the page at `file` is the one recorded with `key`, as it was written. */
export function stillThere(page: TreePage | undefined, key: string, file: string): boolean {
  return page?.key === key && sameStamp(file, page.stamp);
}

/** Deletes the pages of the previous tree that this build did not write, and the folders they leave empty. */
export function removeGone(dir: string, previous: TreePages, written: { has(outputPath: string): boolean }): void {
  for (const outputPath of previous.keys()) {
    if (written.has(outputPath)) continue;
    rmSync(path.join(dir, outputPath), { force: true });
    // Up to the output's root, while each folder is empty.
    for (let folder = path.dirname(outputPath); folder !== "."; folder = path.dirname(folder)) {
      try {
        rmdirSync(path.join(dir, folder));
      } catch {
        break;
      }
    }
  }
}

/**
 * Forgets what the tree at `dir` holds: the preview writes into the output itself (its drafts and
 * embargoed stories too), which no record follows, so that tree must never be taken as a spare.
 */
export function forgetTree(store: Store, dir: string): void {
  const name = treeName(dir);
  if (name !== undefined) store.remove("trees", `${name}.json`);
}

/** Records what the tree at `dir` holds, and drops every other tree's record but `keep`'s. */
export function saveTree(store: Store, dir: string, pages: TreePages, keep: string | undefined): void {
  const name = treeName(dir)!;
  const saved: SavedTree = {};
  for (const [outputPath, { key, stamp }] of pages) saved[outputPath] = [key, stamp.mtimeMs, stamp.size, stamp.ino];
  store.writeJson("trees", `${name}.json`, saved);
  store.prune("trees", (entry) => entry === `${name}.json` || entry === `${keep}.json`);
}

/** The files of a folder only a build writes (pictures: encoded variants by name) that `wanted` does not name, deleted. */
export function removeUnwanted(folder: string, wanted: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (!wanted.has(name)) rmSync(path.join(folder, name), { recursive: true, force: true });
}
