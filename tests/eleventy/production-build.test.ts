/**
 * A production build (src/eleventy/production-build.ts): the output refused before anything is made,
 * built in a staging folder and swapped in marked as a build's, the store's lock released after a
 * build that succeeded and one that failed.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { FaultError } from "../../src/shared/errors.ts";
import { FILE } from "../../src/site/url-space.ts";
import { editFile } from "../support/edit-file.ts";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";

let root: string;
const lock = () => path.join(root, ".cache", "build.lock");

before(async () => {
  root = await makeFixtureSite();
});
after(() => removeSite(root));

test("a refused output is refused before anything is made: no staging folder, no cache", async () => {
  // A cold cache: in a run of the whole suite the fixture's pictures would be put in first.
  await assert.rejects(buildFixture(root, { coldCache: true }, "content"), (error: unknown) => error instanceof FaultError && error.problem === "is the content folder");
  assert.deepEqual(readdirSync(root).sort(), ["content"]);
});

test("the site is swapped in whole and marked as a build's; nothing is left beside it, and the store is unlocked", async () => {
  await buildFixture(root);
  assert.match(readFileSync(path.join(root, "_site", FILE.outputMarker), "utf8"), /^Written by Dateline/);
  assert.deepEqual(readdirSync(root).filter((name) => name.startsWith("_site")), ["_site"]);
  assert.ok(!existsSync(lock()));
});

test("a build that fails on content releases the store's lock too", async () => {
  await editFile(path.join(root, "content/world/flat-story.md"), (t) => t.replace(/^summary:.*$/m, ""));
  await assert.rejects(buildFixture(root));
  assert.ok(!existsSync(lock()));
});
