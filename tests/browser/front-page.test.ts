/**
 * The curated front page and the breaking-news bar in Chromium, on a copy of the sample site with a
 * front file and a breaking file per edition, built twice with a fixed clock: before the bar's
 * `until` and after it. At 390 and 1280 px, in each edition (English left to right, Sorani and
 * Arabic right to left): the front file's order is the page's; no navigation link is cut off; nothing
 * is wider than the screen; no headline, standfirst or time line of a card ends on one word; axe
 * passes in light and dark at 390 px. The bar is on a front page, an article and the search page before `until`, and on none of them after.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 * DATELINE_SHOTS=/some/folder writes screenshots of each front page (light and dark) there.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { configure } from "../../.eleventy.ts";
import { buildSite } from "../../src/eleventy/production-build.ts";
import { REPO } from "../../src/shared/repo.ts";
import { browserSkipReason, screenshot, SHOTS_DIR, useBrowsing, type ColorScheme } from "../support/browser.ts";
import { copyPictures } from "../support/copy-pictures.ts";
import { failuresInSchemes } from "../support/page-checks.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { sampleBuilt } from "../support/editions-site.ts";
import { writeStory } from "../support/write-story.ts";

/** The bar is up until 15:00 on the day after the Moscow stories; the first build is before it. */
const BEFORE = "2026-01-29T12:00:00+03:00";
const AFTER = "2026-01-29T15:00:00+03:00";
const UNTIL = "2026-01-29T15:00";

/** Each edition's curated top: its lead, then the stories beside it, by URL path (decoded). */
const FRONTS = [
  {
    code: "en",
    home: "/",
    dir: "ltr",
    file: "front.yaml",
    yaml: "lead: snow-closes-mountain-roads\ntop: [ceyhan-oil-exports, al-sharaa-moscow-putin]\nsections: [World, Middle East, Business, Kurdistan]\n",
    order: ["/kurdistan/snow-closes-mountain-roads/", "/business/ceyhan-oil-exports/", "/middle-east/al-sharaa-moscow-putin/"],
    // World has four stories left (one with a picture, three added below without), Middle East two
    // (the live story among them), Business two, Kurdistan one.
    blocks: [
      { title: "World", stories: 4 },
      { title: "Middle East", stories: 2 },
      { title: "Business", stories: 2 },
      { title: "Kurdistan", stories: 1 },
    ],
  },
  {
    code: "ckb",
    home: "/ckb/",
    dir: "rtl",
    file: "front.ckb.yaml",
    yaml: "lead: بەفری-قورس-ڕێگا-شاخاوییەکانی-هەولێر-و-دهۆکی-داخست\ntop: [شەرع-لە-مۆسکۆ-لەگەڵ-پوتین-کۆبووەوە]\n",
    order: ["/ckb/kurdistan/بەفری-قورس-ڕێگا-شاخاوییەکانی-هەولێر-و-دهۆکی-داخست/", "/ckb/middle-east/شەرع-لە-مۆسکۆ-لەگەڵ-پوتین-کۆبووەوە/"],
    blocks: [],
  },
  {
    code: "ar",
    home: "/ar/",
    dir: "rtl",
    file: "front.ar.yaml",
    // The lead only: the newest other story (the live one) stands beside it.
    yaml: "lead: الشرع-يلتقي-بوتين-في-موسكو\n",
    order: ["/ar/middle-east/الشرع-يلتقي-بوتين-في-موسكو/", "/ar/middle-east/الشرع-في-موسكو-مباشر/"],
    blocks: [],
  },
] as const;

const BARS: Record<string, string> = {
  "breaking.yaml": `text: Polls have closed in the Kurdistan Region's election\nlink: iraq-budget-oil-price\nuntil: ${UNTIL}\n`,
  "breaking.ar.yaml": `text: أُغلقت صناديق الاقتراع في إقليم كوردستان\nlink: https://example.org/live\nuntil: ${UNTIL}\n`,
};

/**
 * What a reader would see wrong, measured in the page (plain JavaScript: a function handed to
 * `page.evaluate` would carry tsx's helpers). A navigation link is cut when it reaches past the
 * screen or past a box that clips it; a text ends on an orphan when its last line holds one word.
 */
