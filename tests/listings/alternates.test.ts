/**
 * Alternates (src/listings/alternates.ts): which pages are one another's translations, for hreflang
 * links, sitemaps and the language switcher. Front pages, search pages, sections and authors go by
 * their place in the site, stories and standalone pages by their translationKey; every group is in
 * the editions' declared order, whatever order its members come in.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Alternates } from "../../src/listings/alternates.ts";
import type { Article } from "../../src/model/article.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import type { StandalonePage } from "../../src/model/standalone-page.ts";
import type { Edition } from "../../src/site/editions.ts";
import { AR, article, authorOf, CKB, EDITIONS, editionModel, EN, listing, sectionOf, standalonePage, type ArticleValues, type ModelValues } from "../support/model-values.ts";

type Model = Omit<EditionModel, "fonts">;

/** The groups found among `models`, `articles` and `pages` of the three editions. */
function alternatesOf(models: readonly Model[], articles: readonly Article[] = [], pages: readonly StandalonePage[] = []): Alternates {
  const alternates = new Alternates(EDITIONS);
  alternates.addAll(models, articles, pages);
  return alternates;
}

/** A group as [edition code, URL] pairs, easy to compare. */
const pairs = (group: readonly { edition: Edition; url: string }[]) => group.map((a) => [a.edition.code, a.url]);

/** The three editions' models, in the declared order, each with what `values` gives it by edition code. */
function models(values: Partial<Record<"en" | "ckb" | "ar", ModelValues>>): Model[] {
  return [EN, CKB, AR].map((e) => editionModel(e, values[e.code as "en" | "ckb" | "ar"] ?? {}));
}
const storyIn = (edition: Edition, v: ArticleValues = {}) => article({ edition, slug: `story-${edition.code}`, ...v });

test("a URL no group holds has no alternates", () => {
  const alternates = alternatesOf(models({}));
  assert.deepEqual(alternates.of("/world/unknown/"), []);
  assert.deepEqual(alternates.of(""), []);
});

test("front pages are alternates only in editions that have stories", () => {
  const alternates = alternatesOf(models({ en: { articles: [storyIn(EN)] }, ar: { articles: [storyIn(AR)] } }));
  const expected = [
    ["en", "/"],
    ["ar", "/ar/"],
  ];
  assert.deepEqual(pairs(alternates.of("/")), expected);
  assert.deepEqual(pairs(alternates.of("/ar/")), expected);
  // The Sorani edition has no stories: its empty front page is no one's equivalent.
  assert.deepEqual(alternates.of("/ckb/"), []);
});

test("a front page with stories in only one edition has no alternates", () => {
  const alternates = alternatesOf(models({ ckb: { articles: [storyIn(CKB)] } }));
  assert.deepEqual(alternates.of("/"), []);
  assert.deepEqual(alternates.of("/ckb/"), []);
});

test("every edition's search page is an alternate, even in an edition without stories", () => {
  const alternates = alternatesOf(models({ en: { articles: [storyIn(EN)] } }));
  const expected = [
    ["en", "/search/"],
    ["ckb", "/ckb/search/"],
    ["ar", "/ar/search/"],
  ];
  assert.deepEqual(pairs(alternates.of("/ckb/search/")), expected);
  assert.deepEqual(pairs(alternates.of("/search/")), expected);
});

test("a section's listings are alternates in the editions where the section has stories", () => {
  const sections = (e: Edition, withStories: string[]) => ["World", "Business"].map((name) => listing(sectionOf(e, name), withStories.includes(name) ? [storyIn(e, { section: name })] : []));
  const alternates = alternatesOf(
    models({
      en: { sections: sections(EN, ["World", "Business"]) },
      ckb: { sections: sections(CKB, ["World"]) },
      ar: { sections: sections(AR, ["World"]) },
    }),
  );
  assert.deepEqual(pairs(alternates.of("/ar/world/")), [
    ["en", "/world/"],
    ["ckb", "/ckb/world/"],
    ["ar", "/ar/world/"],
  ]);
  // Business has stories only in English: the empty Sorani and Arabic listings are not its equivalents.
  assert.deepEqual(alternates.of("/business/"), []);
  assert.deepEqual(alternates.of("/ckb/business/"), []);
});

