/**
 * Corrections as a reader meets them (issue 17), rendered from models made in memory in each edition:
 * the story's history in its byline, its corrections box's link to every correction, the corrections
 * page (entries, pagination, empty state, the policy) and the footer's link to it. The same on the
 * built sample site: tests/builds/corrections.test.ts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { EditionModel } from "../../src/model/site-model.ts";
import { PER_PAGE } from "../../src/listings/limits.ts";
import type { Edition } from "../../src/site/editions.ts";
import { byline } from "../../templates/layout/components/byline.ts";
import { articlePage } from "../../templates/pages/article.ts";
import { correctionsPage } from "../../templates/pages/corrections.ts";
import { AR, article, CKB, EDITIONS, editionModel, EN, instant, standalonePage, type ArticleValues, type ModelValues } from "../support/model-values.ts";

const model = (edition: Edition, v: ModelValues = {}): EditionModel => ({ ...editionModel(edition, v), fonts: { css: "", preload: undefined } });
/** The text a reader sees: tags dropped, the separators' spaces kept. */
const text = (html: string) => html.replace(/<[^>]+>/g, "");
const fix = (date: string, words = "An earlier version misnamed the minister.") => ({ date: instant(date), text: words });
const story = (edition: Edition, v: ArticleValues = {}) =>
  article({ edition, date: "2026-01-28T12:00:00+03:00", authors: [{ name: "Dilan Ahmed", url: undefined }], ...v });

describe("the history in the byline", () => {
  test("updated and corrected: Published, Updated and Corrected in each edition's words and digits, in place of the bare date", () => {
    const expected = {
      en: "By Dilan Ahmed · Published 28 January 2026, 12:00 GMT+3 · Updated 16:45 GMT+3 · Corrected 29 January 2026 · 1 min read",
      ckb: "نووسینی Dilan Ahmed · بڵاوکراوەتەوە ٢٨ی کانوونی دووەمی ٢٠٢٦، ١٢:٠٠ گرینیچ +٣ · دوایین نوێکردنەوە ١٦:٤٥ گرینیچ +٣ · ڕاستکراوەتەوە ٢٩ی کانوونی دووەمی ٢٠٢٦ · ١ خولەک خوێندنەوە",
      ar: "بقلم Dilan Ahmed · نُشر 28 يناير 2026، 12:00 غرينتش+3 · آخر تحديث 16:45 غرينتش+3 · صُحّح 29 يناير 2026 · دقيقة واحدة للقراءة",
    };
    for (const edition of EDITIONS) {
      const a = story(edition, { updated: "2026-01-28T16:45:00+03:00", corrections: [fix("2026-01-29T09:00:00+03:00")] });
      assert.equal(text(byline(a, edition).value), expected[edition.code as keyof typeof expected], edition.code);
    }
  });

  test("'Corrected' names the latest correction, linked to the box; on the day of publication by its time", () => {
    const a = story(EN, { corrections: [fix("2026-01-28T14:10:00+03:00"), fix("2026-01-28T18:05:00+03:00"), fix("2026-01-28T13:00:00+03:00")] });
    const html = byline(a, EN).value;
    assert.match(html, /<span class="byline__corrected">Corrected <a href="#corrections-title"><time datetime="2026-01-28T18:05:00\+03:00">18:05 GMT\+3<\/time><\/a><\/span>/);
    assert.equal(text(html), "By Dilan Ahmed · Published 28 January 2026, 12:00 GMT+3 · Corrected 18:05 GMT+3 · 1 min read", "no 'Updated' without `updated`");
  });

  test("a story never updated nor corrected gives its date alone, as before", () => {
    for (const edition of EDITIONS) {
      const html = byline(story(edition), edition).value;
      assert.doesNotMatch(html, /byline__(published|updated|corrected)/, edition.code);
      assert.match(html, /<span class="byline__sep" aria-hidden="true"> · <\/span><time datetime="2026-01-28T12:00:00\+03:00">/, edition.code);
    }
  });
});

describe("the article's corrections box", () => {
  test("links to the edition's corrections page, in its words; the history's link finds the box's heading", () => {
    const words = { en: "All corrections", ckb: "هەموو ڕاستکردنەوەکان", ar: "كل التصحيحات" };
    for (const edition of EDITIONS) {
      const a = story(edition, { corrections: [fix("2026-01-29T09:00:00+03:00")] });
      const html = articlePage(a, model(edition, { articles: [a] }));
      const box = html.match(/<aside class="corrections"[\s\S]*?<\/aside>/)?.[0] ?? "";
      assert.ok(box.includes(`<p class="corrections__all"><a href="${edition.home}corrections/">${words[edition.code as keyof typeof words]}</a></p>`), `${edition.code}: ${box}`);
      assert.match(box, /<h2 id="corrections-title">/);
      assert.match(html, /<a href="#corrections-title">/);
    }
  });
});

