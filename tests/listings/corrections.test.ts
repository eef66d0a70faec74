/**
 * Each edition's corrections page as the model gives it (src/listings/corrections.ts): every
 * correction of its stories, newest first whichever story it corrects, paginated as listings are,
 * and the corrections policy it links to.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { correctionsList } from "../../src/listings/corrections.ts";
import { PER_PAGE } from "../../src/listings/limits.ts";
import type { Article, Correction } from "../../src/model/article.ts";
import { AR, article, CKB, EDITIONS, EN, instant, standalonePage } from "../support/model-values.ts";

const corrected = (slug: string, edition = EN, ...dates: string[]): Article =>
  article({ slug, edition, corrections: dates.map((d, i): Correction => ({ date: instant(d), text: `${slug} fix ${i + 1}` })) });
const shown = (a: ReturnType<typeof correctionsList>) => a.pages.flatMap((p) => p.items.map((c) => c.text));

test("in every edition, every correction of every story, newest first, whichever story it corrects and wherever it stands in the story's list", () => {
  for (const edition of EDITIONS) {
    // Stories newest first, as the model holds them; the older story was corrected last.
    const stories = [
      corrected("newer", edition, "2026-01-21T09:00:00+03:00"),
      article({ slug: "never-corrected", edition }),
      corrected("older", edition, "2026-01-20T10:00:00+03:00", "2026-01-25T08:00:00+03:00"),
    ];
    const list = correctionsList(stories, edition, []);
    assert.deepEqual(shown(list), ["older fix 2", "newer fix 1", "older fix 1"], edition.code);
    const first = list.pages[0]!.items[0]!;
    assert.equal(first.article, stories[2]);
    assert.equal(first.date.toISO(), "2026-01-25T08:00:00.000+03:00");
    assert.equal(list.pages[0]!.url, `${edition.home}corrections/`);
  }
});

test("instants are compared, not clock times; corrections of one moment go by story URL, then as the story lists them", () => {
  const baghdad = corrected("b-story", EN, "2026-01-22T12:00:00+03:00", "2026-01-22T12:00:00+03:00");
  const berlin = corrected("a-story", EN, "2026-01-22T10:00:00+01:00");
  const earlier = corrected("c-story", EN, "2026-01-22T11:00:00+03:00");
  assert.deepEqual(shown(correctionsList([earlier, baghdad, berlin], EN, [])), ["a-story fix 1", "b-story fix 1", "b-story fix 2", "c-story fix 1"]);
});

test("more corrections than a page holds run on to /corrections/page/2/, in each edition's folder", () => {
  const dates = Array.from({ length: PER_PAGE + 3 }, (_, i) => `2026-01-${String(10 + Math.floor(i / 4)).padStart(2, "0")}T${String(8 + (i % 4)).padStart(2, "0")}:00:00+03:00`);
  for (const edition of EDITIONS) {
    const list = correctionsList([corrected("busy", edition, ...dates)], edition, []);
    const home = edition.home;
    assert.deepEqual(
      list.pages.map((p) => [p.url, p.number, p.last, p.previous, p.next, p.items.length]),
      [
        [`${home}corrections/`, 1, 2, undefined, `${home}corrections/page/2/`, PER_PAGE],
        [`${home}corrections/page/2/`, 2, 2, `${home}corrections/`, undefined, 3],
      ],
      edition.code,
    );
    const times = list.pages.flatMap((p) => p.items.map((c) => c.date.toMillis()));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), `${edition.code}: newest first across the pages`);
  }
});

test("an edition without corrections has one empty page", () => {
  const list = correctionsList([article({ edition: AR })], AR, []);
  assert.deepEqual(list.pages.map((p) => [p.url, p.items.length, p.next]), [["/ar/corrections/", 0, undefined]]);
});

test("the policy is the footer's corrections-policy page: the edition's translation, else the first edition's; by translationKey or by file name", () => {
  const english = standalonePage({ slug: "corrections-policy", translationKey: "corrections-policy" });
  const sorani = standalonePage({ slug: "siyasat", edition: CKB, translationKey: "corrections-policy" });
  const about = standalonePage({ slug: "about" });
  assert.equal(correctionsList([], EN, [about, english]).policy, english);
  assert.equal(correctionsList([], CKB, [about, sorani]).policy, sorani);
  assert.equal(correctionsList([], AR, [about, english]).policy, english, "untranslated: the first edition's, as the footer links it");
  const untranslatedKeyless = standalonePage({ slug: "corrections-policy" });
  assert.equal(correctionsList([], EN, [untranslatedKeyless]).policy, untranslatedKeyless);
  assert.equal(correctionsList([], EN, [about]).policy, undefined);
});
