/** Front page (src/listings/front-page.ts): the lead, the latest, section blocks of what is not shown above, and the archive from page 2. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { frontPage } from "../../src/listings/front-page.ts";
import { FEATURED_WINDOW, FRONT_LATEST, FRONT_PER_SECTION, PER_PAGE } from "../../src/listings/limits.ts";
import type { Article } from "../../src/model/article.ts";
import type { Section } from "../../src/site/sections.ts";

const section = (slug: string): Section => ({ name: slug, slug, url: `/${slug}/`, description: "", lang: "en" });
const world = section("world");
const business = section("business");
const sport = section("sport");

/** Newest first, as the site model hands them over: only the fields front-page.ts reads. */
function articles(count: number, opts: { featured?: number[]; sectionOf?: (i: number) => Section } = {}): Article[] {
  return Array.from({ length: count }, (_, i) => ({
    slug: `a${i}`,
    featured: opts.featured?.includes(i) ?? false,
    section: (opts.sectionOf ?? (() => world))(i),
  })) as unknown as Article[];
}
const slugs = (list: readonly Article[]) => list.map((a) => a.slug);

test("the lead is the newest featured story within the window", () => {
  const list = articles(FEATURED_WINDOW + 5, { featured: [3, 6] });
  const front = frontPage(list, [world], "/");
  assert.equal(front.lead, list[3]);
  assert.deepEqual(slugs(front.latest), slugs([...list.slice(0, 3), ...list.slice(4, FRONT_LATEST + 1)]));
});

test("a featured story older than the window does not lead: the newest does", () => {
  const list = articles(FEATURED_WINDOW + 5, { featured: [FEATURED_WINDOW] });
  const front = frontPage(list, [world], "/");
  assert.equal(front.lead, list[0]);
  assert.deepEqual(slugs(front.latest), slugs(list.slice(1, FRONT_LATEST + 1)));
});

test("the latest stories leave out the lead and stop at FRONT_LATEST", () => {
  const list = articles(FRONT_LATEST + 4);
  const front = frontPage(list, [world], "/");
  assert.equal(front.latest.length, FRONT_LATEST);
  assert.ok(!front.latest.includes(front.lead!));
});

test("section blocks hold each section's newest stories not shown above, in declared order, and leave out empty sections", () => {
  // Stories alternate world/business; sport has none.
  const list = articles(FRONT_LATEST + 1 + 12, { sectionOf: (i) => (i % 2 ? business : world) });
  const front = frontPage(list, [sport, business, world], "/");
  const above = new Set([front.lead, ...front.latest]);
  assert.deepEqual(front.sections.map((s) => s.section.slug), ["business", "world"]);
  for (const block of front.sections) {
    assert.equal(block.articles.length, FRONT_PER_SECTION);
    assert.ok(block.articles.every((a) => !above.has(a) && a.section.slug === block.section.slug));
  }
  const rest = list.slice(FRONT_LATEST + 1);
  assert.deepEqual(slugs(front.sections[0]!.articles), slugs(rest.filter((a) => a.section === business).slice(0, FRONT_PER_SECTION)));
});

test("the archive holds everything after the latest, paged from page 2, linking back to the home page", () => {
  const list = articles(1 + FRONT_LATEST + PER_PAGE + 3);
  const front = frontPage(list, [world], "/news/");
  assert.deepEqual(front.archive.map((p) => [p.number, p.last, p.items.length]), [
    [2, 3, PER_PAGE],
    [3, 3, 3],
  ]);
  assert.equal(front.archive[0]!.items[0], list[1 + FRONT_LATEST]);
  assert.equal(front.archive[0]!.previous, "/news/");
  assert.equal(front.archive[0]!.url, front.archive[1]!.previous);
  assert.notEqual(front.archive[0]!.url, "/news/");
});

test("a site with few stories has no archive, and one with none has no lead", () => {
  const front = frontPage(articles(3), [world], "/");
  assert.deepEqual(front.archive, []);
  assert.deepEqual(front.sections, []);
  assert.equal(front.latest.length, 2);
  const empty = frontPage([], [world], "/");
  assert.equal(empty.lead, undefined);
  assert.deepEqual([empty.latest, empty.sections, empty.archive], [[], [], []]);
});
