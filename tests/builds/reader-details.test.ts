/**
 * Reader details on the sample site's three editions (tests/support/editions-site.ts, built once with
 * its fixed clock, Thursday 29 January 2026 at noon in Baghdad):
 *
 * - every page's footer links the same pages (About, Corrections policy, Contact) in the same order,
 *   then the edition's corrections page, each in the edition's own words, and its © line names the
 *   edition's publisher, with the year in the edition's digits;
 * - the front page's masthead gives the build's day in each edition's words and digits, and no other
 *   page gives a date there;
 * - an article's share row links each service with the story's canonical URL, encoded, and its
 *   "Copy link" is hidden until a script shows it.
 *
 * The same on a fixture site under a path, with a page not translated and a build the next day:
 * reader-details-fixture.test.ts; the share row in Chromium: tests/browser/share-row.test.ts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parse } from "parse5";
import { attr, elements, hasClass, textOf, type Element } from "../support/html-pages.ts";
import { buildEditionsSite, EDITIONS, editionOfPath, file, fileOfUrl, MOSCOW, page, pages, pathOfUrl, problemList } from "../support/editions-site.ts";

buildEditionsSite();

const HOMES = { en: "/", ckb: "/ckb/", ar: "/ar/" } as const;
/** The footer's pages, as the English edition names them. */
const FOOTER = ["/about/", "/corrections-policy/", "/contact/"];

const documentOf = (p: string) => parse(file(fileOfUrl(p)!));
const all = (p: string, className: string): Element[] => [...elements(documentOf(p))].filter((el) => hasClass(el, className));
const one = (p: string, className: string): Element => {
  const found = all(p, className);
  assert.equal(found.length, 1, `${p}: one .${className}`);
  return found[0]!;
};
const links = (el: Element) => [...elements(el)].filter((a) => a.tagName === "a");

describe("footers", () => {
  test("every page's footer links About, Corrections policy and Contact, in that order, then the corrections page, in the page's own edition", () => {
    const problems: string[] = [];
    for (const p of pages.values()) {
      const edition = editionOfPath(p.path);
      const footer = all(p.path, "site-footer__pages")[0];
      if (!footer) {
        problems.push(`${p.path}: no footer pages`);
        continue;
      }
      const linked = links(footer).map((a) => pathOfUrl(attr(a, "href")!));
      const corrections = `${HOMES[edition.code as keyof typeof HOMES]}corrections/`;
      if (linked.at(-1) !== corrections) problems.push(`${p.path}: the last link is ${linked.at(-1)}, not ${corrections}`);
      const hrefs = linked.slice(0, -1);
      // Each link's English version, through the page's own hreflang group.
      const english = hrefs.map((h) => (editionOfPath(h).code === "en" ? h : pathOfUrl(page(h).alternates.get("en") ?? h)));
      if (JSON.stringify(english) !== JSON.stringify(FOOTER)) problems.push(`${p.path}: ${hrefs.join(" ")} are not ${FOOTER.join(" ")}`);
      const foreign = hrefs.filter((h) => editionOfPath(h) !== edition);
      if (foreign.length) problems.push(`${p.path}: links pages of another edition: ${foreign.join(" ")}`);
    }
    assert.deepEqual(problems, [], problemList(problems, "footer problems"));
  });

  test("the footer's page titles are in the edition's language: Arabic script in Sorani and Arabic, without a Latin letter", () => {
    const titles = (code: keyof typeof HOMES) => links(one(HOMES[code], "site-footer__pages")).map((a) => textOf(a));
    assert.deepEqual(titles("en"), ["About us", "Corrections policy", "Contact", "Corrections"]);
    assert.deepEqual(titles("ckb"), ["دەربارەی ئێمە", "سیاسەتی ڕاستکردنەوە", "پەیوەندیمان پێوە بکەن", "ڕاستکردنەوەکان"]);
    assert.deepEqual(titles("ar"), ["من نحن", "سياسة التصحيح", "اتصل بنا", "التصحيحات"]);
  });

  test("each translated page says the English page's things in its language: the same e-mail addresses", () => {
    const addresses = (p: string) => [...file(fileOfUrl(p)!).matchAll(/[a-z]+@news\.example\.org/g)].map((m) => m[0]).sort();
    for (const slug of ["contact", "corrections-policy"]) {
      const english = addresses(`/${slug}/`);
      assert.ok(english.length > 0, slug);
      for (const code of ["ckb", "ar"]) {
        const p = `/${code}/${slug}/`;
        assert.equal(page(p).lang, code, p);
        assert.deepEqual(addresses(p), english, p);
      }
    }
  });

  test("the © line names the edition's publisher, with the year in the edition's digits", () => {
    const line = (code: keyof typeof HOMES) => textOf(one(HOMES[code], "site-footer__copyright"));
    assert.equal(line("en"), "© 2026 Northern Dispatch Media");
    assert.equal(line("ckb"), "© ٢٠٢٦ دەزگای ڕاگەیاندنی پەیامی باکوور");
    assert.equal(line("ar"), "© 2026 مؤسسة رسالة الشمال للإعلام");
  });
});

