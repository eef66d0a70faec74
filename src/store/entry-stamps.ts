/**
 * How the store knows a shared file (a page, an encoded picture, a search month) is still as it put
 * it in: the stamp (size, modification time, inode: src/shared/file-stamp.ts) of every file of the
 * entry, taken when it was put in and compared before it is used. A file written into in place, cut
 * short or deleted no longer matches, and the entry counts as missing. Stamps rather than hashes:
 * hashing every page and picture on every build would cost more than rendering them, and a stamp
 * changes with any write (as make and git judge files).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sameStamp, stampOf, type FileStamp } from "../shared/file-stamp.ts";

/** An entry's files by their path inside it ("" for an entry that is one file). */
export type EntryFiles = Record<string, FileStamp>;

export class EntryStamps {
  #changed = false;

  /** `entries`: the stamps as the last build left them (read from a verified record), or none. */
  constructor(private readonly entries: Map<string, EntryFiles> = new Map()) {}

  /** Stamps the entry at `entry` (a file, or a folder of them) as it is now. */
  take(name: string, entry: string): void {
    this.entries.set(name, stampTree(entry));
    this.#changed = true;
  }

  /** Whether every file the entry had when stamped is there unchanged (no stamp: not known to be whole). */
  holds(name: string, entry: string): boolean {
    const files = this.entries.get(name);
    return !!files && Object.entries(files).every(([inner, stamp]) => sameStamp(inner ? path.join(entry, inner) : entry, stamp));
  }

  /** The entry's files and their stamps as taken (none when not stamped). */
  filesOf(name: string): EntryFiles | undefined {
    return this.entries.get(name);
  }

  forget(name: string): void {
    this.#changed = this.entries.delete(name) || this.#changed;
  }

  /** The stamps to save, when they changed since they were read. */
  changed(): Record<string, EntryFiles> | undefined {
    if (!this.#changed) return undefined;
    this.#changed = false;
    return Object.fromEntries(this.entries);
  }
}

function stampTree(entry: string): EntryFiles {
  if (!statSync(entry).isDirectory()) return { "": stampOf(entry)! };
  const files: EntryFiles = {};
  for (const item of readdirSync(entry, { recursive: true, withFileTypes: true })) {
    if (!item.isFile()) continue;
    const full = path.join(item.parentPath, item.name);
    files[path.relative(entry, full)] = stampOf(full)!;
  }
  return files;
}
