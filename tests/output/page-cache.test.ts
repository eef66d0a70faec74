/**
 * The page cache (src/output/page-cache.ts) on a copy of the sample site, every edition included: a build
 * renders only the pages whose key changed (the story, the pages that show it, and the feeds and
 * sitemaps, which are always made), links the others from the cache, and the output is byte for byte
 * what a build without any cache makes, after each kind of change an editor makes.
 */
import assert from "node:assert/strict";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { configure } from "../../.eleventy.ts";
import { buildSite } from "../../src/eleventy/production-build.ts";
import type { BuildReport } from "../../src/eleventy/plugin.ts";
import { LAYOUT } from "../../src/store/store.ts";
import { copyPictures } from "../support/copy-pictures.ts";
import { sampleBuilt } from "../support/editions-site.ts";
import { hashTree, REPO } from "../support/fixture-site.ts";

const NOW = "2026-01-29T12:00:00+03:00";
let root: string;
let releaseSample: (() => Promise<void>) | undefined;

/** Builds the copy into `output`. */
const build = (output = "_site", now = NOW): Promise<BuildReport> =>
  buildSite({ root, output, configure, overrides: { now, assetsDir: path.join(REPO, "assets"), search: false } });


/** The output of a build with no body or page cache (only the pictures, share cards and their fonts kept), beside the cached one. */
async function cleanBuild(): Promise<Map<string, string>> {
  const pictures = ["images", "cards", "cardFonts"] as const;
  for (const name of await readdir(path.join(root, ".cache"))) {
    if (name !== "stamps" && !pictures.some((area) => LAYOUT[area] === name)) await rm(path.join(root, ".cache", name), { recursive: true, force: true });
  }
  for (const name of await readdir(path.join(root, ".cache", "stamps")).catch(() => [])) {
    if (!pictures.some((area) => name === `${area}.json`)) await rm(path.join(root, ".cache", "stamps", name));
  }
  const report = await build("_clean");
  assert.equal(report.pagesRendered, report.pages);
  return hashTree(path.join(root, "_clean"));
}

/** Each HTML file's inode: a page taken from the cache keeps the inode of the page it was. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith(".html"));
  const entries = await Promise.all(files.map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await stat(path.join(e.parentPath, e.name))).ino] as const));
  return new Map(entries);
}

/** The HTML pages a build made anew (by inode), after `change`. */
async function renderedBy(change: () => Promise<void>): Promise<{ report: BuildReport; rendered: string[] }> {
  const before = await inodes(path.join(root, "_site"));
  await change();
  const report = await build();
  const after = await inodes(path.join(root, "_site"));
  return { report, rendered: [...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file) };
}

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "dateline-page-cache-"));
  await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
  // The repository's encoded pictures, when it has them: pictures are not under test here, and
  // encoding them again would be most of this file's time.
  // The sample's pictures, encoded by the shared sample build: in a clean clone, not again here.
  releaseSample = await sampleBuilt();
  await copyPictures(path.join(REPO, ".cache"), path.join(root, ".cache"));
  await build();
});
after(async () => {
  await rm(root, { recursive: true, force: true });
  await releaseSample?.();
});

test("a second build renders nothing: every page, feed and sitemap is the first build's", async () => {
  const first = await hashTree(path.join(root, "_site"));
  const { report, rendered } = await renderedBy(async () => undefined);
  assert.deepEqual(rendered, []);
  assert.equal(report.pagesRendered, 0);
  assert.deepEqual(await hashTree(path.join(root, "_site")), first);
});

test("after a story's body changes: it and the pages that show it are rendered, and the site is a clean build's", async () => {
  const story = "/business/ceyhan-oil-exports/";
  const { report, rendered } = await renderedBy(() => appendFile(path.join(root, "content/business/ceyhan-oil-exports.md"), "\nA paragraph added after publication.\n"));
  assert.ok(rendered.includes("business/ceyhan-oil-exports/index.html"), rendered.join(", "));
  for (const file of rendered) {
    const page = await readFile(path.join(root, "_site", file), "utf8");
    assert.ok(page.includes(`href="${story}"`) || file === "business/ceyhan-oil-exports/index.html", `${file} was rendered again, but does not show the story`);
  }
  assert.ok(rendered.length < 20, `${rendered.length} pages rendered: ${rendered.join(", ")}`);
  // Of the other files, the feeds that carry the story (the site's and its section's), nothing else:
  // the sitemaps list it with its dates, which an edit of the body does not change.
  const feeds = ["feed.xml", "atom.xml", "feed.json", "business/feed.xml", "business/atom.xml", "business/feed.json"];
  assert.ok(feeds.every((f) => existsSync(path.join(root, "_site", f))));
  assert.equal(report.pagesRendered, rendered.length + feeds.length, `${report.pagesRendered} files rendered`);
  const cached = await hashTree(path.join(root, "_site"));
  assert.deepEqual(cached, await cleanBuild());
});

