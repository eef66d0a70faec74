/** Entry stamps (src/store/entry-stamps.ts): a file or a folder of them holds while every file is as stamped; changes are saved once. */
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { EntryStamps } from "../../src/store/entry-stamps.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-stamps-");

test("a stamped file holds until it is written to; an unknown name never holds", () => {
  const file = path.join(dir, "page.html");
  writeFileSync(file, "<p>x</p>");
  const stamps = new EntryStamps();
  stamps.take("page", file);
  assert.equal(stamps.holds("page", file), true);
  assert.equal(stamps.holds("other", file), false);
  appendFileSync(file, "more");
  assert.equal(stamps.holds("page", file), false);
});

test("a folder holds while each of its files does, at any depth", () => {
  const folder = path.join(dir, "month");
  mkdirSync(path.join(folder, "fragment"), { recursive: true });
  writeFileSync(path.join(folder, "entry.json"), "{}");
  writeFileSync(path.join(folder, "fragment", "a"), "a");
  const stamps = new EntryStamps();
  stamps.take("2026-01", folder);
  assert.equal(stamps.holds("2026-01", folder), true);
  writeFileSync(path.join(folder, "fragment", "a"), "b");
  assert.equal(stamps.holds("2026-01", folder), false);
});

test("what changed is handed out once for saving, and read back it holds the same", () => {
  const file = path.join(dir, "saved.html");
  writeFileSync(file, "x");
  const stamps = new EntryStamps();
  assert.equal(stamps.changed(), undefined);
  stamps.take("saved", file);
  const saved = stamps.changed();
  assert.ok(saved);
  assert.equal(stamps.changed(), undefined, "nothing new since");
  const later = new EntryStamps(new Map(Object.entries(JSON.parse(JSON.stringify(saved)))));
  assert.equal(later.holds("saved", file), true);
  later.forget("saved");
  assert.equal(later.holds("saved", file), false);
  assert.deepEqual(later.changed(), {});
});
