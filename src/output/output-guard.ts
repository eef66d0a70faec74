/**
 * Which folder a build may replace. A build swaps the whole output folder for a new one, so the
 * folder it is given must be one Dateline made: never the project or a folder holding it, never one
 * of the project's own folders (content/, assets/, the store, src/, templates/, .git, node_modules)
 * or a folder inside one, and never an existing folder without the mark every output carries.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FaultError } from "../shared/errors.ts";
import { isInside } from "../shared/inside.ts";
import { REPO } from "../shared/repo.ts";
import type { Project } from "../source/project.ts";
import { FILE } from "../site/url-space.ts";

/** Sites built before outputs were marked: their feed names Dateline as its generator. */
const UNMARKED_DATELINE_FEED = "<generator>Dateline</generator>";

/**
 * Throws a FaultError, before anything is touched, unless `output` may be replaced by a build of
 * `project`. `asGiven` is the folder as the editor wrote it, for the message.
 */
export function guardOutput(project: Project, output: string, asGiven: string): void {
  const refuse = (why: string) => {
    throw new FaultError(`--output ${asGiven}`, why, "choose a folder of its own for the site, such as _site (the default)");
  };
  const target = realPath(path.resolve(project.root, output));
  for (const [folder, name] of protectedFolders(project)) {
    const real = realPath(folder);
    if (real === target) refuse(`is ${name}`);
    if (isInside(real, target)) refuse(`holds ${name}`);
    // The output lives in the project (as _site/ does), never inside one of its folders.
    if (folder !== project.root && folder !== REPO && isInside(target, real)) refuse(`is inside ${name}`);
  }
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) refuse("is a file, not a folder");
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(FILE.outputMarker) || isUnmarkedDatelineSite(target)) return;
  refuse(`is a folder Dateline did not make (it has no ${FILE.outputMarker} file), and a build replaces its output whole`);
}

/** The folders no build may replace, hold or write into, with the words a message names them by. */
function protectedFolders(project: Project): [string, string][] {
  const folders: [string, string][] = [
    [project.root, "the project folder"],
    [project.contentDir, "the content folder"],
    [project.assetsDir, "the assets folder"],
    [project.store.dir, "the build cache"],
  ];
  for (const base of new Set([project.root, REPO])) {
    for (const name of [".git", "node_modules", "src", "templates", "tests"]) folders.push([path.join(base, name), name]);
  }
  if (REPO !== project.root) folders.push([REPO, "Dateline's own folder"]);
  return folders;
}

/** Marks `dir` as an output a build made, which later builds may replace. */
export function markOutput(dir: string): void {
  writeFileSync(path.join(dir, FILE.outputMarker), "Written by Dateline. Each build replaces this folder whole: keep nothing else in it.\n");
}

function isUnmarkedDatelineSite(dir: string): boolean {
  try {
    return readFileHead(path.join(dir, FILE.rss)).includes(UNMARKED_DATELINE_FEED);
  } catch {
    return false;
  }
}

function readFileHead(file: string): string {
  // The generator is in the channel's first lines; a feed's items can be long.
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** `dir` with every link resolved, also when its last parts do not exist yet. */
function realPath(dir: string): string {
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...missing);
}
