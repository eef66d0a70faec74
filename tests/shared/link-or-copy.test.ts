/** Linking (src/shared/link-or-copy.ts): a hard link where possible, and ENOENT for a missing source. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { linkOrCopy } from "../../src/shared/link-or-copy.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-link-or-copy-");

test("on one file system the new name is a hard link to the same inode", () => {
  const from = path.join(dir, "a.txt");
  const to = path.join(dir, "b.txt");
  writeFileSync(from, "picture bytes");
  linkOrCopy(from, to);
  assert.equal(statSync(to).ino, statSync(from).ino);
  assert.equal(statSync(from).nlink, 2);
  assert.equal(readFileSync(to, "utf8"), "picture bytes");
});

test("a missing source throws ENOENT and makes nothing", () => {
  const to = path.join(dir, "never.txt");
  assert.throws(() => linkOrCopy(path.join(dir, "missing.txt"), to), { code: "ENOENT" });
  assert.equal(existsSync(to), false);
});
