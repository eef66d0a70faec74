/**
 * The sample site's right-to-left editions in Chromium (tests/support/editions-site.ts, built once and
 * served): the Sorani and Arabic Moscow article is mirrored (headline, byline, section label, editions
 * nav, arrows) at a phone and a desktop width, checked in light and dark, loads its self-hosted Arabic-script
 * font, loads cleanly, passes axe and fits; English loads no font; every other kind of RTL page is
 * rtl, clean, passes axe and fits a phone (the corrections page and a corrected story among them).
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 * DATELINE_SHOTS=/some/folder writes screenshots of the Sorani article and the Arabic front page.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, screenshot, useBrowsing, type ColorScheme } from "../support/browser.ts";
import { buildEditionsSite, MOSCOW, server, SNOW } from "../support/editions-site.ts";
import { failuresInSchemes } from "../support/page-checks.ts";

buildEditionsSite();

interface View {
  width: number;
  /** Checked in turn on one load (tests/support/page-checks.ts, failuresInSchemes). */
  schemes: ColorScheme[];
}
const VIEWS: View[] = [
  { width: 390, schemes: ["light", "dark"] },
  { width: 1280, schemes: ["light", "dark"] },
];
const viewName = (v: View) => `${v.width} px, ${v.schemes.join(" and ")}`;

/**
 * Where the article header's parts sit, measured in the page. Plain JavaScript source: a function
 * handed to `page.evaluate` would carry tsx's `__name(...)` calls, undefined in the page.
 * `*Text` is the extent of an element's first line of text (its box may be wider than its words).
 */
