/**
 * Output files and cache entries share their data (pictures, pages, search bundles): a file is
 * hard-linked to its new name, and copied only where links fail (another file system, or none).
 */
import { copyFileSync, linkSync } from "node:fs";

/** Links `from` to `to` (a new file), or copies it; a missing `from` throws ENOENT either way. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    copyFileSync(from, to);
  }
}
