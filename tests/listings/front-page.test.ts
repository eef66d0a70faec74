/** Front page (src/listings/front-page.ts): the lead and the stories beside it (chosen or the newest), section blocks of what is not at the top, and the archive from page 2. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { frontPage } from "../../src/listings/front-page.ts";
import { FEATURED_WINDOW, FRONT_PER_SECTION, FRONT_TOP, NEWEST_ON_404, PER_PAGE } from "../../src/listings/limits.ts";
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
  assert.deepEqual(slugs(front.top), slugs([...list.slice(0, 3), ...list.slice(4, FRONT_TOP + 1)]));
});

test("a featured story older than the window does not lead: the newest does", () => {
  const list = articles(FEATURED_WINDOW + 5, { featured: [FEATURED_WINDOW] });
  const front = frontPage(list, [world], "/");
  assert.equal(front.lead, list[0]);
  assert.deepEqual(slugs(front.top), slugs(list.slice(1, FRONT_TOP + 1)));
});

test("the stories beside the lead leave it out and stop at FRONT_TOP", () => {
  const list = articles(FRONT_TOP + 4);
  const front = frontPage(list, [world], "/");
  assert.equal(front.top.length, FRONT_TOP);
  assert.ok(!front.top.includes(front.lead!));
});

test("section blocks hold each section's newest stories not shown above, in declared order, and leave out empty sections", () => {
  // Stories alternate world/business; sport has none.
  const list = articles(FRONT_TOP + 1 + 12, { sectionOf: (i) => (i % 2 ? business : world) });
  const front = frontPage(list, [sport, business, world], "/");
  const above = new Set([front.lead, ...front.top]);
  assert.deepEqual(front.sections.map((s) => s.section.slug), ["business", "world"]);
  for (const block of front.sections) {
    assert.equal(block.articles.length, FRONT_PER_SECTION);
    assert.ok(block.articles.every((a) => !above.has(a) && a.section.slug === block.section.slug));
  }
  const rest = list.slice(FRONT_TOP + 1);
  assert.deepEqual(slugs(front.sections[0]!.articles), slugs(rest.filter((a) => a.section === business).slice(0, FRONT_PER_SECTION)));
});

test("the archive holds everything not at the top, paged from page 2, linking back to the home page", () => {
  const list = articles(1 + FRONT_TOP + PER_PAGE + 3);
  const front = frontPage(list, [world], "/news/");
  assert.deepEqual(front.archive.map((p) => [p.number, p.last, p.items.length]), [
    [2, 3, PER_PAGE],
    [3, 3, 3],
  ]);
  assert.equal(front.archive[0]!.items[0], list[1 + FRONT_TOP]);
  assert.equal(front.archive[0]!.previous, "/news/");
  assert.equal(front.archive[0]!.url, front.archive[1]!.previous);
  assert.notEqual(front.archive[0]!.url, "/news/");
});

test("a site with few stories has no archive, and one with none has no lead", () => {
  const front = frontPage(articles(3), [world], "/");
  assert.deepEqual(front.archive, []);
  assert.deepEqual(front.sections, []);
  assert.equal(front.top.length, 2);
  const empty = frontPage([], [world], "/");
  assert.equal(empty.lead, undefined);
  assert.deepEqual([empty.top, empty.sections, empty.archive], [[], [], []]);
});

test("the front file's lead and top stories come first, in its order; the others fill what it leaves out", () => {
  const list = articles(20, { sectionOf: (i) => (i % 2 ? business : world) });
  const [lead, first, second] = [list[9]!, list[15]!, list[2]!];
  const curated = frontPage(list, [world, business], "/", { lead, top: [first, second], sections: undefined });
  assert.deepEqual([curated.lead, ...curated.top], [lead, first, second]);
  assert.ok(curated.sections.every((block) => block.articles.every((a) => ![lead, first, second].includes(a))));
  assert.deepEqual(curated.archive.flatMap((p) => p.items), list.filter((a) => ![lead, first, second].includes(a)));
  // A top without a lead: the newest story not named leads.
  const topOnly = frontPage(list, [world], "/", { lead: undefined, top: [list[0]!, list[5]!], sections: undefined });
  assert.equal(topOnly.lead, list[1]);
  assert.deepEqual(topOnly.top, [list[0], list[5]]);
  // A lead without a top: the newest others stand beside it.
  const leadOnly = frontPage(list, [world], "/", { lead, top: undefined, sections: undefined });
  assert.deepEqual(leadOnly.top, list.filter((a) => a !== lead).slice(0, FRONT_TOP));
});

test("the front file's sections are the blocks, in its order; a section it leaves out has none", () => {
  const list = articles(30, { sectionOf: (i) => [world, business, sport][i % 3]! });
  const front = frontPage(list, [world, business, sport], "/", { lead: undefined, top: undefined, sections: [sport, world] });
  assert.deepEqual(front.sections.map((s) => s.section.slug), ["sport", "world"]);
});

test("the 404 page's newest stories are the newest, the lead among them", () => {
  const list = articles(20, { featured: [0] });
  const front = frontPage(list, [world], "/", { lead: list[4], top: undefined, sections: undefined });
  assert.deepEqual(front.newest, list.slice(0, NEWEST_ON_404));
  assert.ok(frontPage(list, [world], "/").newest.includes(list[0]!));
});

test("a section block leads with its newest story that has a picture, the others after it newest first", () => {
  const list = articles(12).map((a, i) => ({ ...a, hero: i === 7 || i === 9 ? { alt: "" } : undefined })) as unknown as Article[];
  const [block] = frontPage(list, [world], "/").sections;
  assert.deepEqual(slugs(block!.articles), ["a7", "a5", "a6", "a8"]);
});
