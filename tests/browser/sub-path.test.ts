/**
 * A site built for a GitHub Pages sub-path through DATELINE_URL (tests/support/pages-url-site.ts),
 * served under that prefix in Chromium: a reader clicks from the front page to an article and
 * searches, and nothing fails to load.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, Browsing } from "../support/browser.ts";
import { ARTICLE_PATH, pagesUrlSite, PREFIX } from "../support/pages-url-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";

const ARTICLE_TITLE = "Leaders meet in Moscow as troops leave the north";

describe("DATELINE_URL, as the GitHub Pages workflow sets it", () => {
  let root: string;
  let release: () => Promise<void>;
  before(async () => {
    ({ root, release } = await pagesUrlSite());
  });
  after(() => release?.());

  test("served under the prefix in Chromium: front page → article by clicking, a search, nothing fails to load", { skip: browserSkipReason() }, async () => {
    const served = await mkdtemp(path.join(tmpdir(), "dateline-pages-"));
    await symlink(path.join(root, "_site"), path.join(served, "dateline-site"));
    let server: StaticServer | undefined;
    let browsing: Browsing | undefined;
    try {
      server = await serveStatic(served);
      browsing = await Browsing.start();
      const opened = await browsing.openPage(new URL(PREFIX.slice(1), server.url).href, { width: 1280 });
      const { page } = opened;
      // The favicon is asked for after `load`: leaving before it arrives would abort it.
      await page.waitForLoadState("networkidle");
      await page.getByRole("link", { name: ARTICLE_TITLE }).first().click();
      await page.waitForURL(new URL(`${PREFIX.slice(1)}${ARTICLE_PATH}`, server.url).href);
      assert.equal((await page.locator("h1").textContent())?.trim(), ARTICLE_TITLE);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(opened.problems(), []);
      await opened.close();
      const search = await browsing.openPage(new URL(`${PREFIX.slice(1)}search/?q=extradition`, server.url).href, { width: 1280 });
      const result = search.page.locator("#search-results h2 a").first();
      await result.waitFor({ timeout: 10_000 });
      assert.equal(await result.getAttribute("href"), `${PREFIX}${ARTICLE_PATH}`);
      await search.page.waitForLoadState("networkidle");
      assert.deepEqual(search.problems(), []);
      await search.close();
    } finally {
      await browsing?.close();
      await server?.close();
      await rm(served, { recursive: true, force: true });
    }
  });
});