test("an author's pages are alternates in the editions where they have stories", () => {
  const authors = (e: Edition, withStories: boolean) => [listing(authorOf(e, "Dilan Ahmed"), withStories ? [storyIn(e)] : []), listing(authorOf(e, "Karwan Ali"))];
  const alternates = alternatesOf(models({ en: { authors: authors(EN, true) }, ckb: { authors: authors(CKB, true) }, ar: { authors: authors(AR, false) } }));
  assert.deepEqual(pairs(alternates.of("/ckb/authors/dilan-ahmed/")), [
    ["en", "/authors/dilan-ahmed/"],
    ["ckb", "/ckb/authors/dilan-ahmed/"],
  ]);
  assert.deepEqual(alternates.of("/ar/authors/dilan-ahmed/"), []);
  assert.deepEqual(alternates.of("/authors/karwan-ali/"), []);
});

test("a story's translations share its translationKey; a story without one, or without a translation, has no alternates", () => {
  const moscow = [
    storyIn(AR, { slug: "moscow-ar", translationKey: "moscow" }),
    storyIn(EN, { slug: "moscow", translationKey: "moscow" }),
    storyIn(CKB, { slug: "moscow-ckb", translationKey: "moscow" }),
  ];
  const alone = storyIn(CKB, { slug: "alone", translationKey: "only-in-sorani" });
  const unkeyed = [storyIn(EN, { slug: "unkeyed" }), storyIn(AR, { slug: "unkeyed" })];
  const alternates = alternatesOf(models({}), [...moscow, alone, ...unkeyed]);
  // In the editions' order, not the order the stories came in, and the same seen from each of them.
  const expected = [
    ["en", "/world/moscow/"],
    ["ckb", "/ckb/world/moscow-ckb/"],
    ["ar", "/ar/world/moscow-ar/"],
  ];
  for (const story of moscow) assert.deepEqual(pairs(alternates.of(story.url)), expected, story.url);
  assert.deepEqual(alternates.of(alone.url), []);
  // The same slug in two editions does not make translations: only the key does.
  assert.deepEqual(alternates.of("/world/unkeyed/"), []);
  assert.deepEqual(alternates.of("/ar/world/unkeyed/"), []);
});

test("standalone pages are grouped by translationKey, apart from stories with the same key", () => {
  const about = [standalonePage({ slug: "about", edition: EN, translationKey: "about" }), standalonePage({ slug: "derbare", edition: CKB, translationKey: "about" })];
  const story = storyIn(AR, { slug: "about-us", translationKey: "about" });
  const alternates = alternatesOf(models({}), [story], [...about, standalonePage({ slug: "contact", edition: AR })]);
  assert.deepEqual(pairs(alternates.of("/ckb/derbare/")), [
    ["en", "/about/"],
    ["ckb", "/ckb/derbare/"],
  ]);
  // A story is never the translation of a page, nor the reverse.
  assert.deepEqual(alternates.of(story.url), []);
  assert.deepEqual(alternates.of("/ar/contact/"), []);
});

test("groups follow the order of the editions the Alternates were made with", () => {
  const reordered = new Alternates([AR, EN, CKB]);
  const stories = [storyIn(EN, { translationKey: "k" }), storyIn(CKB, { translationKey: "k" }), storyIn(AR, { translationKey: "k" })];
  reordered.addAll(models({}), stories, []);
  assert.deepEqual(pairs(reordered.of(stories[0]!.url)).map(([code]) => code), ["ar", "en", "ckb"]);
  assert.deepEqual(pairs(reordered.of("/search/")).map(([code]) => code), ["ar", "en", "ckb"]);
});