describe("the corrections page", () => {
  const policy = standalonePage({ slug: "corrections-policy", translationKey: "corrections-policy", title: "Corrections policy" });

  test("each correction: its date and time, the story's headline linking to it, what it says; the policy linked", () => {
    const older = story(EN, { slug: "older", title: "Budget passes", corrections: [fix("2026-01-28T15:00:00+03:00", "The vote was 61 to 40, not 60 to 41.")] });
    const newer = story(EN, { slug: "newer", title: "Roads reopen", corrections: [fix("2026-01-29T09:30:00+03:00", "The road reopened at 3 p.m.")] });
    const m = model(EN, { articles: [newer, older], pages: [policy] });
    const html = correctionsPage(m.corrections.pages[0]!, m);
    assert.match(html, /<title>Corrections – /);
    assert.match(html, /<h1>Corrections<\/h1>/);
    assert.match(html, /<p class="listing-header__policy"><a href="\/corrections-policy\/">Corrections policy<\/a><\/p>/);
    const items = [...html.matchAll(/<li class="correction-list__item">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(items, [
      '<p class="correction-list__date"><time datetime="2026-01-29T09:30:00+03:00">29 January 2026, 09:30 GMT+3</time></p><h2 class="correction-list__headline"><a href="/world/newer/">Roads reopen</a></h2><p class="correction-list__text">The road reopened at 3 p.m.</p>',
      '<p class="correction-list__date"><time datetime="2026-01-28T15:00:00+03:00">28 January 2026, 15:00 GMT+3</time></p><h2 class="correction-list__headline"><a href="/world/older/">Budget passes</a></h2><p class="correction-list__text">The vote was 61 to 40, not 60 to 41.</p>',
    ]);
    assert.doesNotMatch(html, /noindex|class="empty"|class="pagination"/);
  });

  test("without corrections it says so in each edition's words, and asks not to be indexed", () => {
    const words = { en: "No corrections yet.", ckb: "هێشتا هیچ ڕاستکردنەوەیەک نییە.", ar: "لا توجد تصحيحات بعد." };
    for (const edition of EDITIONS) {
      const m = model(edition, { articles: [story(edition)] });
      const html = correctionsPage(m.corrections.pages[0]!, m);
      assert.ok(html.includes(`<p class="empty">${words[edition.code as keyof typeof words]}</p>`), edition.code);
      assert.match(html, /<meta name="robots" content="noindex">/, edition.code);
      assert.doesNotMatch(html, /correction-list/, edition.code);
    }
  });

  test("pages past the first say which they are, and link newer and older corrections in each edition's words", () => {
    const labels = { en: ["Newer corrections", "Older corrections"], ckb: ["ڕاستکردنەوەی نوێتر", "ڕاستکردنەوەی کۆنتر"], ar: ["تصحيحات أحدث", "تصحيحات أقدم"] };
    const many = Array.from({ length: 2 * PER_PAGE + 1 }, (_, i) => fix(`2026-01-29T09:00:00+03:00`).date.plus({ minutes: i }));
    for (const edition of EDITIONS) {
      const a = story(edition, { corrections: many.map((date) => ({ date, text: "Fixed." })) });
      const m = model(edition, { articles: [a] });
      assert.equal(m.corrections.pages.length, 3);
      const html = correctionsPage(m.corrections.pages[1]!, m);
      const [newer, older] = labels[edition.code as keyof typeof labels];
      assert.ok(html.includes(`<a class="pagination__newer" rel="prev" href="${edition.home}corrections/"><span class="arrow" aria-hidden="true">←</span> ${newer}</a>`), edition.code);
      assert.ok(html.includes(`<a class="pagination__older" rel="next" href="${edition.home}corrections/page/3/">${older} <span class="arrow" aria-hidden="true">→</span></a>`), edition.code);
      assert.match(html, /<p class="listing-header__status">/, edition.code);
      assert.equal(html.match(/class="correction-list__item"/g)?.length, PER_PAGE, edition.code);
    }
  });

  test("a policy the edition has not translated is linked in its own language, marked so", () => {
    const m = model(AR, { pages: [policy] });
    const html = correctionsPage(m.corrections.pages[0]!, m);
    assert.match(html, /<p class="listing-header__policy"><a href="\/corrections-policy\/" hreflang="en" lang="en" dir="ltr">Corrections policy<\/a><\/p>/);
    assert.match(html, /<h1>التصحيحات<\/h1>/);
  });
});

test("every edition's footer ends with its corrections page, in its words, current on the page itself", () => {
  const words = { en: "Corrections", ckb: "ڕاستکردنەوەکان", ar: "التصحيحات" };
  for (const edition of [EN, CKB, AR]) {
    const m = model(edition, { pages: [standalonePage({ slug: "about", edition })] });
    const link = `<a href="${edition.home}corrections/"`;
    const onArticle = articlePage(story(edition), m).match(/<ul class="site-footer__pages">(.*?)<\/ul>/)?.[1];
    assert.equal(onArticle, `<li><a href="${edition.home}about/">Title of about</a></li><li>${link}>${words[edition.code as keyof typeof words]}</a></li>`, edition.code);
    const onItself = correctionsPage(m.corrections.pages[0]!, m).match(/<ul class="site-footer__pages">(.*?)<\/ul>/)?.[1] ?? "";
    assert.ok(onItself.endsWith(`<li>${link} aria-current="page">${words[edition.code as keyof typeof words]}</a></li>`), `${edition.code}: ${onItself}`);
  }
});
