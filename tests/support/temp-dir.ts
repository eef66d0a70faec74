/**
 * A temporary folder for one test file: made at once, when the file calls this at its top, and
 * removed after its last test. Made at once rather than in a before hook because Node 20 starts a
 * file's top-level before hooks together, so another hook could not count on it.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

export function tempDirFor(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}
