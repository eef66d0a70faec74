/**
 * Each edition's fonts (src/listings/edition-fonts.ts): the Arabic-script editions share one subset
 * of each face, of a fixed repertoire and every character their pages show, with its @font-face rules
 * and the reading face to preload, under the site's path prefix; other editions load no font. The
 * subsetting itself (harfbuzz) is src/assets/fonts.ts's, tested in tests/assets/fonts.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { editionFonts } from "../../src/listings/edition-fonts.ts";
import type { Article } from "../../src/model/article.ts";
import type { Edition } from "../../src/site/editions.ts";
import { Store, type Area } from "../../src/store/store.ts";
import { AR, article, authorOf, CKB, EDITIONS, editionModel, EN, imagePlan, instant, listing, sectionOf, standalonePage, term } from "../support/model-values.ts";
import { tempDirFor } from "../support/temp-dir.ts";

/**
 * A store that already holds every subset, as a build after the first finds them: harfbuzz takes
 * seconds per subset. Each "subset" is a stand-in woff2 named after its cache key (the key holds the
 * code points), so other characters give other file names, as real subsets do.
 */
class SubsetsHeld extends Store {
  asked = 0;
  override readBytes(area: Area, name?: string): Buffer | undefined {
    if (area !== "fonts") return super.readBytes(area, name);
    this.asked++;
    return Buffer.concat([Buffer.from("wOF2"), Buffer.from(`${name}`.padEnd(60, "."))]);
  }
}
const cacheDir = tempDirFor("dateline-edition-fonts-");
const store = () => new SubsetsHeld(cacheDir);

