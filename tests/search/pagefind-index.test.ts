/** Pagefind as Dateline drives it (src/search/pagefind-index.ts), on a folder of two pages. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { writeSearchIndex } from "../../src/search/pagefind-index.ts";

test("writeSearchIndex indexes a folder and reports the pages", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-index-"));
  try {
    await writeFile(path.join(dir, "a.html"), '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>Hello</h1><p>World</p></main></body></html>');
    await writeFile(path.join(dir, "b.html"), '<html lang="en"><body><p>A listing, not indexed</p></body></html>');
    const report = await writeSearchIndex(dir);
    assert.equal(report.pages, 1);
    assert.ok(existsSync(path.join(dir, "pagefind/pagefind.js")));
    assert.ok((await readdir(path.join(dir, "pagefind/fragment"))).length === 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
