/**
 * One build of a project at a time over its store: builds share what the store keeps (a picture one
 * encodes, the other links), and a build checks an entry's stamps before it uses it, so two builds
 * of the same site at once would each take the other's fresh entries for damaged ones. A second
 * build waits for the first (as Hugo's .hugo_build.lock makes it); a lock left by a build that died
 * is taken over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive } from "../shared/processes.ts";

const LOCK_FILE = "build.lock";

/**
 * Takes the store's build lock, waiting while a live process holds it (told once through
 * `onWait`). The same process may take it again (a preview rebuilds in one process).
 */
export async function lockStore(storeDir: string, onWait?: (pid: number) => void): Promise<void> {
  mkdirSync(storeDir, { recursive: true });
  const file = path.join(storeDir, LOCK_FILE);
  let told = false;
  for (;;) {
    if (created(file)) return;
    const seen = readTextOrEmpty(file);
    const holder = Number(seen);
    if (holder === process.pid) return;
    if (!holder || !isAlive(holder)) {
      // Left by a build that died (or written by hand): take it over, unless another build took it
      // over since it was read.
      if (readTextOrEmpty(file) === seen) rmSync(file, { force: true });
      continue;
    }
    if (!told) onWait?.(holder);
    told = true;
    await released(file);
  }
}

/**
 * Creates the lock file holding this process's id, or false when it exists. It appears with its
 * content (written beside it, then linked in): another build never reads it empty and takes it for
 * a dead one's.
 */
function created(file: string): boolean {
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, String(process.pid));
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    // A file system without hard links: created empty, then written (the moment it is empty remains).
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Releases the lock if this process holds it (a build's last write to the store is done, or it failed). */
export function unlockStore(storeDir: string): void {
  const file = path.join(storeDir, LOCK_FILE);
  if (Number(readTextOrEmpty(file)) === process.pid) rmSync(file, { force: true });
}

function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

/** Resolves when the lock file changes or goes, or after a second (its holder may have died without removing it). */
async function released(file: string): Promise<void> {
  const controller = new AbortController();
  try {
    await Promise.race([
      new Promise<void>((resolve) => watch(path.dirname(file), { signal: controller.signal }, (_, name) => name === path.basename(file) && resolve())),
      sleep(1000, undefined, { signal: controller.signal }).catch(() => undefined),
    ]);
  } finally {
    controller.abort();
  }
}
