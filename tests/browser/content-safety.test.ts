/**
 * Content safety in Chromium: the hostile site (tests/support/hostile-site.ts), built once and served,
 * opened page by page (article, front, section, tag, author, standalone and search pages, and the
 * Sorani article reached by a click), where no payload may run, open a dialog or come alive in the
 * DOM; the embeds load from their hosts only, and the article passes axe.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Dialog, Page } from "playwright-core";
import { slugOf } from "../../src/site/slugs.ts";
import { browserSkipReason, useBrowsing } from "../support/browser.ts";
import { evil, EVIL_AUTHOR, EVIL_SECTION, EVIL_TAG, EVIL_TITLE, liveMarkup, hostileSite, SEARCH_WORD, SORANI_SLUG, SORANI_TITLE, UNICODE_TEXT } from "../support/hostile-site.ts";
import { formatViolations, runAxe } from "../support/page-checks.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

let root: string;
const site = () => path.join(root, "_site");
let hostileUrl: string;
let release: () => Promise<void>;

before(async () => {
  ({ root, hostileUrl, release } = await hostileSite());
});
after(() => release?.());

describe("in Chromium, nothing runs", { skip: browserSkipReason() }, () => {
  const browsing = useBrowsing();
  let server: StaticServer;
  const VIEW = { width: 1280 };
  /** Requests to the embeds' hosts get a stub page: the test has no network, and must see what is asked. */
  const framed: string[] = [];

  before(async () => {
    server = await serveStatic(site());
    await (await browsing.context(VIEW)).route(/^https:\/\/(www\.youtube-nocookie\.com|www\.openstreetmap\.org)\//, (route) => {
      framed.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=en><title>stub</title><p>embedded" });
    });
  });
  after(async () => {
    await server?.close();
  });

  /** Opens a page, checks that nothing ran and the DOM holds no live markup, runs `check` on it and closes it. */
  async function inert(pathname: string, check?: (page: Page) => Promise<void>): Promise<void> {
    const dialogs: string[] = [];
    const context = await browsing.context(VIEW);
    const onDialog = (d: Dialog) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    context.on("dialog", onDialog);
    try {
      await browsing.visit(new URL(pathname.slice(1), server.url).href, VIEW, async ({ page }) => {
        await page.waitForLoadState("networkidle");
        const dom = (await page.evaluate("document.documentElement.outerHTML")) as string;
        assert.deepEqual(liveMarkup(`<!doctype html>${dom}`, pathname.startsWith("/search/")), [], pathname);
        // Then the page's own checks (which may add axe's script to it).
        await check?.(page);
        await page.waitForLoadState("networkidle");
        assert.equal(await page.evaluate("window.pwned"), undefined, `${pathname}: a payload ran`);
        assert.deepEqual(dialogs, [], `${pathname}: a payload opened a dialog`);
      });
    } finally {
      context.off("dialog", onDialog);
    }
  }

  test("the article: headline and caption as text; the embeds load from their hosts only; axe passes", async () => {
    await inert(hostileUrl, async (page) => {
      assert.equal(await page.locator("h1").innerText(), EVIL_TITLE);
      assert.equal(await page.locator("iframe").count(), 2);
      assert.equal(await page.locator("iframe").first().getAttribute("title"), `YouTube video: The speech, in full. ${evil(22)}`);
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], formatViolations(violations));
    });
    assert.deepEqual(framed.map((u) => new URL(u).origin).sort(), ["https://www.openstreetmap.org", "https://www.youtube-nocookie.com"]);
  });

  for (const [name, pathname] of [
    ["front page", "/"],
    ["section page", `/${slugOf(EVIL_SECTION)}/`],
    ["tag page", `/tags/${slugOf(EVIL_TAG)}/`],
    ["author page", `/authors/${slugOf(EVIL_AUTHOR)}/`],
    ["standalone page", "/about/"],
  ] as const) {
    test(`the ${name}`, async () => {
      await inert(pathname, async (page) => {
        assert.ok((await page.locator("main").innerText()).length > 0);
      });
    });
  }

  test("the author page shows the bio as text", async () => {
    await inert(`/authors/${slugOf(EVIL_AUTHOR)}/`, async (page) => {
      assert.match(await page.locator("main").innerText(), /Eve writes <img data-live src=x onerror=window.pwned=33>/);
    });
  });

  test("a search that finds the hostile article shows its headline as text", async () => {
    await inert(`/search/?q=${SEARCH_WORD}`, async (page) => {
      const result = page.locator("#search-results h2 a").first();
      await result.waitFor({ timeout: 10_000 });
      assert.equal(await result.innerText(), EVIL_TITLE);
      const dom = (await page.evaluate("document.documentElement.outerHTML")) as string;
      assert.deepEqual(liveMarkup(`<!doctype html>${dom}`, true), [], "the results");
    });
  });

  test("the Sorani article, reached by clicking its link on the Sorani front page", async () => {
    await browsing.visit(new URL("ckb/", server.url).href, VIEW, async ({ page }) => {
      await page.waitForLoadState("networkidle");
      const link = page.getByRole("link", { name: SORANI_TITLE }).first();
      assert.equal(await link.getAttribute("href"), `/ckb/world/${encodeURIComponent(SORANI_SLUG)}/`);
      await link.click();
      await page.waitForURL(new URL(`ckb/world/${encodeURIComponent(SORANI_SLUG)}/`, server.url).href);
      assert.equal(await page.locator("h1").innerText(), SORANI_TITLE);
      assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
      assert.equal(await page.locator("html").getAttribute("lang"), "ckb");
      const body = (await page.locator(".article__body").textContent()) ?? "";
      assert.ok(body.includes(UNICODE_TEXT), `the body's text survives: ${JSON.stringify(body)}`);
      await page.waitForLoadState("networkidle");
    });
  });
});
