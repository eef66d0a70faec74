/**
 * Corrections on the sample site's three editions (tests/support/editions-site.ts, built once; issue
 * 17): the Duhok story is corrected in English, the snow story in Sorani, nothing in Arabic. Each
 * edition's /corrections/ page lists its own, linked to the stories; the corrected stories give their
 * history in the byline, link their box to the page, and carry their corrections in JSON-LD and in the
 * edition's feeds. The same rendered in memory: tests/templates/corrections.test.ts; the fixture site's
 * feeds and JSON-LD: tests/builds/distribution.test.ts; the Sorani page in Chromium:
 * tests/browser/editions-rtl.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildEditionsSite, encoded, file, fileOfUrl, page, SITE, SNOW } from "../support/editions-site.ts";

buildEditionsSite();

const DUHOK = "/kurdistan/duhok-round-the-clock-power/";
const html = (p: string) => file(fileOfUrl(p)!);
const text = (s: string) => s.replace(/<[^>]+>/g, "");
const entries = (p: string) => [...html(p).matchAll(/<li class="correction-list__item">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
const jsonLd = (p: string) => [...html(p).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const sitemapLocs = (f: string) => [...file(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

test("each edition's corrections page lists its own corrections, each linked to its story by its headline", () => {
  const [english] = entries("/corrections/");
  assert.equal(entries("/corrections/").length, 1);
  assert.match(english!, /^<p class="correction-list__date"><time datetime="2026-01-27T09:30:00\+03:00">27 January 2026, 09:30 GMT\+3<\/time><\/p>/);
  assert.match(english!, new RegExp(`<h2 class="correction-list__headline"><a href="${DUHOK}">Round-the-clock electricity reaches more Duhok neighbourhoods</a></h2>`));
  assert.match(english!, /The correct figure is 24,000\./);
  const [sorani] = entries("/ckb/corrections/");
  assert.equal(entries("/ckb/corrections/").length, 1);
  assert.ok(sorani!.includes(`<a href="${encoded(SNOW.ckb)}">بەفری قورس ڕێگا شاخاوییەکانی هەولێر و دهۆکی داخست</a>`), sorani);
  assert.match(sorani!, /<time datetime="2026-01-25T10:20:00\+03:00">٢٥ی کانوونی دووەمی ٢٠٢٦، ١٠:٢٠/);
  for (const p of ["/corrections/", "/ckb/corrections/"]) {
    for (const [, href] of html(p).matchAll(/class="correction-list__headline"><a href="([^"]+)"/g)) assert.ok(page(decodeURIComponent(href!)), `${p} links ${href}`);
  }
});

test("each page links its edition's corrections policy and is in its language; Arabic, without corrections, says so and is not indexed", () => {
  assert.match(html("/corrections/"), /<p class="listing-header__policy"><a href="\/corrections-policy\/">Corrections policy<\/a><\/p>/);
  assert.match(html("/ckb/corrections/"), /<p class="listing-header__policy"><a href="\/ckb\/corrections-policy\/">سیاسەتی ڕاستکردنەوە<\/a><\/p>/);
  const arabic = html("/ar/corrections/");
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
  assert.match(arabic, /<h1>التصحيحات<\/h1>/);
  assert.match(arabic, /<p class="empty">لا توجد تصحيحات بعد.<\/p>/);
  assert.match(arabic, /<meta name="robots" content="noindex">/);
  assert.match(arabic, /<a href="\/ar\/corrections-policy\/">سياسة التصحيح<\/a>/);
});

test("the pages with corrections are in their sitemaps, as one page in two languages; the empty one is not", () => {
  assert.ok(sitemapLocs("sitemap.xml").includes(`${SITE}corrections/`));
  assert.ok(sitemapLocs("ckb/sitemap.xml").includes(`${SITE}ckb/corrections/`));
  assert.ok(!sitemapLocs("ar/sitemap.xml").includes(`${SITE}ar/corrections/`));
  assert.deepEqual([...page("/ckb/corrections/").alternates], [["en", `${SITE}corrections/`], ["ckb", `${SITE}ckb/corrections/`], ["x-default", `${SITE}corrections/`]]);
  assert.deepEqual([...page("/ar/corrections/").alternates], []);
});

test("a corrected story's byline gives its history, and its box links to every correction", () => {
  const byline = (p: string) => text(html(p).match(/<p class="byline">.*?<\/p>/)![0]);
  assert.equal(byline(DUHOK), "By Shilan Rashid · Published 26 January 2026, 10:15 GMT+3 · Corrected 27 January 2026 · 1 min read");
  assert.equal(byline(SNOW.en), "By Hemin Aziz · Published 24 January 2026, 08:30 GMT+3 · Updated 16:45 GMT+3 · 1 min read");
  assert.match(byline(SNOW.ckb), /^نووسینی هێمن عەزیز · بڵاوکراوەتەوە ٢٤ی کانوونی دووەمی ٢٠٢٦، ٠٩:١٥ گرینیچ \+٣ · دوایین نوێکردنەوە ١٧:٠٠ گرینیچ \+٣ · ڕاستکراوەتەوە ٢٥ی کانوونی دووەمی ٢٠٢٦ · /);
  assert.match(html(DUHOK), /<p class="corrections__all"><a href="\/corrections\/">All corrections<\/a><\/p>/);
  assert.match(html(SNOW.ckb), /<p class="corrections__all"><a href="\/ckb\/corrections\/">هەموو ڕاستکردنەوەکان<\/a><\/p>/);
});

test("a corrected story's NewsArticle carries its corrections as CorrectionComments, and its last change is the correction", () => {
  const [sorani] = jsonLd(SNOW.ckb).filter((d) => d["@type"] === "NewsArticle");
  assert.deepEqual(sorani!.correction, [
    {
      "@type": "CorrectionComment",
      text: "لە وەشانێکی پێشووی ئەم هەواڵەدا هاتبوو کە ڕێگای سۆران–حاجی ئۆمەران نزیکەی کاتژمێر ١ی پاشنیوەڕۆ کرایەوە. ڕێگاکە نزیکەی کاتژمێر ٣ی پاشنیوەڕۆ کرایەوە.",
      datePublished: "2026-01-25T10:20:00+03:00",
    },
  ]);
  assert.equal(sorani!.dateModified, "2026-01-25T10:20:00+03:00", "the correction, after the update of 24 January");
  const [english] = jsonLd(SNOW.en).filter((d) => d["@type"] === "NewsArticle");
  assert.equal(english!.correction, undefined, "a story without corrections has none");
});

test("the Sorani feeds carry the correction after the story's text, and parse", () => {
  const url = `${SITE}${encoded(SNOW.ckb).slice(1)}`;
  for (const name of ["ckb/feed.xml", "ckb/atom.xml"]) {
    const item = parseFeed(file(name)).items.find((i) => i.url === url);
    assert.ok(item, `${name}: ${url}`);
    assert.match(item.content!, /<p><strong>ڕاستکردنەوە \(٢٥ی کانوونی دووەمی ٢٠٢٦، ١٠:٢٠ گرینیچ \+٣\):<\/strong> لە وەشانێکی پێشووی ئەم هەواڵەدا/, name);
    if (name.endsWith("atom.xml")) assert.equal(item.updated?.toISOString(), "2026-01-25T07:20:00.000Z");
  }
  const json = JSON.parse(file("ckb/feed.json")) as { items: { url: string; content_html: string; date_modified: string }[] };
  const item = json.items.find((i) => i.url === url)!;
  assert.match(item.content_html, /<strong>ڕاستکردنەوە \(/);
  assert.equal(item.date_modified, "2026-01-25T07:20:00.000Z");
});
