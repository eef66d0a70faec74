/** Search months (src/search/search-months.ts): the index split by month, newest first, each keyed by its own pages only. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { searchMonths } from "../../src/search/search-months.ts";

const pages = [
  { outputPath: "world/a/index.html", searchMonth: "2026-01" },
  { outputPath: "index.html" },
  { outputPath: "world/b/index.html", searchMonth: "2026-03" },
  { outputPath: "tags/x/index.html", searchMonth: undefined },
  { outputPath: "world/c/index.html", searchMonth: "2026-01" },
  { outputPath: "world/d/index.html", searchMonth: "2025-12" },
];
const keys: Record<string, string> = { "world/a/index.html": "ka", "world/b/index.html": "kb", "world/c/index.html": "kc", "world/d/index.html": "kd" };
const keyOf = (changes: Record<string, string> = {}) => (outputPath: string) => changes[outputPath] ?? keys[outputPath] ?? "none";

test("months come newest first, each with its pages in order, and pages without a month are left out", () => {
  const months = searchMonths(pages, keyOf());
  assert.deepEqual(
    months.map((m) => [m.name, m.pages]),
    [
      ["2026-03", ["world/b/index.html"]],
      ["2026-01", ["world/a/index.html", "world/c/index.html"]],
      ["2025-12", ["world/d/index.html"]],
    ],
  );
  assert.ok(months.every((m) => /^[0-9a-f]{64}$/.test(m.key)));
  assert.equal(new Set(months.map((m) => m.key)).size, 3);
});

test("the same pages and keys give the same month keys", () => {
  assert.deepEqual(searchMonths(pages, keyOf()), searchMonths(pages, keyOf()));
});

test("a changed page changes its own month's key and no other", () => {
  const before = new Map(searchMonths(pages, keyOf()).map((m) => [m.name, m.key]));
  const after = new Map(searchMonths(pages, keyOf({ "world/c/index.html": "kc2" })).map((m) => [m.name, m.key]));
  assert.notEqual(after.get("2026-01"), before.get("2026-01"));
  assert.equal(after.get("2026-03"), before.get("2026-03"));
  assert.equal(after.get("2025-12"), before.get("2025-12"));
});

test("a page added to a month or moved to another changes those months' keys", () => {
  const before = new Map(searchMonths(pages, keyOf()).map((m) => [m.name, m.key]));
  const moved = pages.map((p) => (p.outputPath === "world/d/index.html" ? { ...p, searchMonth: "2026-03" } : p));
  const after = new Map(searchMonths(moved, keyOf()).map((m) => [m.name, m.key]));
  assert.equal(after.has("2025-12"), false);
  assert.notEqual(after.get("2026-03"), before.get("2026-03"));
  assert.equal(after.get("2026-01"), before.get("2026-01"));
});

test("no pages with a month give no months", () => {
  assert.deepEqual(searchMonths([{ outputPath: "index.html" }], keyOf()), []);
});
