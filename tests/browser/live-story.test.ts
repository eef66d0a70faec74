/**
 * The sample site's live stories in Chromium (content/middle-east/al-sharaa-moscow-live/, ended, and
 * its Arabic counterpart, still live), in the build the editions tests share
 * (tests/support/editions-site.ts): at 390 and 1280 px, left to right and right to left, with
 * JavaScript and without, the page reads whole (the pinned update first, the key events linking to
 * their updates, the others newest first), fits, and passes axe; the finished story reads
 * oldest first at its link; and on the live one, the script puts in an update that appears in
 * `updates.json` (answered by the test: the shared build is only read), and says so.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { browserSkipReason, useBrowsing } from "../support/browser.ts";
import { buildEditionsSite, server, site } from "../support/editions-site.ts";
import { failuresInSchemes } from "../support/page-checks.ts";

buildEditionsSite();
const ENDED = "/middle-east/al-sharaa-moscow-live/";
const LIVE = "/ar/middle-east/الشرع-في-موسكو-مباشر/";

/** What the page shows of its updates, in the order of the document and of the screen. */
const READ_SCRIPT = `(() => {
  const times = (list) => list.map((u) => u.querySelector(".live-update__time time").getAttribute("datetime"));
  const updates = Array.from(document.querySelectorAll("#live-updates > .live-update"));
  const onScreen = [...updates].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  return {
    pinned: times(Array.from(document.querySelectorAll(".live__pinned .live-update"))),
    document: times(updates),
    screen: times(onScreen),
    keyEvents: Array.from(document.querySelectorAll(".key-events a")).map((a) => !!document.getElementById(a.hash.slice(1))),
    label: document.querySelector(".article__header .live-label")?.textContent ?? null,
    status: document.getElementById("live-status")?.textContent ?? null,
  };
})()`;

interface Reading {
  pinned: string[];
  document: string[];
  screen: string[];
  keyEvents: boolean[];
  label: string | null;
  status: string | null;
}

const newestFirst = (times: string[]) => [...times].sort((a, b) => Date.parse(b) - Date.parse(a));

describe("live stories in the browser", { skip: browserSkipReason(), concurrency: 2 }, () => {
  const browsing = useBrowsing();

  // Each story at both widths, once with JavaScript (and axe) and once without: every width,
  // direction and state is seen, the markup being the same at every width.
  for (const [name, url, dir, views] of [
    ["the finished English story", ENDED, "ltr", [[1280, true], [390, false]]],
    ["the live Arabic story", LIVE, "rtl", [[390, true], [1280, false]]],
  ] as const) {
    for (const [width, javaScriptEnabled] of views) {
      test(`${name} (${dir}) at ${width} px, JavaScript ${javaScriptEnabled ? "on" : "off"}: pinned first, key events that lead somewhere, the rest newest first; it fits${javaScriptEnabled ? " and passes axe" : ""}`, async () => {
        await browsing.visit(encodeURI(`${server.url}${url.slice(1)}`), { width, javaScriptEnabled }, async (opened) => {
          const seen = (await opened.page.evaluate(READ_SCRIPT)) as Reading;
          assert.equal(seen.pinned.length, 1, "one pinned update");
          assert.ok(seen.document.length >= 2 && !seen.document.includes(seen.pinned[0]!), "the others, without the pinned one");
          assert.deepEqual(seen.document, newestFirst(seen.document));
          assert.ok(seen.keyEvents.length > 0 && seen.keyEvents.every(Boolean), "every key event links to an update on the page");
          assert.equal(seen.label, url === LIVE ? "مباشر" : null, "the live label only while live");
          const failures = await failuresInSchemes(opened, ["light"], { viewportWidth: width, axe: javaScriptEnabled });
          assert.deepEqual(failures, []);
        });
      });
    }
  }

  test("the finished story reads oldest first at its link, and newest first again at the other", async () => {
    await browsing.visit(`${server.url}${ENDED.slice(1)}`, { width: 390 }, async (opened) => {
      const page = opened.page;
      await page.click(".live__order a[href='#oldest-first']");
      await page.waitForFunction("location.hash === '#oldest-first'");
      const oldest = (await page.evaluate(READ_SCRIPT)) as Reading;
      assert.deepEqual(oldest.screen, [...oldest.document].reverse());
      await page.click(".live__order a[href='#live-title']");
      await page.waitForFunction("location.hash === '#live-title'");
      const newest = (await page.evaluate(READ_SCRIPT)) as Reading;
      assert.deepEqual(newest.screen, newest.document);
    });
  });

  test("on the live story, an update that appears in updates.json is put at the top, and the status line says so", async () => {
    const written = JSON.parse(await readFile(path.join(site, decodeURIComponent(LIVE).slice(1), "updates.json"), "utf8")) as { updates: { id: string; time: string; html: string }[] };
    await browsing.visit(encodeURI(`${server.url}${LIVE.slice(1)}`), { width: 390 }, async (opened) => {
      const page = opened.page;
      const fresh = { id: "update-20260128T140000Z", time: "2026-01-28T17:00:00+03:00", html: `<article class="live-update" id="update-20260128T140000Z"><h3 class="live-update__header"><a class="live-update__time" href="#update-20260128T140000Z"><time datetime="2026-01-28T17:00:00+03:00">17:00</time></a></h3><div class="live-update__body"><p>تحديث جديد.</p></div></article>` };
      // The file as the next build would write it, with one update more.
      await page.route("**/updates.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...written, updates: [fresh, ...written.updates] }) }));
      // The script asks every minute and when the page becomes visible: this asks now.
      await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
      await page.waitForSelector("#live-updates > #update-20260128T140000Z:first-child");
      const seen = (await page.evaluate(READ_SCRIPT)) as Reading;
      assert.equal(seen.document[0], "2026-01-28T17:00:00+03:00");
      assert.equal(seen.status, "تحديث جديد واحد");
      await page.unroute("**/updates.json");
    });
  });
});