/** The code points a @font-face rule's unicode-range covers (every rule has the same range). */
function covered(css: string): Set<number> {
  const range = /unicode-range:([^}]+)\}/.exec(css)?.[1];
  assert.ok(range, `no unicode-range in ${JSON.stringify(css)}`);
  const points = new Set<number>();
  for (const part of range.split(",")) {
    const [first, last = first] = part.replace(/U\+/g, "").split("-") as [string, string?];
    for (let c = parseInt(first, 16); c <= parseInt(last!, 16); c++) points.add(c);
  }
  return points;
}
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`;
/** Letters of the Arabic Supplement block: in no language our editions write, so in no subset unless a page shows them. */
const rare = (i: number) => String.fromCodePoint(0x0750 + i);

test("a site without an Arabic-script edition loads no font, and asks the store for none", async () => {
  const held = store();
  const models = [editionModel(EN, { articles: [article({ title: `Quoting ${rare(0)}` })] })];
  const result = await editionFonts(models, [EN], { pathPrefix: "/", store: held, everyPage: [] });
  assert.deepEqual(result, { fonts: { css: "", files: [] }, preload: undefined, perEdition: [{ css: "", preload: undefined }] });
  assert.equal(held.asked, 0);
});

test("the Arabic-script editions share one set of files and rules, under the site's prefix; the others load none", async () => {
  // The models in another order than the editions: `perEdition` follows the models.
  const models = [editionModel(AR), editionModel(EN, { articles: [article()] }), editionModel(CKB)];
  const { fonts, preload, perEdition } = await editionFonts(models, EDITIONS, { pathPrefix: "/news/", store: store(), everyPage: [] });
  assert.deepEqual(
    fonts.files.map((f) => f.fileName.replace(/-[0-9a-f]{8}\.woff2$/, "")),
    ["noto-naskh-arabic", "noto-sans-arabic"],
  );
  // The reading face is the one worth preloading.
  assert.equal(preload, fonts.files[0]);
  const urls = [...fonts.css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
  assert.deepEqual(urls, fonts.files.map((f) => `/news/fonts/${f.fileName}`));
  const arabicScript = { css: fonts.css, preload: `/news/fonts/${fonts.files[0]!.fileName}` };
  assert.deepEqual(perEdition, [arabicScript, { css: "", preload: undefined }, arabicScript]);
});

test("the subset holds the letters of Arabic, Persian and Sorani even before any story, so ordinary stories leave its names alone", async () => {
  const empty = await editionFonts([editionModel(CKB)], EDITIONS, { pathPrefix: "/", store: store(), everyPage: [] });
  const points = covered(empty.fonts.css);
  // Arabic letters, marks and tatweel, Persian digits and the question mark: none is in the Sorani
  // edition's interface words or dates, all are there.
  for (const ch of ["ظ", "ث", "ض", "ؤ", "ى", "ٌ", "ـ", "۰", "۹", "؟"]) assert.ok(points.has(ch.codePointAt(0)!), `${ch} (${hex(ch)})`);
  const stories: Article[] = [
    article({ edition: CKB, slug: "a", title: "ئەمڕۆ پەرلەمانی کوردستان کۆبوونەوەیەکی نائاسایی ئەنجامدا", html: "<p>بەپێی ڕاپۆرتی Reuters، زیاتر لە ۱۲۰ ئەندام؟</p>" }),
    article({ edition: CKB, slug: "b", title: "بِسْمِ اللَّهِ — اجتمع مجلس الوزراء في بغداد اليوم، وناقش الموازنة" }),
  ];
  const withStories = await editionFonts([editionModel(CKB, { articles: stories })], EDITIONS, { pathPrefix: "/", store: store(), everyPage: [] });
  assert.deepEqual(withStories.fonts.files.map((f) => f.fileName), empty.fonts.files.map((f) => f.fileName));
});

test("every text an Arabic-script page shows brings its characters to the subset; an English page's do not", async () => {
  // One rare letter for each place text comes from, so a place left out names itself.
  const places = [
    "story title", "story summary", "story body", "hero caption", "hero credit", "dateline place", "dateline source", "byline", "correction",
    "section name", "section description", "tag", "author name", "author role", "author bio", "page title", "page summary", "page body",
    "edition title", "edition description", "another edition's name", "author link label", "publisher's name", "English story",
  ];
  const letter = Object.fromEntries(places.map((p, i) => [p, rare(i)])) as Record<string, string>;
  const edition: Edition = { ...CKB, title: `ڕۆژنامە ${letter["edition title"]}`, description: `وەسف ${letter["edition description"]}` };
  const story = article({
    edition,
    title: `سەردێڕ ${letter["story title"]}`,
    summary: `پوختە ${letter["story summary"]}`,
    html: `<p>دەق ${letter["story body"]}</p>`,
    hero: { plan: imagePlan(), alt: "وێنە", caption: { text: `ژێرنووس ${letter["hero caption"]}`, credit: `وێنە: ${letter["hero credit"]}` }, text: {} },
    dateline: { place: `هەولێر ${letter["dateline place"]}`, source: `ئاژانس ${letter["dateline source"]}` },
    authors: [{ name: `نووسەر ${letter["byline"]}`, url: undefined }],
    corrections: [{ date: instant("2026-01-21T10:00:00+03:00"), text: `ڕاستکردنەوە ${letter["correction"]}` }],
  });
  const ckb = editionModel(edition, {
    articles: [story],
    sections: [listing({ ...sectionOf(CKB, "World"), name: `جیهان ${letter["section name"]}`, description: `هەواڵ ${letter["section description"]}` }, [story])],
    tags: [listing(term(`نەوت ${letter["tag"]}`, CKB), [story])],
    authors: [listing({ ...authorOf(CKB, "Dilan Ahmed"), name: `دیلان ${letter["author name"]}`, role: `پەیامنێر ${letter["author role"]}`, bio: `دەنووسێت ${letter["author bio"]}`, links: [{ label: `ماڵپەڕ ${letter["author link label"]}`, url: "https://example.org/" }] })],
    pages: [standalonePage({ slug: "derbare", edition, title: `دەربارە ${letter["page title"]}`, summary: `پوختە ${letter["page summary"]}`, html: `<p>${letter["page body"]}</p>` })],
  });
  const en = editionModel(EN, { articles: [article({ title: `A name in Arabic script: ${letter["English story"]}` })] });
  const editions = [EN, edition, { ...AR, name: `العربية ${letter["another edition's name"]}` }];
  const { fonts } = await editionFonts([en, ckb], editions, { pathPrefix: "/", store: store(), everyPage: [`ناشر ${letter["publisher's name"]}`] });
  const points = covered(fonts.css);
  const missing = places.filter((p) => p !== "English story" && !points.has(letter[p]!.codePointAt(0)!));
  assert.deepEqual(missing, []);
  // The English edition loads no font: its pages' characters are not worth a byte of the subset.
  assert.ok(!points.has(letter["English story"]!.codePointAt(0)!));
});

test("dates are in the subset as Intl words them: every month's name in the edition's language", async () => {
  // A Pashto edition: CLDR words its months with ړ, ږ, ښ and ۍ, which no text here and no fixed
  // repertoire holds, in four different months.
  const pashto: Edition = { ...AR, code: "ps", locale: "ps", intl: "ps", timeZone: "Asia/Kabul" };
  const { fonts } = await editionFonts([editionModel(pashto)], [pashto], { pathPrefix: "/", store: store(), everyPage: [] });
  const points = covered(fonts.css);
  for (const ch of ["ړ", "ږ", "ښ", "ۍ"]) assert.ok(points.has(ch.codePointAt(0)!), `${ch} (${hex(ch)})`);
});