test("an edit of one update of a live story renders that story's page and the pages that show it, and nothing else", async () => {
  await build();
  const story = "/middle-east/al-sharaa-moscow-live/";
  const file = path.join(root, "content/middle-east/al-sharaa-moscow-live/index.md");
  const source = await readFile(file, "utf8");
  const { rendered } = await renderedBy(() => writeFile(file, source.replace("He was met by a deputy foreign minister", "He was met by a deputy prime minister")));
  assert.ok(rendered.includes("middle-east/al-sharaa-moscow-live/index.html"), rendered.join(", "));
  for (const page of rendered) {
    const html = await readFile(path.join(root, "_site", page), "utf8");
    assert.ok(html.includes(`href="${story}"`) || page === "middle-east/al-sharaa-moscow-live/index.html", `${page} was rendered again, but does not show the story`);
  }
  assert.match(await readFile(path.join(root, "_site/middle-east/al-sharaa-moscow-live/updates.json"), "utf8"), /deputy prime minister/);
  assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
});

test("a breaking bar renders its edition's pages again, and no other edition's", async () => {
  await build();
  const file = path.join(root, "content/_data/breaking.yaml");
  try {
    const { rendered } = await renderedBy(() => writeFile(file, "text: Polls have closed\n"));
    assert.ok(rendered.includes("index.html") && rendered.includes("middle-east/al-sharaa-moscow-putin/index.html"), rendered.join(", "));
    assert.deepEqual(rendered.filter((page) => /^(ckb|ar)\//.test(page)), [], "the other editions' pages stand");
    assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
  } finally {
    await rm(file, { force: true });
  }
});

test("a build a minute later (the real clock, not a fixed one) renders nothing", async () => {
  await build();
  const later = await build("_site", "2026-01-29T12:01:00+03:00");
  assert.equal(later.pagesRendered, 0);
});

test("a changed headline reaches every listing and related story that shows it, as in a clean build", async () => {
  await build();
  const file = path.join(root, "content/kurdistan/snow-closes-mountain-roads/index.md");
  const source = await readFile(file, "utf8");
  await writeFile(file, source.replace(/^title: .*$/m, "title: Snow closes every mountain road in the region"));
  await build();
  const front = await readFile(path.join(root, "_site/index.html"), "utf8");
  assert.match(front, /Snow closes every mountain road in the region/);
  assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
});

test("a new story and a deleted one move the listings' pages, as in a clean build", async () => {
  await build();
  const source = await readFile(path.join(root, "content/business/ceyhan-oil-exports.md"), "utf8");
  // The new story has the body of an older one: they share its parsed facts, and each has its own render.
  const { rendered } = await renderedBy(async () => {
    await writeFile(
      path.join(root, "content/business/a-newer-story.md"),
      source.replace(/^title: .*$/m, "title: Pipeline flows resume after a week").replace(/^date: .*$/m, "date: 2026-01-29T09:00:00+03:00").replace(/^slug: .*\n/m, ""),
    );
    await rm(path.join(root, "content/world/snow-grounds-flights-northern-europe"), { recursive: true });
  });
  assert.ok(rendered.includes("index.html") && rendered.includes("business/pipeline-flows-resume-after-a-week/index.html"), rendered.join(", "));
  assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
});

test("a change to the site's settings renders every page again", async () => {
  await build();
  const file = path.join(root, "content/_data/sections.yaml");
  const { report } = await renderedBy(async () => writeFile(file, (await readFile(file, "utf8")).replace(/description: .*/, "description: A new description for the first section.")));
  assert.equal(report.pagesRendered, report.pages);
  assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
});

test("a deleted page cache changes nothing but the time taken", async () => {
  await build();
  const cached = await hashTree(path.join(root, "_site"));
  await rm(path.join(root, ".cache/pages"), { recursive: true });
  const report = await build();
  assert.equal(report.pagesRendered, report.pages);
  assert.deepEqual(await hashTree(path.join(root, "_site")), cached);
});

test("the pages declared indexed are exactly those that carry a story's text for the search index", async () => {
  const report = await build();
  const { pages } = await import("../../templates/index.ts");
  const declared = pages(report.model).filter((p) => p.searchMonth).map((p) => p.outputPath).sort();
  const files = (await readdir(path.join(root, "_site"), { recursive: true })).map(String).filter((f) => f.endsWith(".html"));
  const marked = [];
  for (const file of files) if ((await readFile(path.join(root, "_site", file), "utf8")).includes("data-pagefind-body")) marked.push(file);
  assert.deepEqual(declared, marked.sort());
});

test("the article manifest gives unchanged stories back unread: a file is judged by its size, time and inode", async () => {
  const file = path.join(root, "content/business/ceyhan-oil-exports.md");
  // A whole second, which every file system keeps exactly.
  const time = new Date("2026-01-20T10:00:00Z");
  await utimes(file, time, time);
  await build();
  const before = await stat(file);
  const source = await readFile(file, "utf8");
  const edited = source.replace("Kurdistan oil exports", "Kurdistan oil outputs");
  assert.equal(edited.length, source.length);
  // The same size and modification time (and inode: written in place) as an untouched file: as make
  // would, the build takes the story as it was.
  await writeFile(file, edited);
  await utimes(file, time, time);
  assert.equal((await stat(file)).size, before.size);
  const report = await build();
  assert.equal(report.model.bodiesParsed, 0);
  assert.match(await readFile(path.join(root, "_site/business/ceyhan-oil-exports/index.html"), "utf8"), /Kurdistan oil exports through Ceyhan/);
  // Touched (as any editor's save does), it is read again.
  await utimes(file, new Date(), new Date());
  await build();
  assert.match(await readFile(path.join(root, "_site/business/ceyhan-oil-exports/index.html"), "utf8"), /Kurdistan oil outputs through Ceyhan/);
  assert.deepEqual(await hashTree(path.join(root, "_site")), await cleanBuild());
});
