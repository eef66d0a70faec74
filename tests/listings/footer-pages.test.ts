/**
 * The footer's pages (src/listings/footer-pages.ts): an edition's own, and the first edition's it
 * has no translation of, in the first edition's order, whatever order the translations give.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { footerPages } from "../../src/listings/footer-pages.ts";
import type { StandalonePage } from "../../src/model/standalone-page.ts";
import { AR, CKB, EN, standalonePage } from "../support/model-values.ts";

const about = standalonePage({ slug: "about", order: 1, translationKey: "about" });
const corrections = standalonePage({ slug: "corrections-policy", order: 2, translationKey: "corrections-policy" });
const contact = standalonePage({ slug: "contact", order: 3 });
/** As the loader gives them: by order, then URL. */
const sorted = (pages: StandalonePage[]) => [...pages].sort((a, b) => a.order - b.order || a.url.localeCompare(b.url));
const urls = (pages: readonly StandalonePage[]) => pages.map((p) => p.url);

test("the first edition's footer is its own pages, in their order", () => {
  const aboutCkb = standalonePage({ slug: "about", edition: CKB, order: 1, translationKey: "about" });
  assert.deepEqual(urls(footerPages(sorted([about, corrections, contact, aboutCkb]), EN, EN)), ["/about/", "/corrections-policy/", "/contact/"]);
});

test("a page an edition has not translated is linked in the first language, in its place", () => {
  const aboutCkb = standalonePage({ slug: "about", edition: CKB, order: 1, translationKey: "about" });
  const pages = sorted([about, corrections, contact, aboutCkb]);
  assert.deepEqual(urls(footerPages(pages, CKB, EN)), ["/ckb/about/", "/corrections-policy/", "/contact/"]);
  // An edition with none of them links the first edition's.
  assert.deepEqual(urls(footerPages(pages, AR, EN)), ["/about/", "/corrections-policy/", "/contact/"]);
});

test("a translation stands where the page it translates stands, whatever its own order", () => {
  const contactAr = standalonePage({ slug: "contact", edition: AR, order: 1, translationKey: "contact" });
  const contactEn = { ...contact, translationKey: "contact" };
  const aboutAr = standalonePage({ slug: "about", edition: AR, order: 9, translationKey: "about" });
  const pages = sorted([about, corrections, contactEn, contactAr, aboutAr]);
  assert.deepEqual(urls(footerPages(pages, AR, EN)), ["/ar/about/", "/corrections-policy/", "/ar/contact/"]);
});

test("a page only one edition has is in its footer only, by its own order", () => {
  const desk = standalonePage({ slug: "sorani-desk", edition: CKB, order: 2 });
  const pages = sorted([about, corrections, contact, desk]);
  assert.deepEqual(urls(footerPages(pages, CKB, EN)), ["/about/", "/ckb/sorani-desk/", "/corrections-policy/", "/contact/"]);
  assert.ok(!urls(footerPages(pages, AR, EN)).includes("/ckb/sorani-desk/"));
  assert.ok(!urls(footerPages(pages, EN, EN)).includes("/ckb/sorani-desk/"));
});
