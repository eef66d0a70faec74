/**
 * End-to-end tests in headless Chromium (Debian's, driven by playwright-core): the fixture site, built
 * once for the run (tests/support/fixture-site.ts, plainFixture), served over HTTP, and each kind of
 * page is loaded at a desktop and a phone width and checked in light and dark: no console errors, no failed requests, no axe-core violations, nothing wider than
 * the viewport. Navigation by clicking, and reading with JavaScript off.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail. The static server
 * they use is tested in tests/support/static-server.test.ts.
 * DATELINE_SHOTS=/some/folder writes a screenshot of every page and view there, to look at.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, screenshot, useBrowsing, type ColorScheme, type OpenedPage } from "../support/browser.ts";
import { plainFixture } from "../support/fixture-site.ts";
import { failuresInSchemes } from "../support/page-checks.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const ARTICLE = "/middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/";
const ARTICLE_TITLE = "Leaders meet in Moscow as troops leave the north";
const MISSING = "/no-such-page/";
/** The page of the article's author, Dilan Example (tests/fixtures/site/content/_data/authors.yaml). */
const AUTHOR = "/authors/dilan-example/";

interface PageCase {
  name: string;
  path: string;
  /** The document's expected status. */
  status?: number;
}

const PAGES: PageCase[] = [
  { name: "front page", path: "/" },
  { name: "section page", path: "/middle-east/" },
  { name: "tag page", path: "/tags/syria/" },
  { name: "article with figures", path: ARTICLE },
  { name: "404 page", path: MISSING, status: 404 },
];

interface View {
  width: number;
  /** Checked in turn on one load (tests/support/page-checks.ts, failuresInSchemes). */
  schemes: ColorScheme[];
  /** Run axe-core in this view. */
  axe: boolean;
  /**
   * Loaded in the browser context of this width, resized to `width` first (tests/support/browser.ts,
   * contextWidth): a phone width in the other phone width's context is emulated the same, and saves
   * starting a context and its tabs.
   */
  contextWidth?: number;
}

const VIEWS: View[] = [
  { width: 1280, schemes: ["light", "dark"], axe: true },
  { width: 390, schemes: ["light", "dark"], axe: true },
  // The narrowest phone the design promises: only layout (no overflow) and a clean load.
  { width: 320, schemes: ["light"], axe: false, contextWidth: 390 },
];

const viewName = (v: View) => `${v.width} px, ${v.schemes.join(" and ")}`;

