/**
 * The article-body cache (src/content/body-cache.ts): a second build parses nothing, a changed story is
 * parsed again alone, and in every case the output is byte for byte what a build without the cache
 * makes: after an edit, after a picture is replaced under the same name, with a damaged entry, and
 * with the cache deleted.
 */
import assert from "node:assert/strict";
import { appendFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildFixture, hashTree, jpeg, makeFixtureSite, removeSite } from "../support/fixture-site.ts";
import { BodyCache, renderName } from "../../src/content/body-cache.ts";
import { Store } from "../../src/store/store.ts";

let root: string;
const cache = () => path.join(root, ".cache/articles");
const site = () => path.join(root, "_site");

/** The article manifest would give the stories back without asking the body cache. */
const withoutManifest = () => rm(path.join(root, ".cache/article-manifest"), { recursive: true, force: true });

/** The output of a build that starts with no body or page cache (pictures stay cached: they are not under test). */
async function cleanBuild(): Promise<Map<string, string>> {
  await rm(cache(), { recursive: true, force: true });
  await rm(path.join(root, ".cache/pages"), { recursive: true, force: true });
  await withoutManifest();
  const report = await buildFixture(root, { search: false });
  assert.ok(report.model.bodiesParsed > 0);
  return hashTree(site());
}

before(async () => {
  root = await makeFixtureSite();
});
after(() => removeSite(root));

test("a second build parses no article, and writes the same site", async () => {
  const first = await buildFixture(root, { search: false });
  // Drafts and embargoed stories are loaded (and checked) too.
  const loaded = first.model.articles.length + first.model.withheld.length;
  assert.equal(first.model.bodiesParsed, loaded);
  const cold = await hashTree(site());
  const second = await buildFixture(root, { search: false });
  assert.equal(second.model.bodiesParsed, 0);
  assert.deepEqual(await hashTree(site()), cold);
});

test("after one story changes, only it is parsed, and the site is what a clean build makes", async () => {
  await appendFile(path.join(root, "content/world/flat-story.md"), "\nA paragraph added after publication.\n");
  const report = await buildFixture(root, { search: false });
  assert.equal(report.model.bodiesParsed, 1);
  const cached = await hashTree(site());
  assert.deepEqual(cached, await cleanBuild());
});

test("a picture replaced under the same name renders again (new file names), as a clean build would", async () => {
  await buildFixture(root, { search: false });
  const page = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html";
  const before = (await hashTree(site())).get(page);
  await jpeg(path.join(root, "content/news/full-story/convoy.jpg"), 640, 400, "#224488");
  const report = await buildFixture(root, { search: false });
  assert.equal(report.model.bodiesParsed, 1, "the body is rendered again, its facts came from the cache");
  const cached = await hashTree(site());
  assert.notEqual(cached.get(page), before);
  assert.deepEqual(cached, await cleanBuild());
});

test("a damaged entry is parsed afresh; a deleted cache changes nothing", async () => {
  await buildFixture(root, { search: false });
  const expected = await hashTree(site());
  const facts = (await readdir(cache())).filter((name) => !name.includes("-"));
  await writeFile(path.join(cache(), facts[0]!), '{"images": [');
  await withoutManifest();
  const report = await buildFixture(root, { search: false });
  assert.equal(report.model.bodiesParsed, 0, "the facts are parsed again, the render is still good");
  assert.deepEqual(await hashTree(site()), expected);
  assert.deepEqual(await cleanBuild(), expected);
});

test("renders damaged or deleted after the stories loaded are rendered again from their files, the same", async () => {
  await buildFixture(root, { search: false });
  const expected = await hashTree(site());
  const renders = (await readdir(cache())).filter((name) => name.includes("-"));
  assert.ok(renders.length >= 2);
  // The page cache would not ask for the bodies: without it, every page is rendered.
  await rm(path.join(root, ".cache/pages"), { recursive: true, force: true });
  // Every one: the published stories' pages need theirs.
  for (const [i, name] of renders.entries()) await writeFile(path.join(cache(), name), i % 2 ? '{"html": "<p>' : '{"html": 1, "feedHtml": 2}');
  await buildFixture(root, { search: false });
  assert.deepEqual(await hashTree(site()), expected);
  const again = await buildFixture(root, { search: false });
  assert.equal(again.model.bodiesParsed, 0, "the renders were stored again");
  assert.deepEqual(await hashTree(site()), expected);
});

test("entries of deleted stories are pruned", async () => {
  await buildFixture(root, { search: false });
  const count = (await readdir(cache())).length;
  await rm(path.join(root, "content/world/flat-story.md"));
  await buildFixture(root, { search: false });
  // Its facts and its render.
  assert.equal((await readdir(cache())).length, count - 2);
});

test("a render reads back each half as written, multi-byte text included, and one cut short or not a render reads as missing", async () => {
  const store = new Store(path.join(root, "render-bytes"));
  const bodies = new BodyCache(store);
  const body = { html: "<p>«هەولێر» — “Erbil”</p>", feedHtml: '<p><a href="https://example.org/">«هەولێر»</a> 😀</p>', updates: [] };
  bodies.setRendered("k", "r", body);
  const back = bodies.rendered("k", "r")!;
  assert.equal(back.html, body.html);
  assert.equal(back.feedHtml, body.feedHtml);
  assert.deepEqual(back.updates, []);
  // A live story's updates, each in its two renders, come back in the order written.
  const live = { ...body, updates: [{ html: "<p>١٤:٣٢</p>", feedHtml: "<p>feed 1</p>" }, { html: "", feedHtml: "<p>«2»</p>" }] };
  bodies.setRendered("k", "live", live);
  const liveBack = bodies.rendered("k", "live")!;
  assert.deepEqual([liveBack.html, liveBack.feedHtml, liveBack.updates.map((u) => [u.html, u.feedHtml])], [live.html, live.feedHtml, live.updates.map((u) => [u.html, u.feedHtml])]);
  // Whole to the store (its checksum holds), but not a render: a length that runs past the end, or none.
  store.writeBytes("bodies", renderName("k", "r"), Buffer.from("999\n<p>short</p>"));
  assert.equal(bodies.rendered("k", "r"), undefined);
  store.writeBytes("bodies", renderName("k", "r"), Buffer.from("<p>no length</p>"));
  assert.equal(bodies.rendered("k", "r"), undefined);
});
