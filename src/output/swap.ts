/**
 * A site is written whole into a staging folder beside the output, and replaces the output only when
 * everything succeeded: on any error the previous output stays exactly as it was. The swap itself is
 * two renames, and a build killed between them is put right by the next one (`recoverLeftovers`).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { failpoint } from "../shared/failpoints.ts";
import { isAlive } from "../shared/processes.ts";
import { FILE } from "../site/url-space.ts";

/** Beside the output: the output before it, which the next build updates in place (src/output/output-tree.ts). */
export function spareFolder(output: string): string {
  return `${output}.spare`;
}

/** The folder a build of this process writes the site into, beside `output`. */
export function stagingFolder(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/** Beside the output while a swap is under way: the name the old output was moved to. */
function journalOf(output: string, pid: number): string {
  return `${output}.swapping-${pid}`;
}

/**
 * Replaces `to` with `from` by two renames, with a journal beside them naming where the old output
 * went, so that a build killed between the renames leaves enough for the next to restore it. The old
 * site then becomes the spare, which the next build updates in place (src/output/output-tree.ts);
 * what is deleted (a spare the build did not take) is deleted by a detached process: deleting
 * thousands of folders took longer than writing them, and nobody needs to wait for it. A deletion
 * that was interrupted is finished by the next build.
 */
export function swapIn(from: string, to: string): void {
  const old = `${to}.old-${process.pid}-${Date.now()}`;
  const journal = journalOf(to, process.pid);
  writeFileSync(journal, path.basename(old));
  let hadOld = true;
  try {
    renameSync(to, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  failpoint("swap-between-renames");
  renameSync(from, to);
  rmSync(journal, { force: true });
  if (!hadOld) return;
  // The old output becomes the spare; a spare the build did not take (no record of it) is deleted.
  // A folder of that name a build did not make (no marker) is left alone, and the old output deleted.
  const spare = spareFolder(to);
  if (existsSync(spare)) {
    if (!existsSync(path.join(spare, FILE.outputMarker))) return deleteInBackground(old);
    const stale = `${to}.old-${process.pid}-${Date.now()}-spare`;
    renameSync(spare, stale);
    deleteInBackground(stale);
  }
  renameSync(old, spare);
}

/**
 * Deletes a folder beside the output in a process of its own, which nobody waits for. It only
 * deletes: a deleter that renamed its folder first (so that the next build would know it was being
 * deleted) made a name appear beside the output after the build had ended, and whatever removed the
 * output's parent then (a test's clean-up) failed with ENOTEMPTY. Since the old output became the
 * spare, what is deleted here is small or rare (a spare the build did not take; the folders a build
 * remakes), and the next build deletes what is left of it, if anything.
 */
export function deleteInBackground(folder: string): void {
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, folder], { detached: true, stdio: "ignore" }).unref();
}

/**
 * What builds that were killed left beside `output`: an output moved away by a swap that did not
 * finish is put back; old outputs and staging folders are removed (not those of builds still running).
 */
export async function recoverLeftovers(output: string): Promise<void> {
  const dir = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  // Each leftover of a build no longer running, by name: what it is (old, staging or swapping).
  const leftovers = new Map<string, string>();
  for (const name of await readdir(dir)) {
    const match = name.startsWith(prefix) ? /^(old|staging|swapping)-(\d+)/.exec(name.slice(prefix.length)) : null;
    if (match && !isRunning(Number(match[2]))) leftovers.set(name, match[1]!);
  }
  for (const [name, kind] of leftovers) {
    if (kind !== "swapping") continue;
    const journal = path.join(dir, name);
    const old = path.join(dir, readFileSync(journal, "utf8").trim());
    // Killed between the renames: the old output is whole (only a finished swap deletes it).
    if (!existsSync(output) && path.dirname(old) === dir && existsSync(old)) {
      renameSync(old, output);
      leftovers.delete(path.basename(old));
    }
    rmSync(journal, { force: true });
    leftovers.delete(name);
  }
  await Promise.all([...leftovers.keys()].map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}

/** This process's own leftovers count as a dead build's: it is starting a new build. */
function isRunning(pid: number): boolean {
  return pid !== process.pid && isAlive(pid);
}
