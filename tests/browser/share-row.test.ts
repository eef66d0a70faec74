/**
 * An article's share row in Chromium, on the sample site's Moscow story in its three editions
 * (tests/support/editions-site.ts, built once and served): "Copy link" puts the story's canonical URL
 * on the clipboard and the status line announces it in the edition's words; without JavaScript the
 * button is not there at all; at 390 px the row fits the screen, and each control is a 44 px target.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 * DATELINE_SHOTS=/some/folder writes screenshots of the row in each edition at 390 px.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, screenshot, useBrowsing } from "../support/browser.ts";
import { buildEditionsSite, MOSCOW, page as builtPage, server } from "../support/editions-site.ts";
import { formatOverflow, measureOverflow } from "../support/page-checks.ts";

buildEditionsSite();

const PHONE = { width: 390 };
const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;
const COPIED = { en: "Link copied", ckb: "لینکەکە کۆپی کرا", ar: "تم نسخ الرابط" };

/** Each control of the row: its name and box. Plain JavaScript source (see page-checks.ts). */
const CONTROLS_SCRIPT = `Array.from(document.querySelectorAll(".share__links :is(a, button)")).map((el) => {
  const r = el.getBoundingClientRect();
  return { name: el.textContent.trim(), left: r.left, right: r.right, width: r.width, height: r.height, shown: r.width > 0 && getComputedStyle(el).visibility === "visible" };
})`;
interface Control {
  name: string;
  left: number;
  right: number;
  width: number;
  height: number;
  shown: boolean;
}

describe("the share row in Chromium", { skip: browserSkipReason() }, () => {
  const browsing = useBrowsing();

  for (const code of ["en", "ckb", "ar"] as const) {
    test(`${code}: “Copy link” puts the story's URL on the clipboard and announces it`, async () => {
      const context = await browsing.context(PHONE);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
      await browsing.visit(url(MOSCOW[code]), PHONE, async ({ page }) => {
        const copy = page.locator("#share-copy");
        assert.ok(await copy.isVisible(), "the script shows the button");
        await copy.click();
        const status = page.locator("#share-status");
        await status.filter({ hasText: COPIED[code] }).waitFor({ timeout: 5000 });
        assert.equal(await page.evaluate("navigator.clipboard.readText()"), builtPage(MOSCOW[code]).canonical);
        assert.equal(await status.getAttribute("role"), "status");
      });
    });
  }

  test("without JavaScript there is no “Copy link”, and the five links are there", async () => {
    await browsing.visit(url(MOSCOW.ckb), { ...PHONE, javaScriptEnabled: false }, async ({ page }) => {
      assert.equal(await page.locator("#share-copy").isVisible(), false);
      const shown = ((await page.evaluate(CONTROLS_SCRIPT)) as Control[]).filter((c) => c.shown);
      assert.equal(shown.length, 5);
    });
  });

  for (const code of ["en", "ckb", "ar"] as const) {
    test(`${code}: at 390 px the row fits the screen, and every control is at least 44 px square`, async () => {
      await browsing.visit(url(MOSCOW[code]), PHONE, async ({ page }) => {
        await page.locator("#share-copy").waitFor({ state: "visible" });
        const overflow = await measureOverflow(page);
        assert.ok(overflow.scrollWidth <= overflow.clientWidth && overflow.offenders.length === 0, formatOverflow(overflow));
        const controls = (await page.evaluate(CONTROLS_SCRIPT)) as Control[];
        assert.equal(controls.length, 6);
        for (const c of controls) {
          assert.ok(c.left >= 0 && c.right <= 390, `${c.name}: ${c.left}–${c.right} is inside the screen`);
          assert.ok(c.width >= 44 && c.height >= 44, `${c.name}: ${c.width}×${c.height}`);
        }
        await page.locator(".share").scrollIntoViewIfNeeded();
        await screenshot(page, `share-row-${code}-390`);
      });
    });
  }
});
