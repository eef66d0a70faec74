/**
 * A site is written whole into a staging folder beside the output, and replaces the output only when
 * everything succeeded: on any error the previous output stays exactly as it was.
 */
import { spawn } from "node:child_process";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** The folder a build of this process writes the site into, beside `output`. */
export function stagingFolder(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/**
 * Replaces `to` with `from` by two renames. The old site is deleted after the swap by a detached
 * process: deleting thousands of folders took longer than writing them, and nobody needs to wait
 * for it. A deletion that was interrupted is finished by the next build (`removeLeftovers`).
 */
export async function swapIn(from: string, to: string): Promise<void> {
  const old = `${to}.old-${process.pid}-${Date.now()}`;
  try {
    await rename(to, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return rename(from, to);
  }
  await rename(from, to);
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, old], { detached: true, stdio: "ignore" }).unref();
}

/** Old outputs and staging folders left by interrupted builds (not by ones still running). */
export async function removeLeftovers(output: string): Promise<void> {
  const dir = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  const leftovers = (await readdir(dir)).filter((name) => {
    const pid = /^(?:old|staging)-(\d+)/.exec(name.slice(prefix.length))?.[1];
    return name.startsWith(prefix) && pid !== undefined && !isRunning(Number(pid));
  });
  await Promise.all(leftovers.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, run by another user (a build of theirs in the same folder).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