const LAYOUT_SCRIPT = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; };
  const firstLine = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const first = rects[0];
    const line = rects.filter((r) => r.top < first.bottom - 2 && r.bottom > first.top + 2);
    return { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)) };
  };
  const h1 = document.querySelector("main h1");
  const byline = document.querySelector("main .byline");
  const label = document.querySelector("main .article__header .label a");
  const editions = Array.from(document.querySelectorAll(".masthead nav.editions a"));
  const name = document.querySelector(".masthead__name a");
  const search = document.querySelector(".masthead__search a");
  return {
    dir: document.documentElement.getAttribute("dir"),
    direction: getComputedStyle(document.documentElement).direction,
    h1: box(h1),
    h1Text: firstLine(h1),
    h1Align: getComputedStyle(h1).textAlign,
    byline: box(byline),
    bylineText: firstLine(byline),
    bylineAlign: getComputedStyle(byline).textAlign,
    bylineDirection: getComputedStyle(byline).direction,
    label: box(label),
    editions: { left: Math.min(...editions.map((a) => box(a).left)), right: Math.max(...editions.map((a) => box(a).right)) },
    name: box(name),
    search: box(search),
  };
})()`;
interface Extent {
  left: number;
  right: number;
}
interface Layout {
  dir: string | null;
  direction: string;
  h1: Extent;
  h1Text: Extent;
  h1Align: string;
  byline: Extent;
  bylineText: Extent;
  bylineAlign: string;
  bylineDirection: string;
  label: Extent;
  editions: Extent;
  name: Extent;
  search: Extent;
}

/**
 * The computed transform of every `.arrow` (the pagination's and "more stories" arrows). The sample
 * site has too few stories for either, so when the page has none one is added, as the templates
 * write it (templates/pages/front.ts), to read the stylesheet's rule for it.
 */
const ARROW_SCRIPT = `(() => {
  let arrows = Array.from(document.querySelectorAll(".arrow"));
  if (!arrows.length) {
    const p = document.createElement("p");
    p.className = "more";
    p.innerHTML = '<a href="#">More <span class="arrow" aria-hidden="true">→</span></a>';
    document.querySelector("main").append(p);
    arrows = Array.from(document.querySelectorAll(".arrow"));
  }
  return arrows.map((a) => getComputedStyle(a).transform);
})()`;

/** The Arabic-script font files the page fetched, with their status (Resource Timing). */
const FONT_REQUESTS_SCRIPT = `performance.getEntriesByType("resource")
  .filter((e) => /\\.woff2(\\?|$)/.test(e.name))
  .map((e) => ({ url: new URL(e.name).pathname, status: e.responseStatus }))`;
const LOADED_FONTS_SCRIPT = `document.fonts.ready.then(() => Array.from(document.fonts)
  .filter((f) => f.status === "loaded")
  .map((f) => f.family.replace(/^["']|["']$/g, "")))`;

describe("in Chromium", { skip: browserSkipReason(), concurrency: 4 }, () => {
  const browsing = useBrowsing(); // with CI set, a missing browser fails here
  /** The served URL of a path (the URL parser percent-encodes its path and query). */
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  const near = (a: number, b: number, tolerance = 2) => Math.abs(a - b) <= tolerance;

  for (const lang of ["ckb", "ar"] as const) {
    describe(`the ${lang} Moscow article`, { concurrency: 4 }, () => {
      for (const view of VIEWS) {
        test(`at ${viewName(view)}: mirrored (headline, byline, label, editions nav, arrows), Arabic-script font loaded, clean, axe, fits`, async () => {
          const opened = await browsing.openPage(url(MOSCOW[lang]), { width: view.width });
          const { page } = opened;
          try {
            const failures = await failuresInSchemes(opened, view.schemes, { scrollingElement: true }, async (scheme) => {
              if (lang === "ckb") await screenshot(page, `editions ckb article ${view.width} ${scheme}`);
            });
            const l = (await page.evaluate(LAYOUT_SCRIPT)) as Layout;
            const layout: string[] = [];
            if (l.dir !== "rtl" || l.direction !== "rtl") layout.push(`dir=${l.dir}, direction ${l.direction}`);
            if (!near(l.h1Text.right, l.h1.right)) layout.push(`the headline's text ends at ${l.h1Text.right}, not at the column's right ${l.h1.right}`);
            if (!["start", "right"].includes(l.h1Align)) layout.push(`the headline is aligned ${l.h1Align}`);
            if (!near(l.byline.right, l.h1.right, 1)) layout.push(`the byline's box ends at ${l.byline.right}, the headline's at ${l.h1.right}`);
            if (!near(l.bylineText.right, l.h1.right)) layout.push(`the byline's text ends at ${l.bylineText.right}, not at the column's right ${l.h1.right}`);
            if (!["start", "right"].includes(l.bylineAlign) || l.bylineDirection !== "rtl") layout.push(`the byline is aligned ${l.bylineAlign}, direction ${l.bylineDirection}`);
            if (view.width >= 1280 && !(l.bylineText.left > l.h1.left + 40)) layout.push(`the byline's text starts at ${l.bylineText.left}, at the column's left ${l.h1.left}`);
            if (!near(l.label.right, l.h1.right)) layout.push(`the section label ends at ${l.label.right}, not at the column's right ${l.h1.right}`);
            if (!(l.label.left > l.h1.left + 40)) layout.push(`the section label starts at ${l.label.left}, at the column's left ${l.h1.left}`);
            // The masthead's start side is the right: the editions nav there (beside the name on a wide
            // screen, in a row above it on a phone), the search link at the left.
            const editionsAtStart = view.width >= 1280 ? l.editions.left > l.name.right : near(l.editions.right, l.h1.right);
            if (!editionsAtStart) layout.push(`the editions nav (${l.editions.left}–${l.editions.right}) is not at the right (name ${l.name.left}–${l.name.right}, column right ${l.h1.right})`);
            if (!(l.search.right < l.name.left)) layout.push(`the search link (${l.search.left}–${l.search.right}) is not left of the name (${l.name.left}–${l.name.right})`);
            const fonts = (await page.evaluate(FONT_REQUESTS_SCRIPT)) as { url: string; status: number }[];
            if (!fonts.some((f) => /^\/fonts\/[^/]+\.woff2$/.test(f.url) && f.status === 200)) layout.push(`no /fonts/*.woff2 loaded with status 200: ${JSON.stringify(fonts)}`);
            const loaded = (await page.evaluate(LOADED_FONTS_SCRIPT)) as string[];
            if (!loaded.includes("Noto Naskh Arabic")) layout.push(`"Noto Naskh Arabic" is not among the loaded fonts: ${JSON.stringify(loaded)}`);
            // Last: it may add an arrow to the page.
            const arrows = (await page.evaluate(ARROW_SCRIPT)) as string[];
            for (const t of arrows) if (t !== "matrix(-1, 0, 0, 1, 0, 0)") layout.push(`an arrow is not mirrored: transform ${t}`);
            failures.push(...layout);
            if (failures.length) assert.fail(`${MOSCOW[lang]} at ${viewName(view)}:\n${failures.join("\n")}`);
          } finally {
            await opened.close();
          }
        });
      }
    });
  }

  test("the English article loads no web font, and its arrows point right", async () => {
    await browsing.visit(url(MOSCOW.en), { width: 1280 }, async (opened) => {
      assert.deepEqual(await opened.page.evaluate(FONT_REQUESTS_SCRIPT), []);
      assert.deepEqual(await opened.page.evaluate(ARROW_SCRIPT), ["none"]);
    });
  });

  interface PageCase {
    name: string;
    path: string;
    views: View[];
    shot?: boolean;
  }
  const phone: View[] = [{ width: 390, schemes: ["light"] }];
  const RTL_PAGES: PageCase[] = [
    { name: "ckb front page", path: "/ckb/", views: phone },
    { name: "ar front page", path: "/ar/", views: VIEWS, shot: true },
    // Corrections (issue 17): the page's entries, and a story's history in its byline, fit a phone.
    { name: "ckb corrections page", path: "/ckb/corrections/", views: phone, shot: true },
    { name: "ckb corrected story", path: SNOW.ckb, views: phone },
    ...(["ckb", "ar"] as const).flatMap((e): PageCase[] => [
      { name: `${e} section page`, path: `/${e}/middle-east/`, views: phone },
      { name: `${e} tag page`, path: e === "ckb" ? "/ckb/tags/سووریا/" : "/ar/tags/سوريا/", views: phone },
      { name: `${e} author page`, path: `/${e}/authors/karwan-mirkhan/`, views: phone },
      { name: `${e} search page`, path: `/${e}/search/`, views: phone },
      { name: `${e} 404 page`, path: `/${e}/404.html`, views: phone },
    ]),
  ];
  describe("RTL pages", { concurrency: 4 }, () => {
    for (const c of RTL_PAGES) {
      for (const view of c.views) {
        test(`${c.name} ${c.path} at ${viewName(view)}: rtl, loads cleanly, no axe violations, fits the width`, async () => {
          const opened = await browsing.openPage(url(c.path), { width: view.width });
          try {
            const failures = await failuresInSchemes(opened, view.schemes, { scrollingElement: true }, async (scheme) => {
              if (c.shot) await screenshot(opened.page, `editions ${c.name} ${view.width} ${scheme}`);
            });
            const dir = await opened.page.evaluate("[document.documentElement.dir, getComputedStyle(document.documentElement).direction]");
            if (JSON.stringify(dir) !== '["rtl","rtl"]') failures.push(`dir, direction: ${JSON.stringify(dir)}`);
            if (failures.length) assert.fail(`${c.path} at ${viewName(view)}:\n${failures.join("\n")}`);
          } finally {
            await opened.close();
          }
        });
      }
    }
  });
});
