/**
 * The previous output updated in place (src/output/output-tree.ts), on a copy of the sample site: a
 * build starts from the spare (the output before the current one), keeps the pages it holds that
 * are still right and untouched, writes the others, deletes what the site no longer has, and makes
 * the build's own folders afresh; the site is byte for byte a clean build's after each change.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { appendFile, cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { configure } from "../../.eleventy.ts";
import Eleventy from "@11ty/eleventy";
import { buildSite } from "../../src/eleventy/production-build.ts";
import type { EleventyConfig } from "../../src/eleventy/plugin.ts";
import { spareFolder } from "../../src/output/swap.ts";
import { copyPictures } from "../support/copy-pictures.ts";
import { sampleBuilt } from "../support/editions-site.ts";
import { hashTree, REPO } from "../support/fixture-site.ts";

const NOW = "2026-01-29T12:00:00+03:00";
let root: string;
let releaseSample: (() => Promise<void>) | undefined;
const site = () => path.join(root, "_site");
const spare = () => spareFolder(site());

const build = (search = false) => buildSite({ root, output: "_site", configure, overrides: { now: NOW, assetsDir: path.join(REPO, "assets"), search } });

/**
 * What a build with no cache but the pictures, into a folder of its own, makes of the content now.
 * A test that changed only the output, not the content, asks again for what the test before it had
 * built: the same content files, pictures and options give the same clean build, so that one is
 * given again. Whether they are the same is checked, not assumed: the key holds every content file's
 * and picture's hash, and the search option.
 */
let lastClean: { key: string; tree: Map<string, string> } | undefined;
async function cleanBuild(search = false): Promise<Map<string, string>> {
  const key = JSON.stringify([search, [...(await hashTree(path.join(root, "content")))], [...(await hashTree(path.join(root, ".cache", "images")))]]);
  if (lastClean?.key === key) return lastClean.tree;
  const tree = await freshCleanBuild(search);
  lastClean = { key, tree };
  return tree;
}

async function freshCleanBuild(search: boolean): Promise<Map<string, string>> {
  const other = await mkdtemp(path.join(tmpdir(), "dateline-tree-clean-"));
  try {
    await cp(path.join(root, "content"), path.join(other, "content"), { recursive: true });
    await copyPictures(path.join(root, ".cache"), path.join(other, ".cache"));
    await buildSite({ root: other, output: "_site", configure, overrides: { now: NOW, assetsDir: path.join(REPO, "assets"), search } });
    return await hashTree(path.join(other, "_site"));
  } finally {
    await rm(other, { recursive: true, force: true });
  }
}

const ino = (file: string) => statSync(file).ino;
const MARK = new Date("2001-01-01T00:00:00Z");
const STORY = "business/ceyhan-oil-exports/index.html";

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "dateline-tree-"));
  await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
  // The sample's pictures, encoded by the shared sample build: in a clean clone, not again here.
  releaseSample = await sampleBuilt();
  await copyPictures(path.join(REPO, ".cache"), path.join(root, ".cache"));
  await build();
  await build();
});
after(async () => {
  await rm(root, { recursive: true, force: true });
  await releaseSample?.();
});

test("the output before is kept as the spare, and the next build keeps its unchanged pages in place", async () => {
  assert.ok(existsSync(path.join(spare(), STORY)), "the spare holds the previous output");
  const [folder, page] = [ino(spare()), ino(path.join(spare(), "about/index.html"))];
  await appendFile(path.join(root, "content/business/ceyhan-oil-exports.md"), "\nA paragraph added after publication.\n");
  await build();
  // The spare's folder is the output's now, and the very file it held: kept, not linked or written again.
  assert.equal(ino(site()), folder);
  assert.equal(ino(path.join(site(), "about/index.html")), page);
  assert.deepEqual(await hashTree(site()), await cleanBuild());
});

test("a page of the spare written into, or replaced, behind the build's back is written again", async () => {
  await build();
  await appendFile(path.join(spare(), STORY), "<!-- edited by hand -->");
  await rm(path.join(spare(), "about/index.html"));
  await writeFile(path.join(spare(), "about/index.html"), "<p>replaced by hand</p>");
  await build();
  assert.deepEqual(await hashTree(site()), await cleanBuild());
});

