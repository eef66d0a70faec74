/**
 * The frontmatter schema (src/content/article-schema.ts) on its own: dates read in the zone the schema
 * is made for, the short forms editors may write, the checks between fields (`updated`, corrections)
 * and the messages of the slug and language rules. How its issues become problems with lines is
 * tests/source/schema-problems.test.ts; whole files are tests/content/load-article.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { articleSchema } from "../../src/content/article-schema.ts";

const baghdad = articleSchema("Asia/Baghdad");
const FIELDS = { title: "A story", summary: "What happened.", date: "2026-01-28T12:00:00+03:00", author: "A. Writer", section: "World" };

function parse(fields: Record<string, unknown>, schema = baghdad) {
  return schema.parse({ ...FIELDS, ...fields });
}

/** Each issue as "path: message" where the message is the schema's own, else "path: zod's code", in zod's order. */
function issues(fields: Record<string, unknown>): string[] {
  const result = baghdad.safeParse({ ...FIELDS, ...fields }, { reportInput: true });
  assert.ok(!result.success, "expected the frontmatter to be refused");
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.code === "custom" || i.code === "invalid_format" ? i.message : i.code}`);
}

test("a date without an offset is read in the schema's zone; one with an offset keeps its instant, shown in the zone", () => {
  const newYork = articleSchema("America/New_York");
  assert.equal(parse({ date: "2026-01-28 12:00" }).date.toISO(), "2026-01-28T12:00:00.000+03:00");
  assert.equal(parse({ date: "2026-01-28 12:00" }, newYork).date.toISO(), "2026-01-28T12:00:00.000-05:00");
  // A day alone is its midnight there, not UTC's.
  assert.equal(parse({ date: "2026-01-28" }, newYork).date.toISO(), "2026-01-28T00:00:00.000-05:00");
  const offset = parse({ date: "2026-01-28T12:00:00+01:00" }).date;
  assert.equal(offset.toISO(), "2026-01-28T14:00:00.000+03:00");
  assert.equal(offset.zoneName, "Asia/Baghdad");
  // YAML may hand a timestamp over as a Date: the same instant, in the zone.
  const fromDate = parse({ date: new Date("2026-01-28T09:00:00Z") }).date;
  assert.equal(fromDate.toISO(), "2026-01-28T12:00:00.000+03:00");
});

test("the short forms give the long forms' shapes, text is trimmed, and the optional lists and flags default", () => {
  const short = parse({ title: "  A story  ", author: "A. Writer", tags: "Syria", dateline: " ERBIL " });
  assert.equal(short.title, "A story");
  assert.deepEqual(short.author, ["A. Writer"]);
  assert.deepEqual(short.tags, ["Syria"]);
  assert.deepEqual(short.dateline, { place: "ERBIL", source: undefined });
  assert.deepEqual([short.corrections, short.draft, short.featured], [[], false, false]);
  const long = parse({ author: ["A. Writer", "B. Writer"], tags: [], dateline: { place: "ERBIL", source: "Kurdistan24" } });
  assert.deepEqual(long.author, ["A. Writer", "B. Writer"]);
  assert.deepEqual(long.tags, []);
  assert.deepEqual(long.dateline, { place: "ERBIL", source: "Kurdistan24" });
});

test("text that is only spaces is empty, in a field and in a list", () => {
  assert.deepEqual(issues({ summary: "   ", tags: ["Syria", " "] }), [
    "summary: too_small",
    "tags.1: too_small",
  ]);
});

test("`updated` may be the very time of `date`, not before it; the message gives `date`", () => {
  assert.equal(parse({ updated: "2026-01-28T09:00:00Z" }).updated?.toISO(), "2026-01-28T12:00:00.000+03:00");
  // One minute before, written in another zone: compared as instants.
  assert.deepEqual(issues({ updated: "2026-01-28T08:59:00Z" }), ["updated: is before `date` (2026-01-28T12:00:00.000+03:00)"]);
});

test("a correction dated before the story is refused at its own date; one at or after the story's time is not", () => {
  assert.deepEqual(
    issues({
      corrections: [
        { date: "2026-01-28T15:00:00+03:00", text: "Fixed a name." },
        { date: "2026-01-28", text: "Dated at midnight, before the story." },
      ],
    }),
    ["corrections.1.date: is before the article's `date`"],
  );
  // One at the story's very time is not before it.
  const [correction] = parse({ corrections: [{ date: "2026-01-28 12:00", text: "Fixed a name." }] }).corrections;
  assert.equal(correction?.date.toISO(), "2026-01-28T12:00:00.000+03:00");
});

test("slug, translationKey and lang name their rule with an example; a dateline takes only place and source", () => {
  assert.deepEqual(issues({ slug: "Bad Slug", translationKey: "summit_2026", lang: "EN_us", dateline: { place: "ERBIL", agency: "AFP" } }), [
    "dateline: unrecognized_keys",
    "lang: expected a language code such as en, ar or ckb",
    "translationKey: use lower-case letters, digits and single hyphens, e.g. moscow-summit-2026",
    "slug: use lower-case letters, digits and single hyphens, e.g. al-sharaa-moscow",
  ]);
  // Letters of any script are lower-case letters: a Sorani slug is one.
  assert.equal(parse({ slug: "هەولێر-2026", lang: "ckb" }).slug, "هەولێر-2026");
});