describe("in the browser", { skip: browserSkipReason(), concurrency: 4 }, () => {
  const browsing = useBrowsing(); // first: with CI set, a missing browser fails at once
  let root: string;
  let server: StaticServer;
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  let release: (() => Promise<void>) | undefined;

  // The fixture as built with nothing changed, which the run builds once and these tests only read.
  before(async () => {
    ({ root, release } = await plainFixture());
    server = await serveStatic(path.join(root, "_site"));
  });
  after(async () => {
    await server?.close();
    await release?.();
  });

  /**
   * Checks that a page loaded cleanly, has no axe violations and fits its width, and reports every
   * failure at once; screenshots it (into $DATELINE_SHOTS) before failing, so it can be looked at.
   */
  async function checkPage(opened: OpenedPage, name: string, view: View): Promise<void> {
    const { page } = opened;
    const where = `${name} (${new URL(page.url()).pathname}) at ${viewName(view)}`;
    // A page without `<meta name="viewport">` would be laid out 980 px wide on a phone: the width is checked too.
    const failures = await failuresInSchemes(opened, view.schemes, { axe: view.axe, viewportWidth: view.width }, (scheme) =>
      screenshot(page, `${name} ${view.width} ${scheme}`),
    );
    if (failures.length) assert.fail(`${where}:\n${failures.join("\n")}`);
  }

  for (const p of PAGES) {
    describe(p.name, { concurrency: 4 }, () => {
      for (const view of VIEWS) {
        test(`${p.path} at ${viewName(view)}: loads cleanly${view.axe ? ", no axe violations" : ""}, fits the width`, async () => {
          const opened = await browsing.openPage(url(p.path), { width: view.width, contextWidth: view.contextWidth, expectStatus: p.status ?? 200 });
          try {
            await checkPage(opened, p.name, view);
          } finally {
            await opened.close();
          }
        });
      }
    });
  }

  test("a missing URL gets status 404 and the site's own 404 page", async () => {
    const notFound = await readFile(path.join(root, "_site/404.html"), "utf8");
    const title = /<title>([^<]*)<\/title>/.exec(notFound)?.[1];
    assert.ok(title, "_site/404.html has a title");
    await browsing.visit(url(MISSING), { width: 1280, expectStatus: 404 }, async (opened) => {
      assert.equal(opened.response?.status(), 404);
      assert.equal(await opened.page.title(), decodeEntities(title));
      assert.ok(await opened.page.locator("h1").first().isVisible(), "the 404 page has a visible h1");
      assert.ok(await opened.page.locator(`a[href="/"]`).first().isVisible(), "the 404 page links to the front page");
    });
  });

  for (const width of [1280, 390]) {
    test(`at ${width} px: front page → section (navigation link) → article (headline), by clicking`, async () => {
      await browsing.visit(url("/"), { width }, async ({ page }) => {
        const sectionLink = page.getByRole("navigation").getByRole("link", { name: "Middle East", exact: true }).first();
        await sectionLink.click();
        await page.waitForURL(url("/middle-east/"));
        assert.equal((await page.locator("h1").first().textContent())?.trim(), "Middle East");
        await page.getByRole("main").getByRole("heading", { name: ARTICLE_TITLE }).getByRole("link").click();
        await page.waitForURL(url(ARTICLE));
        assert.equal((await page.locator("h1").first().textContent())?.trim(), ARTICLE_TITLE);
      });
    });
  }

  test("the article reads with JavaScript off: headline and hero image are shown", async () => {
    const opened = await browsing.openPage(url(ARTICLE), { width: 1280, javaScriptEnabled: false });
    const { page } = opened;
    try {
      const h1 = page.locator("h1");
      assert.ok(await h1.isVisible(), "the h1 is visible");
      assert.equal((await h1.textContent())?.trim(), ARTICLE_TITLE);
      const hero = page.getByRole("main").locator("figure img").first();
      assert.ok(await hero.isVisible(), "the hero image is visible");
      const box = await hero.boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50, `the hero image has a size: ${JSON.stringify(box)}`);
      const loaded = await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      assert.ok(loaded, "the hero image loaded");
      assert.deepEqual(opened.problems(), []);
      await screenshot(page, "article no-js 1280 light");
    } finally {
      await opened.close();
    }
  });

  // Author pages (/authors/<slug>/) are found the way a reader finds them: from the article's byline.
  describe("author page", { concurrency: 4 }, () => {
    test("the article's byline links to the author's page, which lists the article", async () => {
      await browsing.visit(url(ARTICLE), { width: 1280 }, async ({ page }) => {
        await page.getByRole("main").locator(`a[href*="/authors/"]`).first().click();
        await page.waitForURL(url(AUTHOR));
        assert.match((await page.locator("h1").first().textContent()) ?? "", /Dilan Example/);
        assert.ok(await page.getByRole("main").locator(`a[href="${ARTICLE}"]`).first().isVisible(), "the author page lists the article");
      });
    });
    for (const view of VIEWS) {
      test(`${AUTHOR} at ${viewName(view)}: loads cleanly${view.axe ? ", no axe violations" : ""}, fits the width`, async () => {
        const opened = await browsing.openPage(url(AUTHOR), { width: view.width, contextWidth: view.contextWidth });
        try {
          await checkPage(opened, "author page", view);
        } finally {
          await opened.close();
        }
      });
    }
  });
});

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
