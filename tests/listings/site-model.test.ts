/**
 * The site model on a synthetic newsroom of 45 articles: front page, archive, listings and related
 * stories are shaped once, here, not in templates.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildSiteModel } from "../../src/listings/site-model.ts";
import { openProject } from "../../src/source/project.ts";
import { FRONT_TOP, PER_PAGE } from "../../src/listings/limits.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { writeSyntheticContent } from "../bench/synthetic.ts";
import { REPO } from "../support/fixture-site.ts";

const N = 45;
let root: string;
let model: EditionModel;

/** The model of the only edition (the site is in English). */
async function build(): Promise<EditionModel> {
  const site = await buildSiteModel(openProject(root, { assetsDir: path.join(REPO, "assets") }), {
    now: "2026-01-01T00:00:00Z",
    drafts: false,
    future: false,
  });
  return site.editions[0]!;
}

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "dateline-model-"));
  await writeSyntheticContent(path.join(root, "content"), N);
  await mkdir(path.join(root, "content/_data"), { recursive: true });
  await writeFile(
    path.join(root, "content/_data/site.yaml"),
    "name: Model Times\ndescription: Tests.\nurl: https://model.example/\ntimeZone: UTC\npublisher:\n  name: Model Media\n",
  );
  const sections = ["Middle East", "Kurdistan", "World", "Business", "Culture", "Sport"];
  await writeFile(path.join(root, "content/_data/sections.yaml"), sections.map((s) => `- name: ${s}\n  description: All about ${s}.\n`).join(""));
  await writeFile(path.join(root, "content/_data/authors.yaml"), "- name: Reporter 3\n  role: Reporter\n  bio: Reports.\n");
  model = await build();
});
after(() => rm(root, { recursive: true, force: true }));

test("articles are newest first", () => {
  const times = model.articles.map((a) => a.date.toMillis());
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.equal(model.articles.length, N);
});

test("the front page leads with the newest story, the newest others beside it, then older stories in the archive", () => {
  const { lead, top, archive } = model.front;
  assert.equal(lead, model.articles[0]);
  assert.deepEqual(top, model.articles.slice(1, 1 + FRONT_TOP));
  const older = N - 1 - FRONT_TOP;
  const last = 1 + Math.ceil(older / PER_PAGE);
  assert.deepEqual(
    archive.map((p) => [p.url, p.number, p.previous, p.next, p.items.length]),
    Array.from({ length: last - 1 }, (_, i) => {
      const n = i + 2;
      return [`/page/${n}/`, n, n === 2 ? "/" : `/page/${n - 1}/`, n === last ? undefined : `/page/${n + 1}/`, n === last ? older - (last - 2) * PER_PAGE : PER_PAGE];
    }),
  );
  assert.deepEqual(archive.flatMap((p) => p.items), model.articles.slice(1 + FRONT_TOP));
});

test("front-page section blocks hold stories not already shown, in declared section order", () => {
  const shown = new Set([model.front.lead, ...model.front.top]);
  assert.deepEqual(model.front.sections.map((s) => s.section.name), ["Middle East", "Kurdistan", "World", "Business", "Culture"]);
  for (const block of model.front.sections) {
    assert.ok(block.articles.length > 0 && block.articles.length <= 4);
    for (const a of block.articles) {
      assert.ok(!shown.has(a));
      assert.equal(a.section.name, block.section.name);
    }
  }
});

test("a featured story among the newest leads; one further down does not", async () => {
  const file = (i: number) => path.join(root, "content", model.articles[i]!.sourcePath.replace(/^.*?content\//, ""));
  const near = file(3);
  const far = file(20);
  const original = { near: await readFile(near, "utf8"), far: await readFile(far, "utf8") };
  try {
    await writeFile(far, original.far.replace("---\n\n", "featured: true\n---\n\n"));
    assert.equal((await build()).front.lead?.url, model.articles[0]!.url, "a featured story outside the window does not lead");
    await writeFile(near, original.near.replace("---\n\n", "featured: true\n---\n\n"));
    const featured = await build();
    assert.equal(featured.front.lead?.url, model.articles[3]!.url);
    assert.ok(!featured.front.top.some((a) => a.url === model.articles[3]!.url), "the lead is not repeated below");
  } finally {
    await writeFile(near, original.near);
    await writeFile(far, original.far);
  }
});

test("every declared section has a listing, paginated; an empty one has one empty page", () => {
  assert.deepEqual(model.sections.map((s) => s.subject.name), ["Middle East", "Kurdistan", "World", "Business", "Culture", "Sport"]);
  const sport = model.sections.find((s) => s.subject.name === "Sport")!;
  assert.deepEqual(sport.pages.map((p) => [p.url, p.items.length, p.previous, p.next]), [["/sport/", 0, undefined, undefined]]);
  for (const { subject, pages } of model.sections) {
    for (const p of pages) for (const a of p.items) assert.equal(a.section.slug, subject.slug);
  }
});

test("tags are listed by name, each with its stories newest first", () => {
  const names = model.tags.map((t) => t.subject.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
  for (const { subject, pages } of model.tags) {
    const items = pages.flatMap((p) => p.items);
    assert.ok(items.length > 0);
    assert.ok(items.every((a) => a.tags.some((t) => t.slug === subject.slug)));
  }
});

test("a profiled author gets a listing of their stories; bylines link to it", () => {
  assert.equal(model.authors.length, 1);
  const [listing] = model.authors;
  assert.equal(listing!.subject.url, "/authors/reporter-3/");
  const items = listing!.pages.flatMap((p) => p.items);
  assert.ok(items.length > 0);
  for (const a of items) assert.ok(a.authors.some((b) => b.url === "/authors/reporter-3/"));
  const other = model.articles.find((a) => a.authors[0]!.name === "Reporter 4")!;
  assert.equal(other.authors[0]!.url, undefined);
});

test("related stories: at most four, never the story itself, each sharing a tag or the section", () => {
  for (const a of model.articles) {
    const related = model.relatedTo(a);
    assert.ok(related.length <= 4 && related.length > 0, a.url);
    assert.ok(!related.includes(a));
    const tags = new Set(a.tags.map((t) => t.slug));
    for (const r of related) assert.ok(r.section.slug === a.section.slug || r.tags.some((t) => tags.has(t.slug)), `${r.url} for ${a.url}`);
  }
});

test("the news sitemap's stories: those of the last two days, and a live story opened earlier while its updates are that recent", async () => {
  const file = path.join(root, "content/world/live-week.md");
  const live = (update: string) =>
    `---\ntitle: Live from the week's storms\nsummary: Updates as the storms move east across the region.\ndate: 2025-12-20T09:00:00Z\nauthor: Reporter 3\nsection: World\nlive:\n  status: live\n---\n\nOpening.\n\n::: update ${update}\nThe latest.\n:::\n`;
  try {
    await writeFile(file, live("2025-12-31T10:00:00Z"));
    assert.ok((await build()).news.some((a) => a.url === "/world/live-from-the-weeks-storms/"), "updated yesterday: news");
    await writeFile(file, live("2025-12-25T10:00:00Z"));
    assert.ok(!(await build()).news.some((a) => a.url === "/world/live-from-the-weeks-storms/"), "last updated a week ago: not news");
  } finally {
    await rm(file);
  }
});
