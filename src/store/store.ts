/**
 * Everything a build keeps for the next one lives in one folder (`.cache/` in the project, safe to
 * delete) and goes through this store: the folder's layout is below, keys are made by `storeKey`,
 * every write is whole or not at all (a temporary name, then a rename), and what the store wrote it
 * reads back only if it is intact. The caches are its users: parsed and rendered bodies and the
 * article manifest (src/content/), picture plans, encoded pictures, share cards and their fonts
 * (src/images/), the stylesheet and font subsets (src/assets/), rendered pages and what each output
 * tree holds (src/output/), and search months (src/search/).
 *
 * Two kinds of entry:
 * - **Records** (JSON values and byte strings) are written with a checksum and read back only when it
 *   matches: a record damaged by hand or by a full disk reads as missing, and is made again.
 * - **Shared files** (pages, encoded pictures, search bundles) are hard-linked into the output, so
 *   nothing may ever write into one in place: they are made under a temporary name, renamed in, and
 *   linked (or copied, where links fail) out. The store stamps each as it comes in and uses it only
 *   while its stamps hold (src/store/entry-stamps.ts): one written into, cut short or with a file
 *   gone counts as missing and is made again.
 */
import { isAscii } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writevSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../shared/link-or-copy.ts";
import { sameStamp } from "../shared/file-stamp.ts";
import { codeVersion } from "./code-version.ts";
import { EntryStamps, type EntryFiles } from "./entry-stamps.ts";

/** The store's layout: what each area holds, under which name in the cache folder. */
export const LAYOUT = {
  /** Parsed and rendered article bodies: records (src/content/body-cache.ts). */
  bodies: "articles",
  /** The stories of the last build, without their bodies: a record per shard (src/content/article-manifest.ts). */
  manifest: "article-manifest",
  /** Picture plans by source file: one record (src/images/image-planner.ts). */
  imagePlans: "image-plans.json",
  /** Encoded picture variants: shared with the output (src/images/image-encoder.ts). */
  images: "images",
  /** Share cards, drawn once per content: shared with the output (src/images/share-card-drawer.ts). */
  cards: "cards",
  /** The share cards' type as static TrueType files, which Pango reads by path: shared files (src/images/card-fonts.ts). */
  cardFonts: "card-fonts",
  /** The minified stylesheet: a record (src/assets/stylesheet.ts). */
  css: "css",
  /** Font subsets: records (src/assets/fonts.ts). */
  fonts: "fonts",
  /** Rendered pages: shared with the output (src/output/page-cache.ts). */
  pages: "pages",
  /** The stamps of each area's shared files: a record per area (src/store/entry-stamps.ts). */
  stamps: "stamps",
  /** The search index, a folder per month: shared with the output (src/search/search-indexing.ts). */
  search: "search",
  /** What the output and its spare hold, page by page: records named by their folders (src/output/output-tree.ts). */
  trees: "output-trees",
  /** The editing page's script, bundled for the browser: a record (src/admin/admin-script.ts). */
  admin: "admin",
} as const;

export type Area = keyof typeof LAYOUT;

/** The cache folder of a project. */
const CACHE_FOLDER = ".cache";

/**
 * A key for a store entry: a hash of the code that made it (src/store/code-version.ts: a new
 * Dateline, template or runtime makes every entry new) and of everything else it was made from.
 */
export function storeKey(...parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256").update(codeVersion());
  for (const part of parts) hash.update("\0").update(part);
  return hash.digest("hex").slice(0, 40);
}

export class Store {
  readonly #made = new Set<string>();
  readonly #stamps = new Map<Area, EntryStamps>();

  /** `dir`: the cache folder (`<project>/.cache`). */
  constructor(readonly dir: string) {}

  static ofProject(root: string): Store {
    return new Store(path.join(root, CACHE_FOLDER));
  }

  /** The path of an area, or of an entry in it. */
  path(area: Area, name?: string): string {
    const where = path.join(this.dir, LAYOUT[area]);
    return name === undefined ? where : path.join(where, name);
  }