describe("the masthead's date", () => {
  test("the front page gives the build's day with its weekday, in each edition's words and digits, in a <time datetime>", () => {
    const dates = Object.fromEntries(EDITIONS.map((e) => [e.code, file(fileOfUrl(HOMES[e.code as keyof typeof HOMES])!).match(/<p class="masthead__date">(.*?)<\/p>/)?.[1]]));
    assert.deepEqual(dates, {
      en: '<time datetime="2026-01-29">Thursday 29 January 2026</time>',
      ckb: '<time datetime="2026-01-29">پێنجشەممە ٢٩ی کانوونی دووەمی ٢٠٢٦</time>',
      ar: '<time datetime="2026-01-29">الخميس، 29 كانون الثاني 2026</time>',
    });
  });

  test("no other page gives a date in its masthead: it would be stale by the next day", () => {
    const dated = [...pages.values()].filter((p) => !Object.values(HOMES).includes(p.path as "/") && file(p.file).includes("masthead__date")).map((p) => p.path);
    assert.deepEqual(dated, []);
  });
});

describe("the share row", () => {
  /** The share row's links of the Moscow story in `code`, with the story's canonical URL and headline. */
  function shareOf(code: keyof typeof MOSCOW) {
    const p = MOSCOW[code];
    const canonical = page(p).canonical!;
    const headline = textOf(one(p, "article__headline"));
    const summary = textOf(one(p, "standfirst"));
    const hrefs = links(one(p, "share__links")).map((a) => attr(a, "href")!);
    const copy = one(p, "share__copy");
    return { canonical, headline, summary, hrefs, copy };
  }

  for (const code of ["en", "ckb", "ar"] as const) {
    test(`${code}: e-mail, WhatsApp, Telegram, X and Facebook links carry the story's canonical URL and headline, percent-encoded`, () => {
      const { canonical, headline, summary, hrefs } = shareOf(code);
      assert.match(canonical, /^https:\/\/news\.example\.org\//);
      for (const href of hrefs) assert.match(href, /^[\x21-\x7e]+$/, `${href}: ASCII, every space and letter beyond it encoded`);
      const [mail, whatsApp, telegram, x, facebook] = hrefs.map((h) => new URL(h));
      assert.equal(hrefs.length, 5);
      const q = (u: URL | undefined) => Object.fromEntries(u!.searchParams);
      assert.equal(`${mail!.protocol}${mail!.pathname}`, "mailto:");
      assert.deepEqual(q(mail), { subject: headline, body: `${summary}\r\n\r\n${canonical}` });
      assert.equal(`${whatsApp!.origin}${whatsApp!.pathname}`, "https://wa.me/");
      assert.deepEqual(q(whatsApp), { text: `${headline} ${canonical}` });
      assert.equal(`${telegram!.origin}${telegram!.pathname}`, "https://t.me/share/url");
      assert.deepEqual(q(telegram), { url: canonical, text: headline });
      assert.equal(`${x!.origin}${x!.pathname}`, "https://x.com/intent/tweet");
      assert.deepEqual(q(x), { url: canonical, text: headline });
      assert.equal(`${facebook!.origin}${facebook!.pathname}`, "https://www.facebook.com/sharer/sharer.php");
      assert.deepEqual(q(facebook), { u: canonical });
    });
  }

  test("each link is named in the edition's words; the icons are hidden from screen readers", () => {
    const names = (p: string) => links(one(p, "share__links")).map((a) => textOf(a).trim());
    assert.deepEqual(names(MOSCOW.en), ["Send by e-mail", "Send on WhatsApp", "Send on Telegram", "Share on X", "Share on Facebook"]);
    assert.deepEqual(names(MOSCOW.ckb), ["بە ئیمەیڵ بینێرە", "لە ڕێگەی واتسئاپەوە بینێرە", "لە ڕێگەی تێلیگرامەوە بینێرە", "لە ئێکس هاوبەشی بکە", "لە فەیسبووک هاوبەشی بکە"]);
    assert.deepEqual(names(MOSCOW.ar), ["أرسله بالبريد الإلكتروني", "أرسله عبر واتساب", "أرسله عبر تيليغرام", "شاركه على إكس", "شاركه على فيسبوك"]);
    const svgs = [...elements(one(MOSCOW.ar, "share"))].filter((el) => el.tagName === "svg");
    assert.equal(svgs.length, 6);
    for (const svg of svgs) assert.equal(attr(svg, "aria-hidden"), "true");
  });

  test("“Copy link” carries the canonical URL and the words it announces, and is hidden until the script shows it", () => {
    for (const code of ["en", "ckb", "ar"] as const) {
      const { canonical, copy } = shareOf(code);
      assert.equal(attr(copy, "data-url"), canonical, code);
      assert.equal(attr(copy, "data-copied"), { en: "Link copied", ckb: "لینکەکە کۆپی کرا", ar: "تم نسخ الرابط" }[code], code);
      assert.equal(attr(copy.parentNode as Element, "hidden"), "", `${code}: the button's item is hidden without JavaScript`);
    }
    const status = one(MOSCOW.en, "share__status");
    assert.equal(attr(status, "role"), "status");
  });
});