const READER_SCRIPT = `(() => {
  const cut = [];
  for (const a of document.querySelectorAll(".masthead a")) {
    const r = a.getBoundingClientRect();
    if (r.width === 0) { cut.push(a.textContent.trim() + " (not shown)"); continue; }
    let inside = r.left >= -0.5 && r.right <= innerWidth + 0.5;
    for (let e = a.parentElement; e && inside; e = e.parentElement) {
      if (getComputedStyle(e).overflowX === "visible") continue;
      const box = e.getBoundingClientRect();
      inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
    }
    if (!inside) cut.push(a.textContent.trim());
  }
  const orphans = [];
  for (const el of document.querySelectorAll(".card__headline, .card__standfirst, .card__meta")) {
    const lines = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rect = Array.from(range.getClientRects()).find((x) => x.width > 0);
        if (!rect) continue;
        const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
        if (line) line.words.push(m[0]); else lines.push({ top: rect.top, words: [m[0]] });
      }
    }
    lines.sort((a, b) => a.top - b.top);
    if (lines.length > 1 && lines[lines.length - 1].words.length === 1) orphans.push(el.className + ": …" + lines[lines.length - 1].words[0]);
  }
  const top = Array.from(document.querySelectorAll(".front-top .card__headline a")).map((a) => decodeURIComponent(new URL(a.href).pathname));
  // A block's first story and the list of the others: side by side when their tops meet.
  const blocks = Array.from(document.querySelectorAll(".front-section")).map((block) => {
    const first = block.querySelector(".front-section__stories > .card");
    const list = block.querySelector(".front-section__stories > .story-list");
    return {
      title: block.querySelector(".block-title").textContent.trim(),
      stories: block.querySelectorAll(".card").length,
      beside: !!list && Math.abs(list.getBoundingClientRect().top - first.getBoundingClientRect().top) < 1,
    };
  });
  const bar = document.querySelector(".breaking");
  return { cut, orphans, top, blocks, bar: bar && { text: bar.textContent.trim(), href: bar.querySelector("a")?.getAttribute("href") ?? null } };
})()`;

interface Reading {
  cut: string[];
  orphans: string[];
  top: string[];
  blocks: { title: string; stories: number; beside: boolean }[];
  bar: { text: string; href: string | null } | null;
}

let root: string;
let before_: StaticServer;
let after_: StaticServer;

let releaseSample: (() => Promise<void>) | undefined;

before(async () => {
  // The sample's pictures, encoded by the shared sample build: in a clean clone, not again here.
  releaseSample = await sampleBuilt();
  root = await mkdtemp(path.join(tmpdir(), "dateline-front-"));
  await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
  await copyPictures(path.join(REPO, ".cache"), path.join(root, ".cache"));
  for (const front of FRONTS) await writeFile(path.join(root, "content/_data", front.file), front.yaml);
  for (const [file, yaml] of Object.entries(BARS)) await writeFile(path.join(root, "content/_data", file), yaml);
  const story = (title: string, section: string, date: string) => ({ title, summary: `${title}: what happened, in a sentence or two for the front page.`, date, author: "Shilan Rashid", section, tags: ["Weather"] });
  for (const [i, title] of ["Ferries stop as gales reach the Baltic", "Rail lines reopen in southern Sweden", "Airports warn of more delays"].entries()) {
    await writeStory(path.join(root, `content/world/extra-${i}.md`), story(title, "World", `2026-01-27T1${5 + i}:00:00+03:00`), "The storm moved east overnight.");
  }
  await writeStory(path.join(root, "content/business/extra-business.md"), story("Dinar holds steady against the dollar", "Business", "2026-01-26T09:00:00+03:00"), "Traders said demand was light.");
  const build = (now: string, output: string) => buildSite({ root, output, configure, overrides: { now, assetsDir: path.join(REPO, "assets"), search: false } });
  await build(BEFORE, "before");
  await build(AFTER, "after");
  [before_, after_] = await Promise.all([serveStatic(path.join(root, "before")), serveStatic(path.join(root, "after"))]);
});
after(async () => {
  await Promise.all([before_?.close(), after_?.close()]);
  await rm(root, { recursive: true, force: true });
  await releaseSample?.();
});

