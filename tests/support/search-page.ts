/** Reading Dateline's /search/ page in Chromium: its status line, and the links of its results. */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";

/** Waits for the status line to say `text` (it speaks once the results are shown). */
export async function status(page: Page, text: string): Promise<void> {
  await page.locator("#search-status").filter({ hasText: text }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("#search-status").textContent(), text);
}

/** The href of every result's headline link, in order. */
export const resultLinks = (page: Page) => page.locator("#search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
