/**
 * The /search/ page in Chromium, on the search tests' site (tests/support/search-site.ts), built once
 * for a sub-path and served there, so every URL the search page makes must carry the prefix: results,
 * the section filter, paging, markup shown as text, axe and widths, and the page without JavaScript.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 * DATELINE_SHOTS=/some/folder writes screenshots of the search page there.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Dialog, Page } from "playwright-core";
import { browserSkipReason, screenshot, useBrowsing, type ColorScheme } from "../support/browser.ts";
import { resultLinks, status } from "../support/search-page.ts";
import { failuresInSchemes } from "../support/page-checks.ts";
import { ARABIC, ARTICLE, ARTICLE_TITLE, EXTRA, FLAT, MANY, PREFIX, searchSite, WORD } from "../support/search-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

let root: string;
let release: () => Promise<void>;
before(async () => {
  ({ root, release } = await searchSite());
});
after(() => release?.());

describe("the search page in the browser", { skip: browserSkipReason(), concurrency: 4 }, () => {
  const browsing = useBrowsing();
  let server: StaticServer;
  let served: string;
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  before(async () => {
    // The site is served under /news/, as on its host.
    served = await mkdtemp(path.join(tmpdir(), "dateline-served-"));
    await mkdir(path.join(served, "nothing-at-the-root"));
    await symlink(path.join(root, "_site"), path.join(served, PREFIX.replace(/\//g, "")));
    server = await serveStatic(served);
  });
  after(async () => {
    await server?.close();
    if (served) await rm(served, { recursive: true, force: true });
  });

  const results = (page: Page) => page.locator("#search-results > li");

  test(`/search/?q=${WORD} finds the article: headline, standfirst, section, date, thumbnail, under the prefix`, async () => {
    await browsing.visit(url(`${PREFIX}search/?q=${WORD}`), { width: 1280 }, async ({ page }) => {
      await status(page, `1 story found for “${WORD}”`);
      assert.equal(await page.locator("#search-q").inputValue(), WORD);
      const result = results(page).first();
      assert.equal(await result.getByRole("heading", { level: 2 }).textContent(), ARTICLE_TITLE);
      assert.equal(await result.getByRole("link").getAttribute("href"), ARTICLE);
      assert.match((await result.locator(".search-result__standfirst").textContent()) ?? "", /bases and extradition/);
      assert.match((await result.locator("mark").first().textContent()) ?? "", new RegExp(`^${WORD}`, "i"));
      assert.equal(await result.locator(".label").textContent(), "Middle East");
      // 12:00 in Baghdad on 28 January, shown in the site's zone.
      assert.equal(await result.locator("time").textContent(), "28 January 2026");
      assert.equal(await result.locator("time").getAttribute("datetime"), "2026-01-28T09:00:00.000Z");
      const thumbnail = result.locator("img");
      assert.match((await thumbnail.getAttribute("src")) ?? "", /^\/news\/img\//);
      assert.equal(await thumbnail.getAttribute("alt"), "");
      await result.getByRole("link").click();
      await page.waitForURL(url(ARTICLE));
      assert.equal((await page.locator("h1").textContent())?.trim(), ARTICLE_TITLE);
    });
  });

  test("typing searches; the section filter narrows the results and is kept in the address", async () => {
    await browsing.visit(url(`${PREFIX}search/`), { width: 390 }, async ({ page }) => {
      // "with": in the body of the Middle East story and in the headline of a World story.
      await page.locator("#search-q").fill("with");
      await status(page, "2 stories found for “with”");
      assert.deepEqual((await resultLinks(page)).sort(), [ARTICLE, FLAT].sort());
      await page.getByLabel("Section", { exact: true }).selectOption("World");
      await status(page, "1 story found for “with” in World");
      assert.deepEqual(await resultLinks(page), [FLAT]);
      assert.equal(new URL(page.url()).search, "?q=with&section=World");
      // The address is a search of its own.
      await page.reload();
      await status(page, "1 story found for “with” in World");
      assert.equal(await page.getByLabel("Section", { exact: true }).inputValue(), "World");
    });
  });

  test("words only in navigation, listings and bylines find nothing; a story in another edition is found in that edition only", async () => {
    await browsing.visit(url(`${PREFIX}search/`), { width: 1280 }, async ({ page }) => {
      // "Culture" is an empty section: its name is in the navigation only, its description
      // ("Books, music and film") on its listing page only. "Dilan" is in a byline and on the author's page.
      for (const word of ["Culture", "Books", "Dilan", "Related"]) {
        await page.locator("#search-q").fill(word);
        await page.locator("#search-q").press("Enter");
        await status(page, `No stories found for “${word}”.`);
        assert.equal(await results(page).count(), 0, word);
      }
      await page.locator("#search-q").fill("موسكو");
      await page.locator("#search-q").press("Enter");
      await status(page, "No stories found for “\u2068موسكو\u2069”.");
      // The Arabic edition's search page, in Arabic, searches the Arabic index.
      await page.goto(url(`${PREFIX}ar/search/?q=${encodeURIComponent("موسكو")}`));
      await status(page, "خبر واحد عن «موسكو»");
      assert.deepEqual(await resultLinks(page), [encodeURI(ARABIC)]);
    });
  });

  test("ten results at a time; “Show more results” adds the rest and moves focus to the first new one", async () => {
    await browsing.visit(url(`${PREFIX}search/?q=${MANY}`), { width: 1280 }, async ({ page }) => {
      await status(page, `${EXTRA} stories found for “${MANY}”`);
      assert.equal(await results(page).count(), 10);
      const more = page.getByRole("button", { name: "Show more results" });
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length === n, EXTRA);
      assert.ok(await more.isHidden(), "no more results to show");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      assert.equal(focused, (await resultLinks(page))[10]);
    });
  });

  test("markup in a headline, standfirst or body is shown as text in the results, never run", async () => {
    const article = await browsing.openPage(url(`${PREFIX}world/hostile/`), { width: 1280 });
    const headline = (await article.page.locator("h1").textContent())?.trim();
    const standfirst = (await article.page.locator(".standfirst").textContent())?.trim();
    await article.close();
    const opened = await browsing.openPage(url(`${PREFIX}search/?q=quayside`), { width: 1280 });
    const { page } = opened;
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on("dialog", onDialog);
    try {
      await status(page, "1 story found for “quayside”");
      const result = results(page).first();
      assert.equal(await result.locator("h2").textContent(), headline);
      assert.equal(await result.locator(".search-result__standfirst").textContent(), standfirst);
      assert.match((await result.locator(".search-result__excerpt").textContent()) ?? "", /<mark>x<\/mark> and <script>alert/);
      assert.equal(await result.locator("i, b, img, script").count(), 0);
      assert.equal(await result.locator("mark").count(), 1, "only the match is marked");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(opened.problems(), []);
    } finally {
      page.off("dialog", onDialog);
      await opened.close();
    }
  });

  const views: { width: number; schemes: ColorScheme[] }[] = [
    { width: 1280, schemes: ["light"] },
    { width: 390, schemes: ["light", "dark"] },
  ];
  for (const view of views) {
    test(`with results at ${view.width} px, ${view.schemes.join(" and ")}: loads cleanly, no axe violations, fits the width`, async () => {
      const opened = await browsing.openPage(url(`${PREFIX}search/?q=${WORD}`), { width: view.width });
      const { page } = opened;
      try {
        await status(page, `1 story found for “${WORD}”`);
        const failures = await failuresInSchemes(opened, view.schemes, {}, (scheme) => screenshot(page, `search ${view.width} ${scheme}`));
        if (failures.length) assert.fail(failures.join("\n"));
      } finally {
        await opened.close();
      }
    });
  }

  test("with JavaScript off the page says that search needs it and offers the sections", async () => {
    const opened = await browsing.openPage(url(`${PREFIX}search/`), { width: 390, javaScriptEnabled: false });
    const { page } = opened;
    try {
      const note = page.locator(".search__noscript");
      assert.ok(await note.isVisible(), "the no-script note is shown");
      assert.match((await note.textContent()) ?? "", /Search needs JavaScript/);
      assert.equal(await note.getByRole("link", { name: "Middle East" }).getAttribute("href"), `${PREFIX}middle-east/`);
      assert.deepEqual(opened.problems(), []);
      await screenshot(page, "search no-js 390 light");
    } finally {
      await opened.close();
    }
  });
});