test("a story deleted: its page and its folder are gone; a picture, asset or font no page uses any more is gone", async () => {
  await build();
  await rm(path.join(root, "content/business/ceyhan-oil-exports.md"));
  // Strays in the spare that no build of this site would write.
  await writeFile(path.join(spare(), "img", "stray-picture.jpg"), "not a picture of this site");
  await writeFile(path.join(spare(), "assets", "old-style.css"), "p{}");
  await build();
  assert.ok(!existsSync(path.join(site(), path.dirname(STORY))), "the story's folder is gone");
  assert.ok(!readdirSync(path.join(site(), "img")).includes("stray-picture.jpg"));
  assert.deepEqual(await hashTree(site()), await cleanBuild());
});

test("a spare the store has no record of is not used, and the site is still a clean build's", async () => {
  await build();
  for (const name of await readdir(path.join(root, ".cache", "output-trees"))) await rm(path.join(root, ".cache", "output-trees", name));
  const folder = ino(spare());
  await build();
  assert.notEqual(ino(site()), folder, "the site was written into a new folder");
  assert.deepEqual(await hashTree(site()), await cleanBuild());
});

test("after the preview wrote into the output (a draft included), no later build publishes what it wrote", async () => {
  await build();
  const draft = path.join(root, "content/world/a-draft-in-progress.md");
  await writeFile(draft, "---\ntitle: A draft in progress\nsummary: Not for readers yet.\ndate: 2026-01-28T09:00:00+03:00\nauthor: Desk\nsection: World\ndraft: true\n---\n\nUnfinished text.\n");
  // `npm start`'s build: Eleventy in watch mode (which says so to the plugin), writing straight into the output.
  const preview = new Eleventy(path.join(root, "content"), site(), {
    configPath: false,
    quietMode: true,
    runMode: "watch",
    config: (c: EleventyConfig) => configure(c, { root, now: NOW, assetsDir: path.join(REPO, "assets"), search: false }),
  });
  preview.disableLogger();
  try {
    await preview.write();
  } finally {
    delete process.env.ELEVENTY_RUN_MODE;
  }
  const page = path.join(site(), "world/a-draft-in-progress/index.html");
  assert.ok(existsSync(page), "the preview wrote the draft's page");
  // Two builds: the second would take the tree the preview wrote into as its spare.
  await build();
  await build();
  assert.ok(!existsSync(page), "the draft's page is not published");
  assert.deepEqual(await hashTree(site()), await cleanBuild());
  await rm(draft);
});

test("the search index: its months still as the store has them stay in place, the others are made again, and nothing else is left", async () => {
  // Months of their own (the sample's stories are all of one), with nothing in common with the story that changes.
  for (const month of ["09", "10", "11"]) {
    const story = `---\ntitle: An autumn report ${month}\nsummary: Rain came early to the plains this year.\ndate: 2025-${month}-05T09:00:00+03:00\nauthor: Desk\nsection: World\ntags: [Autumn]\n---\n\nFarmers said the rain came early.\n`;
    await writeFile(path.join(root, `content/world/autumn-report-${month}.md`), story);
  }
  await build(true);
  await build(true);
  const index = (dir: string) => path.join(dir, "pagefind");
  const monthsOf = (dir: string) => readdirSync(index(dir)).filter((name) => /^\d{4}-\d{2}$/.test(name));
  const months = monthsOf(spare());
  await appendFile(path.join(root, "content/business/iraq-budget-oil-price/index.md"), "\nA paragraph added to search.\n");
  // Strays: a file added to a month's folder, a month the site does not have; and a file gone from a month.
  const [oldest, next] = [...months].sort();
  await writeFile(path.join(index(spare()), oldest!, "stray.pf_fragment"), "not Pagefind's");
  await cp(path.join(index(spare()), oldest!), path.join(index(spare()), "1999-01"), { recursive: true });
  await rm(path.join(index(spare()), next!, "pagefind-entry.json"));
  // A month folder kept in place keeps this time; one made again is new. (Not its inode: a folder
  // made just after one is removed may be given the number the removed one had.)
  for (const month of months) await utimes(path.join(index(spare()), month), MARK, MARK);
  await build(true);
  const kept = monthsOf(site()).filter((month) => statSync(path.join(index(site()), month)).mtimeMs === MARK.getTime());
  assert.ok(kept.length > 0, "some months were kept in place");
  assert.ok(!kept.includes(oldest!), "a month holding a file the store does not is made again");
  assert.ok(!kept.includes(next!), "a month missing a file is made again");
  assert.ok(!kept.includes("2026-01"), "the changed story's month is made again");
  assert.deepEqual(await hashTree(site()), await cleanBuild(true));
  // A build without search leaves no index from the tree it updates.
  await build(false);
  await build(false);
  assert.ok(!existsSync(index(site())));
});
