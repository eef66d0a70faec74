/**
 * One build of a project at a time over its store: builds share what the store keeps (a picture one
 * encodes, the other links), and a build checks an entry's stamps before it uses it, so two builds
 * of the same site at once would each take the other's fresh entries for damaged ones. A second
 * build waits for the first (as Hugo's .hugo_build.lock makes it); a lock left by a build that died
 * is taken over.
 */
import { mkdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
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
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readTextOrEmpty(file));
    if (holder === process.pid) return;
    if (!holder || !isAlive(holder)) {
      // Left by a build that died (or half written): take it over.
      rmSync(file, { force: true });
      continue;
    }
    if (!told) onWait?.(holder);
    told = true;
    await released(file);
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
