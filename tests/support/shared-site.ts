/**
 * A site that several test files build alike and only read is built once per run of the suite.
 * node:test runs each file in a process of its own, so the build is shared through the file system:
 * `npm test` (tests/run.ts) names a folder in DATELINE_TEST_SHARED; the first file to ask for a site
 * claims it there and builds it, and writes down what it built; the others wait for that note and
 * read the same site. The runner removes every shared site when the suite ends. A file run on its
 * own (no DATELINE_TEST_SHARED) builds a copy of its own and removes it after its last test.
 *
 * Files that share a site must never change it: one that edits content builds its own.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { isAlive } from "../../src/shared/processes.ts";

/** What a shared site's maker returns: JSON, with the temporary folder that holds everything it made. */
export interface SiteNote {
  /** Made under the system's temporary folder with a `dateline-` name; removed when no longer needed. */
  dir: string;
}

export const SHARED_FOLDER = "DATELINE_TEST_SHARED";
/** How often a file waiting for another's build looks for its note. */
const LOOK_EVERY_MS = 50;

/**
 * The site called `name`: made by `make` in this process, or read from the note of the file that made
 * it. `release` is for the file's after hook: it removes the site only when this file alone had it.
 */
export async function sharedSite<T extends SiteNote>(name: string, make: () => Promise<T>): Promise<{ site: T; release: () => Promise<void> }> {
  const shared = process.env[SHARED_FOLDER];
  if (!shared) {
    const site = await make();
    return { site, release: () => removeSiteFolder(site.dir) };
  }
  return { site: await madeOnce(shared, name, make), release: async () => {} };
}

async function madeOnce<T extends SiteNote>(shared: string, name: string, make: () => Promise<T>): Promise<T> {
  const note = path.join(shared, `${name}.json`);
  const claim = path.join(shared, `${name}.claim`);
  for (;;) {
    if (existsSync(note)) {
      const read = JSON.parse(readFileSync(note, "utf8")) as T | { failed: string };
      if ("failed" in read) throw new Error(`the shared "${name}" site was not built (another test file tried): ${read.failed}`);
      return read;
    }
    if (claimed(claim)) {
      let site: T;
      try {
        site = await make();
      } catch (error) {
        writeNote(note, { failed: (error as Error).message });
        throw error;
      }
      writeNote(note, site);
      return site;
    }
    // Another file is building it; one that died before writing its note leaves the claim to whoever comes next.
    const holder = holderOf(claim);
    if (holder && !isAlive(holder)) rmSync(claim, { recursive: true, force: true });
    else await delay(LOOK_EVERY_MS);
  }
}

/** Claims a site for this process (an atomic mkdir): true when no other process holds it. */
function claimed(claim: string): boolean {
  try {
    mkdirSync(claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(path.join(claim, "pid"), String(process.pid));
  return true;
}

/** The process that holds a claim; undefined while it is being made or after it was given up. */
function holderOf(claim: string): number | undefined {
  try {
    return Number(readFileSync(path.join(claim, "pid"), "utf8")) || undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: a reader never sees half a note. */
function writeNote(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(value));
  renameSync(`${file}.tmp`, file);
}

/** Removes a site's folder, only where a test site can be (a `dateline-` folder in the system's temporary folder). */
export async function removeSiteFolder(dir: string): Promise<void> {
  const inTemp = path.dirname(path.resolve(dir)) === path.resolve(tmpdir()) && path.basename(dir).startsWith("dateline-");
  if (!inTemp) throw new Error(`not a test site's folder, not removed: ${dir}`);
  await rm(dir, { recursive: true, force: true });
}