  /** The path of an entry about to be written: its folder made (once per build). */
  #writable(area: Area, name: string | undefined): string {
    const file = this.path(area, name);
    const folder = path.dirname(file);
    if (!this.#made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#made.add(folder);
    }
    return file;
  }

  /** The names in an area (none when it does not exist yet). */
  list(area: Area): string[] {
    try {
      return readdirSync(this.path(area));
    } catch {
      return [];
    }
  }

  remove(area: Area, name?: string): void {
    rmSync(name === undefined ? this.path(area) : path.join(this.path(area), name), { recursive: true, force: true });
    if (name !== undefined) this.#stampsOf(area).forget(name);
    else {
      this.#stamps.set(area, new EntryStamps());
      // Its folder is gone: the next write makes it again.
      this.#made.delete(this.path(area));
    }
  }

  /** Deletes the entries of an area that `keep` does not want (what this build did not use). */
  prune(area: Area, keep: (name: string) => boolean): void {
    for (const name of this.list(area)) if (!keep(name)) this.remove(area, name);
  }

  // --- Records ---------------------------------------------------------------------------------

  /** A JSON record (`name` within an area that is a folder), or undefined when missing or damaged. */
  readJson<T>(area: Area, name?: string): T | undefined {
    const bytes = this.readBytes(area, name);
    if (!bytes) return undefined;
    try {
      // ASCII read as Latin-1 is the same text, made as a one-byte string: decoding UTF-8 makes the
      // whole text two-byte for one non-ASCII character, taking twice the memory and longer to parse.
      return JSON.parse(bytes.toString(isAscii(bytes) ? "latin1" : "utf8")) as T;
    } catch {
      return undefined;
    }
  }

  /**
   * `ascii`: non-ASCII characters written as JSON escapes, for a large record read by every build
   * (the article manifest: 58 MB at 50,000 stories, read 0.4 s sooner as ASCII; see `readJson`).
   */
  writeJson(area: Area, name: string | undefined, value: unknown, o: { ascii?: boolean } = {}): void {
    const json = JSON.stringify(value);
    this.writeBytes(area, name, Buffer.from(o.ascii ? json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json));
  }

  /** A byte record, if it is whole: its checksum line matches what follows it. */
  readBytes(area: Area, name?: string): Buffer | undefined {
    let file: Buffer;
    try {
      file = readFileSync(this.path(area, name));
    } catch {
      return undefined;
    }
    const newline = file.indexOf(10);
    if (newline !== CHECKSUM_LENGTH) return undefined;
    const data = file.subarray(newline + 1);
    return file.toString("latin1", 0, newline) === checksum(data) ? data : undefined;
  }

  writeBytes(area: Area, name: string | undefined, data: Buffer): void {
    const file = this.#writable(area, name);
    const temp = temporaryName(file);
    try {
      // The checksum line and the data in one call, without copying the data into a new buffer.
      const fd = openSync(temp, "w");
      try {
        const header = Buffer.from(`${checksum(data)}\n`, "latin1");
        // Regular files take a writev whole; a short write (a full disk) must not pass for a record.
        if (writevSync(fd, [header, data]) !== header.length + data.length) throw new Error(`${file}: short write`);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  // --- Shared files ------------------------------------------------------------------------------

  /**
   * Puts an entry in whole: `make` writes it (a file or a folder) at the temporary path it is given,
   * which then replaces the entry. Another build of the same site that put its own (equally good)
   * entry there meanwhile wins: this one is dropped.
   */
  async put(area: Area, name: string, make: (temp: string) => Promise<void> | void): Promise<void> {
    const entry = this.#writable(area, name);
    const temp = temporaryName(entry);
    try {
      await make(temp);
      rmSync(entry, { recursive: true, force: true });
      renameSync(temp, entry);
      this.#stampsOf(area).take(name, entry);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      if (isCode(error, "ENOTEMPTY") || isCode(error, "EEXIST")) return;
      throw error;
    }
  }

  /**
   * Whether a shared entry is there as it was put in (its stamps hold). One that is not is removed,
   * so that it is made again; one without stamps (its build was killed before saving them) too.
   */
  verified(area: Area, name: string): boolean {
    const entry = path.join(this.path(area), name);
    if (this.#stampsOf(area).holds(name, entry)) return true;
    this.remove(area, name);
    return false;
  }

  /** Links (or copies) an entry that is as it was put in to `to`, a new file; false when it is gone or damaged. */
  linkOut(area: Area, name: string, to: string): boolean {
    if (!this.verified(area, name)) return false;
    try {
      linkOrCopy(path.join(this.path(area), name), to);
      return true;
    } catch (error) {
      if (isCode(error, "ENOENT")) return false;
      throw error;
    }
  }

  /**
   * Whether `dir` holds the files of the entry's folder `inner` and nothing else, each the entry's own
   * file as stamped (the same inode, size and time: linked out of it, and as it was put in), and the
   * entry's other files are as stamped too: then the entry is whole (`verified`), checked through
   * the links, and a build that keeps `dir` where it is saves linking its files out again (a search
   * month: ~1,200).
   */
  linkedOutAt(area: Area, name: string, inner: string, dir: string): boolean {
    const files = this.#stampsOf(area).filesOf(name);
    if (!files) return false;
    let listed;
    try {
      listed = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    } catch {
      return false;
    }
    const prefix = `${inner}${path.sep}`;
    const others = Object.entries(files).filter(([file]) => !file.startsWith(prefix));
    if (listed.length !== Object.keys(files).length - others.length) return false;
    const entry = path.join(this.path(area), name);
    return (
      others.every(([file, stamp]) => sameStamp(path.join(entry, file), stamp)) &&
      listed.every((e) => {
        const file = path.join(e.parentPath, e.name);
        const stamp = files[path.join(inner, path.relative(dir, file))];
        return stamp !== undefined && sameStamp(file, stamp);
      })
    );
  }

  /** Keeps `from`, a file just written to the output, as an entry, by a hard link; false where links fail (it is then not kept: copying every page would double the writes). */
  linkIn(from: string, area: Area, name: string): boolean {
    try {
      const entry = this.#writable(area, name);
      linkSync(from, entry);
      this.#stampsOf(area).take(name, entry);
      return true;
    } catch {
      return false;
    }
  }

  /** Saves the stamps taken since they were read; a build calls it once its shared files are in. */
  saveStamps(): void {
    for (const [area, stamps] of this.#stamps) {
      const changed = stamps.changed();
      if (changed) this.writeJson("stamps", `${area}.json`, changed);
    }
  }

  #stampsOf(area: Area): EntryStamps {
    let stamps = this.#stamps.get(area);
    if (!stamps) {
      const saved = this.readJson<Record<string, EntryFiles>>("stamps", `${area}.json`);
      this.#stamps.set(area, (stamps = new EntryStamps(new Map(Object.entries(saved ?? {})))));
    }
    return stamps;
  }
}

const CHECKSUM_LENGTH = 32;

function checksum(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex").slice(0, CHECKSUM_LENGTH);
}

function temporaryName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
