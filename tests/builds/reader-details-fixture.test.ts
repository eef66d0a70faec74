/**
 * Reader details on a copy of the fixture site (English, Arabic and Sorani; only About, and only in
 * English; no publisher's name per edition) served under a path, https://owner.github.io/news/,
 * built on a Saturday just after midnight in Baghdad (still Friday in UTC), again later that day, and
 * again the next day:
 *
 * - the front page's date is the day in the site's zone;
 * - a build later the same day renders nothing; the next day's renders the front pages, with the new
 *   date, and no story;
 * - a page not translated is linked from the other editions' footers in English, and says so;
 * - an edition without a publisher's name of its own shows the site's;
 * - the share row's links carry the story's URL under the site's path.
 *
 * The sample site's editions: reader-details.test.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";

const ENV = { DATELINE_URL: "https://owner.github.io/news" };
/** 00:30 on Saturday 31 January in Baghdad, 21:30 on Friday in UTC. */
const SATURDAY = "2026-01-30T21:30:00Z";
const SATURDAY_LATER = "2026-01-31T05:00:00+03:00";
/** Before the fixture's embargoed story (06:00), so the next day's build has the same stories. */
const SUNDAY = "2026-02-01T05:00:00+03:00";
const FRONTS = ["index.html", "ar/index.html", "ckb/index.html"];
const STORY = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html";

let root: string;
const read = (f: string) => readFileSync(path.join(root, "_site", f), "utf8");
const build = (now: string) => buildFixture(root, { now, env: ENV, search: false });
const mastheadDate = (f: string) => read(f).match(/<p class="masthead__date">(.*?)<\/p>/)?.[1];

/** Each HTML file's inode: a page taken from the cache keeps the inode of the page it was. */
async function inodes(): Promise<Map<string, number>> {
  const dir = path.join(root, "_site");
  const files = (await readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith(".html"));
  return new Map(await Promise.all(files.map(async (f) => [f, (await stat(path.join(dir, f))).ino] as const)));
}
const renderedBetween = (before: Map<string, number>, after: Map<string, number>) => [...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f).sort();

let saturday: Map<string, string | undefined>;

before(async () => {
  root = await makeFixtureSite();
  await build(SATURDAY);
  saturday = new Map(FRONTS.map((f) => [f, mastheadDate(f)]));
});
after(() => removeSite(root));

test("the front page's date is the day in the site's time zone (Saturday in Baghdad, still Friday in UTC)", () => {
  assert.equal(saturday.get("index.html"), '<time datetime="2026-01-31">Saturday 31 January 2026</time>');
  assert.equal(saturday.get("ckb/index.html"), '<time datetime="2026-01-31">شەممە ٣١ی کانوونی دووەمی ٢٠٢٦</time>');
  assert.match(saturday.get("ar/index.html")!, /^<time datetime="2026-01-31">السبت، /);
});

test("a page not translated is linked from the other editions' footers in English, marked as English", () => {
  // The first link; the edition's own corrections page follows it.
  const aboutLink = (f: string) => read(f).match(/<ul class="site-footer__pages">(<li>.*?<\/li>)<li><a href="\/news\/(?:ar\/|ckb\/)?corrections\/">/)?.[1];
  assert.equal(aboutLink("index.html"), '<li><a href="/news/about/">About us</a></li>');
  for (const f of ["ar/index.html", "ckb/index.html"]) assert.equal(aboutLink(f), '<li><a href="/news/about/" hreflang="en" lang="en" dir="ltr">About us</a></li>', f);
});

test("an edition without a publisher's name of its own shows the site's, with the year in its digits", () => {
  assert.match(read("ckb/index.html"), /<p class="site-footer__copyright">© ٢٠٢٦ <bdi>Fixture Media<\/bdi><\/p>/);
});

test("the share row's links carry the story's URL under the site's path", () => {
  const html = read(STORY);
  const canonical = html.match(/<link rel="canonical" href="([^"]+)">/)![1]!;
  assert.equal(canonical, `https://owner.github.io/news/${path.posix.dirname(STORY)}/`);
  assert.ok(html.includes(`href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}"`));
  assert.ok(html.includes(`data-url="${canonical}"`));
});

test("a build later the same day renders no page; the next day's renders the front pages with the new date, and no story", async () => {
  const first = await inodes();
  await build(SATURDAY_LATER);
  const later = await inodes();
  assert.deepEqual(renderedBetween(first, later), []);
  await build(SUNDAY);
  assert.deepEqual(renderedBetween(later, await inodes()), [...FRONTS].sort());
  assert.equal(mastheadDate("index.html"), '<time datetime="2026-02-01">Sunday 1 February 2026</time>');
  assert.ok(!read(STORY).includes("masthead__date"));
});
