/**
 * The desk's choices found among the stories (src/listings/editorial-choices.ts, front-curation.ts,
 * breaking-bar.ts): the front file's stories in its order, a missing or draft story a problem by
 * line, an embargoed one left out until it is published and said so, a stale one warned of; the
 * breaking bar shown until `until` and not after, its link a story's address or a URL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Duration } from "luxon";
import { editorialChoices } from "../../src/listings/editorial-choices.ts";
import { formatNotice, formatProblem } from "../../src/shared/errors.ts";
import type { BreakingFile } from "../../src/site/breaking-file.ts";
import type { FrontFile } from "../../src/site/front-file.ts";
import { AR, article, CKB, EDITIONS, EN, instant } from "../support/model-values.ts";

const NOW = "2026-01-28T12:00:00+03:00";
const rules = (now = NOW, o: { drafts?: boolean; future?: boolean } = {}) => ({ now: instant(now), drafts: o.drafts ?? false, future: o.future ?? false });

const stories = [
  article({ slug: "moscow-summit", section: "Culture", date: "2026-01-28T10:00:00+03:00" }),
  article({ slug: "budget", section: "Business", date: "2026-01-27T09:00:00+03:00" }),
  article({ slug: "old-lead", date: "2026-01-20T09:00:00+03:00", updated: "2026-01-21T09:00:00+03:00" }),
  article({ slug: "in-the-works", draft: true }),
  article({ slug: "election-results", section: "Culture", date: "2026-01-28T18:00:00+03:00" }),
  article({ slug: "snow", section: "Culture", date: "2026-01-28T08:00:00+03:00" }),
  article({ slug: "snow", section: "World", date: "2026-01-28T08:00:00+03:00" }),
  article({ slug: "moscow-summit", edition: CKB, section: "Culture", date: "2026-01-28T10:00:00+03:00" }),
];

function front(names: { lead?: string; top?: string[] }, staleAfter = "48h"): FrontFile {
  const named = (name: string, field: string, line: number) => ({ name, field, line });
  return {
    file: "content/_data/front.yaml",
    lead: names.lead === undefined ? undefined : named(names.lead, "lead", 1),
    top: names.top?.map((name, i) => named(name, `top.${i}`, 3 + i)),
    sections: undefined,
    staleAfter: Duration.fromObject({ hours: Number.parseInt(staleAfter, 10) }),
    staleAfterText: staleAfter,
  };
}

const choose = (fronts: [string, FrontFile][], bars: [string, BreakingFile][] = [], r = rules()) =>
  editorialChoices({ fronts: new Map(fronts), breaking: new Map(bars) }, stories, EDITIONS, r);

test("the named stories, in the file's order, each edition's from its own stories; an edition without a file chooses nothing", () => {
  const chosen = choose([
    ["en", front({ lead: "budget", top: ["moscow-summit", "world/snow"] })],
    ["ckb", front({ lead: "moscow-summit" })],
  ]);
  const en = chosen.curations.get("en")!;
  assert.equal(en.lead, stories[1]);
  assert.deepEqual(en.top, [stories[0], stories[6]]);
  assert.equal(chosen.curations.get("ckb")!.lead, stories[7]);
  assert.deepEqual(chosen.curations.get("ar"), { lead: undefined, top: undefined, sections: undefined });
  assert.deepEqual([chosen.problems, chosen.notices], [[], []]);
});

test("a story that does not exist, a draft, a slug two sections share: problems by file, line and field", () => {
  const chosen = choose([["en", front({ lead: "moscow-sumit", top: ["in-the-works", "snow"] })], ["ar", front({ lead: "budget" })]]);
  assert.deepEqual(chosen.problems.map(formatProblem), [
    'content/_data/front.yaml:1: lead: no story "moscow-sumit" in the English edition (did you mean "moscow-summit"?)',
    'content/_data/front.yaml:3: top.0: "in-the-works" is a draft (content/world/in-the-works/index.md): publish it, or name another story',
    'content/_data/front.yaml:4: top.1: "snow" is the slug of 2 stories (content/culture/snow/index.md, content/world/snow/index.md): write culture/snow or world/snow',
    'content/_data/front.yaml:1: lead: no story "budget" in the العربية edition: give the slug of one of its stories',
  ]);
});

test("an embargoed story waits for its time, and the build says so; a preview with future stories shows it", () => {
  const chosen = choose([["en", front({ lead: "election-results", top: ["budget"] })]]);
  assert.equal(chosen.curations.get("en")!.lead, undefined, "the newest stand in until then");
  assert.deepEqual(chosen.notices.map(formatNotice), [
    'content/_data/front.yaml:1: lead: "election-results" is embargoed until 2026-01-28T18:00:00+03:00: the front page shows it from the first build after then',
  ]);
  assert.equal(choose([["en", front({ lead: "election-results" })]], [], rules("2026-01-28T18:00:00+03:00")).curations.get("en")!.lead, stories[4]);
  assert.equal(choose([["en", front({ lead: "election-results" })]], [], rules(NOW, { future: true })).curations.get("en")!.lead, stories[4]);
});

test("a curated story last changed longer ago than stale_after is a warning, and still shown", () => {
  const chosen = choose([["en", front({ lead: "old-lead", top: ["budget"] }, "24h")]]);
  assert.equal(chosen.curations.get("en")!.lead, stories[2]);
  assert.deepEqual(chosen.notices.map(formatNotice), [
    'content/_data/front.yaml:1: lead: warning: "old-lead" was last published or updated 7 days ago, longer than stale_after (24h): is it still front-page news?',
    'content/_data/front.yaml:3: top.0: warning: "budget" was last published or updated 27 hours ago, longer than stale_after (24h): is it still front-page news?',
  ]);
  assert.deepEqual(choose([["en", front({ lead: "old-lead", top: ["budget"] }, "200h")]]).notices, []);
});

function bar(fields: Partial<BreakingFile> = {}): BreakingFile {
  return { file: "content/_data/breaking.yaml", text: "Polls have closed", link: undefined, until: instant("2026-01-28T18:00:00+03:00"), ...fields };
}

test("the breaking bar shows before `until` and not from then; the build says when it ends, or that it ended", () => {
  const before = choose([], [["en", bar()]], rules("2026-01-28T17:59:00+03:00"));
  assert.deepEqual(before.bars.get("en"), { text: "Polls have closed", url: undefined, until: instant("2026-01-28T18:00:00+03:00") });
  assert.deepEqual(before.notices.map(formatNotice), ["content/_data/breaking.yaml: text: the bar is shown on every English page until 2026-01-28T18:00:00+03:00: a build after then takes it down"]);
  const after = choose([], [["en", bar()]], rules("2026-01-28T18:00:00+03:00"));
  assert.equal(after.bars.size, 0);
  assert.deepEqual(after.notices.map(formatNotice), ["content/_data/breaking.yaml: until: the bar expired at 2026-01-28T18:00:00+03:00 and is not shown: remove the file"]);
  const forever = choose([], [["ar", bar({ until: undefined, file: "content/_data/breaking.ar.yaml" })]]);
  assert.ok(forever.bars.has("ar") && !forever.bars.has("en"));
  assert.match(forever.notices.map(formatNotice)[0]!, /shown on every العربية page until the file is removed$/);
  void AR;
});

test("the bar's link: a story's address, a URL as given; a story that does not exist, a draft or an embargoed one is a problem", () => {
  assert.equal(choose([], [["en", bar({ link: { story: "budget", line: 2 } })]]).bars.get("en")!.url, "/business/budget/");
  assert.equal(choose([], [["en", bar({ link: { url: "https://example.org/live" } })]]).bars.get("en")!.url, "https://example.org/live");
  for (const [story, message] of [
    ["budgte", 'no story "budgte" in the English edition (did you mean "budget"?)'],
    ["in-the-works", '"in-the-works" is a draft (content/world/in-the-works/index.md): publish it, or link another story'],
    ["election-results", '"election-results" is embargoed until 2026-01-28T18:00:00+03:00: the bar cannot link it before then'],
  ] as const) {
    const chosen = choose([], [["en", bar({ link: { story, line: 2 } })]]);
    assert.deepEqual(chosen.problems.map(formatProblem), [`content/_data/breaking.yaml:2: link: ${message}`]);
    assert.equal(chosen.bars.size, 0);
  }
  void EN;
});
