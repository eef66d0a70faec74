/**
 * A hash of the code that turns content into pages: every source file of src/ and templates/ (the
 * interface words included), the lock file's package versions, and the Node and ICU versions (Intl
 * words the dates and numbers). The caches in `.cache/` are keyed by it, so a change to Dateline, its
 * templates or its runtime makes every cached body and page count as new. Computed once per process
 * (~2 ms).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "../shared/repo.ts";

const CODE_DIRS = ["src", "templates"];

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
  const hash = createHash("sha256").update(`${process.version} icu ${process.versions.icu ?? ""} ${process.versions.unicode ?? ""}\0`);
  for (const dir of CODE_DIRS) {
    for (const name of readdirSync(path.join(REPO, dir), { recursive: true }).map(String).sort()) {
      if (!/\.(ts|yaml)$/.test(name)) continue;
      hash.update(`${dir}/${name}\0`).update(readFileSync(path.join(REPO, dir, name)));
    }
  }
  try {
    hash.update(readFileSync(path.join(REPO, "package-lock.json")));
  } catch {
    // No lock file (a copy without it): the source files above still key the caches.
  }
  return (version = hash.digest("hex"));
}