describe("the front page in the browser", { skip: browserSkipReason(), concurrency: 2 }, () => {
  const browsing = useBrowsing();

  for (const front of FRONTS) {
    for (const width of [390, 1280]) {
      test(`${front.code} (${front.dir}) at ${width} px: the curated order, no link cut, nothing too wide, no card text ending on one word`, async () => {
        await browsing.visit(`${before_.url}${front.home.slice(1)}`, { width }, async (opened) => {
          const seen = (await opened.page.evaluate(READER_SCRIPT)) as Reading;
          assert.deepEqual(seen.top, front.order, "the lead and top stories in the front file's order");
          // From 44rem the other stories stand beside the first; under it on a phone.
          const beside = (b: { stories: number }) => width >= 704 && b.stories > 1;
          if (front.blocks.length) assert.deepEqual(seen.blocks, front.blocks.map((b) => ({ ...b, beside: beside(b) })), "the section blocks in the front file's order");
          assert.deepEqual(seen.cut, [], "navigation links cut off");
          assert.deepEqual(seen.orphans, [], "card texts ending on a line of one word");
          // axe at the phone's width, in light and dark (the dark scheme changes colours only); at
          // 1280 px the layout alone, unless screenshots are asked for.
          const phone = width === 390;
          const schemes: ColorScheme[] = phone || SHOTS_DIR ? ["light", "dark"] : ["light"];
          assert.deepEqual(await failuresInSchemes(opened, schemes, { viewportWidth: width, axe: phone }, (scheme) => screenshot(opened.page, `front-${front.code}-${width}-${scheme}`)), []);
        });
      });
    }
  }

  test("the breaking bar: on the pages of its edition before `until`, linking its story or URL; on none after; none in an edition without one", async () => {
    // Every page of the edition carries the bar the same way (the layout's): three kinds are looked at.
    const pages = ["/", "/middle-east/al-sharaa-moscow-putin/", "/search/"];
    for (const page of pages) {
      await browsing.visit(`${before_.url}${page.slice(1)}`, { width: 390 }, async (opened) => {
        const { bar } = (await opened.page.evaluate(READER_SCRIPT)) as Reading;
        assert.deepEqual(bar, { text: "Breaking Polls have closed in the Kurdistan Region’s election", href: "/business/iraq-budget-oil-price/" }, page);
      });
      await browsing.visit(`${after_.url}${page.slice(1)}`, { width: 390 }, async (opened) => {
        assert.equal(((await opened.page.evaluate(READER_SCRIPT)) as Reading).bar, null, `${page} after until`);
      });
    }
    await browsing.visit(`${before_.url}ar/`, { width: 1280 }, async (opened) => {
      assert.deepEqual(((await opened.page.evaluate(READER_SCRIPT)) as Reading).bar, { text: "عاجل أُغلقت صناديق الاقتراع في إقليم كوردستان", href: "https://example.org/live" });
    });
    await browsing.visit(`${before_.url}ckb/`, { width: 1280 }, async (opened) => {
      assert.equal(((await opened.page.evaluate(READER_SCRIPT)) as Reading).bar, null);
    });
  });

  test("an article's related stories, at 390 and 1280 px: no card text ends on one word", async () => {
    for (const width of [390, 1280]) {
      await browsing.visit(`${before_.url}world/snow-grounds-flights-northern-europe/`, { width }, async (opened) => {
        const related = await opened.page.$$eval(".related .card", (cards) => cards.length);
        assert.ok(related > 0, "the story has related stories");
        assert.deepEqual(((await opened.page.evaluate(READER_SCRIPT)) as Reading).orphans, [], `${width} px`);
      });
    }
  });

  test("a section page's grid: a story without a picture has a panel of the picture's shape, so the headlines of a row line up", async () => {
    await browsing.visit(`${before_.url}world/`, { width: 1280 }, async (opened) => {
      const rows = (await opened.page.evaluate(`(() => {
        const rows = new Map();
        for (const li of document.querySelectorAll("main .cards > li")) {
          const top = Math.round(li.getBoundingClientRect().top);
          rows.set(top, [...(rows.get(top) ?? []), Math.round(li.querySelector(".card__headline").getBoundingClientRect().top)]);
        }
        return [...rows.values()];
      })()`)) as number[][];
      assert.ok(rows.flat().length >= 4 && rows[0]!.length > 1, `a grid of several stories: ${JSON.stringify(rows)}`);
      for (const row of rows) assert.equal(new Set(row).size, 1, `headlines of a row at one height: ${JSON.stringify(rows)}`);
    });
  });

  test("the 404 page offers a search form and the newest stories, the lead among them", async () => {
    await browsing.visit(`${before_.url}no-such-page/`, { width: 390, expectStatus: 404 }, async (opened) => {
      const page = opened.page;
      const seen = (await page.evaluate(READER_SCRIPT)) as Reading;
      assert.deepEqual([seen.cut, seen.orphans], [[], []], "no link cut, no card text ending on one word");
      const stories = await page.$$eval("main .story-list .card__headline a", (links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
      assert.ok(stories.includes("/middle-east/al-sharaa-moscow-putin/"), `the newest story is offered: ${stories.join(", ")}`);
      // An ordinary GET form to the search page, which runs the query in the address on load.
      assert.deepEqual(await page.$eval("main form[role=search]", (f) => [f.getAttribute("action"), f.getAttribute("method"), f.querySelector("input[type=search]")?.getAttribute("name")]), ["/search/", "get", "q"]);
    });
  });
});
