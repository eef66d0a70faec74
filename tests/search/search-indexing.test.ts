/**
 * The search index kept in the store (src/search/search-indexing.ts), on a copy of the fixture site:
 * reused while no indexed story changes, made again when one does, and the same as a clean build's.
 */
import assert from "node:assert/strict";
import { appendFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildFixture, hashTree, makeFixtureSite, removeSite } from "../support/fixture-site.ts";

let root: string;
const site = () => path.join(root, "_site");

before(async () => {
  root = await makeFixtureSite();
});
after(() => removeSite(root));

test("the search index is reused while no story changes, made again when one does, the same as a clean build's", async () => {
  const made = async () => {
    const { search } = await buildFixture(root);
    assert.ok(typeof search === "object");
    return search.made;
  };
  await buildFixture(root);
  const index = await hashTree(path.join(site(), "pagefind"));
  assert.equal(await made(), 0);
  assert.deepEqual(await hashTree(path.join(site(), "pagefind")), index);
  await appendFile(path.join(root, "content/world/draft-story.md"), "\nDrafts are not indexed: this changes nothing.\n");
  assert.equal(await made(), 0);
  await appendFile(path.join(root, "content/news/full-story/index.md"), "\nA new paragraph about the quayside.\n");
  assert.equal(await made(), 1);
  const cached = await hashTree(path.join(site(), "pagefind"));
  assert.notDeepEqual(cached, index);
  await rm(path.join(root, ".cache"), { recursive: true, force: true });
  await buildFixture(root);
  assert.deepEqual(await hashTree(path.join(site(), "pagefind")), cached);
});
