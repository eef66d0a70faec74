/**
 * Related stories (src/listings/related.ts): each shared tag scores 2 and the same section 1, divided
 * by how far apart the stories are in weeks; the best RELATED_COUNT, ties broken by the newer story,
 * then by URL; and only a story's neighbours in time within each shared tag or section are weighed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RELATED_COUNT, relatedStories } from "../../src/listings/related.ts";
import type { Article } from "../../src/model/article.ts";
import { AR, article, type ArticleValues } from "../support/model-values.ts";

/** Newest first, as the site model hands them over (sorted by date, then URL). */
function newestFirst(values: readonly ArticleValues[]): Article[] {
  return values.map((v) => article(v)).sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url));
}
const slugsOf = (list: readonly Article[] | undefined) => list?.map((a) => a.slug);
const bySlug = (list: readonly Article[], slug: string) => list.find((a) => a.slug === slug)!;
/** `days` after 1 January 2026, noon in Baghdad. */
const day = (days: number) => new Date(Date.UTC(2026, 0, 1, 9) + days * 86_400_000).toISOString();

test("on the same day, two shared tags beat a tag and the section, which beat a tag, which beats the section", () => {
  const at = day(10);
  const list = newestFirst([
    { slug: "story", section: "World", tags: ["Oil", "Iraq"], date: at },
    { slug: "section-only", section: "World", date: at },
    { slug: "one-tag", section: "Business", tags: ["Iraq"], date: at },
    { slug: "two-tags", section: "Culture", tags: ["Iraq", "Oil"], date: at },
    { slug: "tag-and-section", section: "World", tags: ["Oil"], date: at },
    // Shares nothing with the story: never related to it, however close in time.
    { slug: "unrelated", section: "Business", tags: ["Sport"], date: at },
  ]);
  const related = relatedStories(list);
  assert.deepEqual(slugsOf(related.get(bySlug(list, "story"))), ["two-tags", "tag-and-section", "one-tag", "section-only"]);
});

test("nearness in time counts: a shared tag three days away beats the section on the same day, which beats a tag a fortnight away", () => {
  const list = newestFirst([
    { slug: "story", section: "World", tags: ["Oil"], date: day(30) },
    { slug: "tag-two-weeks-before", section: "Business", tags: ["Oil"], date: day(16) }, // 2 / (1 + 2) = 0.67
    { slug: "section-same-day", section: "World", date: day(30) }, // 1 / 1
    { slug: "tag-three-days-before", section: "Culture", tags: ["Oil"], date: day(27) }, // 2 / (1 + 3/7) = 1.4
    { slug: "tag-a-year-after", section: "Culture", tags: ["Oil"], date: day(395) }, // 2 / 53 = 0.04
  ]);
  assert.deepEqual(slugsOf(relatedStories(list).get(bySlug(list, "story"))), ["tag-three-days-before", "section-same-day", "tag-two-weeks-before", "tag-a-year-after"]);
});

test("stories later than the story count as those before it, by how far apart they are", () => {
  const list = newestFirst([
    { slug: "before", section: "World", date: day(7) },
    { slug: "story", section: "World", date: day(10) },
    { slug: "after", section: "World", date: day(12) },
    { slug: "long-after", section: "World", date: day(20) },
  ]);
  assert.deepEqual(slugsOf(relatedStories(list).get(bySlug(list, "story"))), ["after", "before", "long-after"]);
});

test("equal scores: the newer story first, and on the same date, URL order", () => {
  const list = newestFirst([
    { slug: "story", section: "World", date: day(10) },
    // A week either side scores the same (1 / 2): the newer one first.
    { slug: "a-week-before", section: "World", date: day(3) },
    { slug: "a-week-after", section: "World", date: day(17) },
    // Same score and date: by URL, whatever order they come in.
    { slug: "same-day-b", section: "World", date: day(10) },
    { slug: "same-day-a", section: "World", date: day(10) },
  ]);
  assert.deepEqual(slugsOf(relatedStories(list).get(bySlug(list, "story"))), ["same-day-a", "same-day-b", "a-week-after", "a-week-before"]);
});

test(`at most ${RELATED_COUNT} stories, never the story itself, and every story has an entry`, () => {
  const list = newestFirst(Array.from({ length: RELATED_COUNT + 4 }, (_, i) => ({ slug: `s${i}`, section: "World", date: day(i) })));
  const related = relatedStories(list);
  assert.equal(related.size, list.length);
  for (const a of list) {
    const mine = related.get(a)!;
    assert.equal(mine.length, RELATED_COUNT, a.slug);
    assert.ok(!mine.includes(a), a.slug);
  }
  // The nearest in time, nearest first: s4's neighbours one day away (newer first), then two.
  assert.deepEqual(slugsOf(related.get(bySlug(list, "s4"))), ["s5", "s3", "s6", "s2"]);
});

test("a story alone in its section, with no tags, has no related stories", () => {
  const list = newestFirst([{ slug: "alone", section: "Culture" }, { slug: "other", section: "World", tags: ["Oil"] }]);
  assert.deepEqual(slugsOf(relatedStories(list).get(list.find((a) => a.slug === "alone")!)), []);
});

test("in an RTL edition, tags and sections match by slug as in any other", () => {
  const list = newestFirst([
    { slug: "story", edition: AR, section: "World", tags: ["نفط"], date: day(5) },
    { slug: "same-tag", edition: AR, section: "Business", tags: ["نفط"], date: day(5) },
    { slug: "same-section", edition: AR, section: "World", date: day(5) },
  ]);
  assert.deepEqual(slugsOf(relatedStories(list).get(bySlug(list, "story"))), ["same-tag", "same-section"]);
});

test("only the 12 nearest stories on either side in each shared tag or section are weighed", () => {
  // `between` stories an hour apart share one tag each with the story; the one sharing both tags comes
  // after them in each tag's list. It scores best when weighed, but the bound keeps the cost linear.
  const hour = (h: number) => new Date(Date.UTC(2026, 0, 10, 12) - h * 3_600_000).toISOString();
  const relatedWith = (between: number) => {
    const fillers = Array.from({ length: between }, (_, i) => [
      { slug: `oil-${String(i).padStart(2, "0")}`, section: "Business", tags: ["Oil"], date: hour(i + 1) },
      { slug: `iraq-${String(i).padStart(2, "0")}`, section: "Business", tags: ["Iraq"], date: hour(i + 1) },
    ]).flat();
    const list = newestFirst([{ slug: "story", section: "World", tags: ["Oil", "Iraq"], date: hour(0) }, ...fillers, { slug: "both-tags", section: "Culture", tags: ["Oil", "Iraq"], date: hour(between + 1) }]);
    const related = relatedStories(list);
    return { story: slugsOf(related.get(bySlug(list, "story"))), other: slugsOf(related.get(bySlug(list, "both-tags"))) };
  };
  const near = relatedWith(11);
  assert.deepEqual(near.story, ["both-tags", "iraq-00", "oil-00", "iraq-01"]);
  assert.equal(near.other?.[0], "story");
  const far = relatedWith(12);
  assert.deepEqual(far.story, ["iraq-00", "oil-00", "iraq-01", "oil-01"]);
  // Seen from the other end, the story is as far: neither finds the other.
  assert.ok(!far.other?.includes("story"));
});
