/**
 * Moving between the sample site's editions in Chromium (tests/support/editions-site.ts, built once
 * and served): the language switcher and a story's translations nav lead to its other versions, and
 * each edition's search page searches its own language's index, in its own words and dates.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, useBrowsing } from "../support/browser.ts";
import { buildEditionsSite, encoded, MOSCOW, MOSCOW_HEADLINE, server, TARTUS_AR, TARTUS_CKB } from "../support/editions-site.ts";
import { resultLinks, status } from "../support/search-page.ts";

buildEditionsSite();

describe("in Chromium", { skip: browserSkipReason(), concurrency: 4 }, () => {
  const browsing = useBrowsing(); // with CI set, a missing browser fails here
  /** The served URL of a path (the URL parser percent-encodes its path and query). */
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  test("the language switcher: the English story links to its Sorani and Arabic versions; a click opens the Sorani one", async () => {
    await browsing.visit(url(MOSCOW.en), { width: 1280 }, async ({ page }) => {
      assert.equal((await page.locator("h1").first().textContent())?.trim(), MOSCOW_HEADLINE.en);
      const editions = page.locator("nav.editions");
      assert.equal(await editions.locator('a[hreflang="ckb"]').getAttribute("href"), encoded(MOSCOW.ckb));
      assert.equal(await editions.locator('a[hreflang="ar"]').getAttribute("href"), encoded(MOSCOW.ar));
      const translations = page.locator("nav.translations a");
      assert.deepEqual(
        await translations.evaluateAll((as) => as.map((a) => [a.getAttribute("hreflang"), a.getAttribute("lang"), a.getAttribute("href")])),
        [
          ["ckb", "ckb", encoded(MOSCOW.ckb)],
          ["ar", "ar", encoded(MOSCOW.ar)],
        ],
      );
      await editions.getByRole("link", { name: "کوردی" }).click();
      await page.waitForURL(url(MOSCOW.ckb));
      assert.equal(await page.evaluate("document.documentElement.lang"), "ckb");
      assert.equal((await page.locator("h1").first().textContent())?.trim(), MOSCOW_HEADLINE.ckb);
    });
  });

  describe("search, one index per language", { concurrency: 4 }, () => {
    const cases = [
      { path: `/ar/search/?q=${TARTUS_AR}`, status: `خبر واحد عن «${TARTUS_AR}»`, found: [encoded(MOSCOW.ar)], headline: MOSCOW_HEADLINE.ar, date: "28 كانون الثاني 2026" },
      // An Arabic query in an English sentence is isolated (FSI…PDI), so the quotes stay around it.
      { path: `/search/?q=${TARTUS_AR}`, status: `No stories found for “\u2068${TARTUS_AR}\u2069”.`, found: [] },
      { path: `/ckb/search/?q=${TARTUS_CKB}`, status: `یەک هەواڵ بۆ «${TARTUS_CKB}» دۆزرایەوە`, found: [encoded(MOSCOW.ckb)], headline: MOSCOW_HEADLINE.ckb, date: "٢٨ی کانوونی دووەمی ٢٠٢٦" },
    ];
    for (const c of cases) {
      test(`${c.path} finds ${c.found.length ? "only the story in that language" : "nothing"}, and says so in the edition's language`, async () => {
        await browsing.visit(url(c.path), { width: 1280 }, async ({ page }) => {
          await status(page, c.status);
          assert.deepEqual(await resultLinks(page), c.found);
          if (c.headline) assert.equal(await page.locator("#search-results h2").first().textContent(), c.headline);
        });
      });
      const date = c.date;
      if (date) {
        // The search page formats dates in the browser, whose Intl may lack the edition's locale.
        test(`${c.path}: the result's date reads as the story's byline does (${date})`, async () => {
          const opened = await browsing.openPage(url(c.path), { width: 390 });
          try {
            await status(opened.page, c.status);
            assert.equal(await opened.page.locator("#search-results time").first().textContent(), date);
          } finally {
            await opened.close();
          }
        });
      }
    }
  });
});
