/**
 * The distribution tests' hostile headline (tests/support/distribution-site.ts) in Chromium: the
 * headline that tries to close the JSON-LD script runs nothing and reads as written.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { browserSkipReason, launchBrowser } from "../support/browser.ts";
import { HOSTILE, makeDistributionSite } from "../support/distribution-site.ts";
import { removeSite } from "../support/fixture-site.ts";
import { serveStatic } from "../support/static-server.ts";

let root: string;

before(async () => {
  ({ root } = await makeDistributionSite());
});
after(() => removeSite(root));

test("in Chromium, a hostile headline runs no script", { skip: browserSkipReason() }, async () => {
  const server = await serveStatic(path.join(root, "_site"));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}world/hostile-headline/`);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator("h1").innerText(), HOSTILE.replace(/"quotes"/, "“quotes”"));
  } finally {
    await browser.close();
    await server.close();
  }
});
