/**
 * Copying encoded pictures between two projects' stores (tests/support/copy-pictures.ts): the copies
 * are the receiving store's own (stamped, sharing no file with the giver), a damaged picture is not
 * copied, and the giver's build lock is taken and given back.
 */
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { Store } from "../../src/store/store.ts";
import { copyPictures } from "./copy-pictures.ts";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function store(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-copy-pictures-"));
  dirs.push(dir);
  return dir;
}

test("sound pictures are copied and stamped by the receiving store; a damaged one is left out; the lock is given back", async () => {
  const fromDir = await store();
  const toDir = await store();
  const from = new Store(fromDir);
  await from.put("images", "a-480.avif", (temp) => writeFileSync(temp, "avif bytes"));
  await from.put("images", "b-480.jpg", (temp) => writeFileSync(temp, "jpeg bytes"));
  from.saveStamps();
  // Written into in place after it was stamped: no longer as it was put in.
  writeFileSync(from.path("images", "b-480.jpg"), "garbage");

  assert.equal(await copyPictures(fromDir, toDir), 1);
  const to = new Store(toDir);
  assert.ok(to.verified("images", "a-480.avif"), "the copy is the receiver's, stamped");
  assert.ok(!existsSync(to.path("images", "b-480.jpg")));
  assert.notEqual(statSync(to.path("images", "a-480.avif")).ino, statSync(from.path("images", "a-480.avif")).ino, "a copy, not a link");
  assert.ok(!existsSync(path.join(fromDir, "build.lock")), "the giver's lock is given back");
});

test("a store with no pictures gives none", async () => {
  assert.equal(await copyPictures(await store(), await store()), 0);
});
