/**
 * Search: the Pagefind index a build writes, and the /search/ page in Chromium. The fixture site is
 * built once, for a sub-path (https://fixture.example.org/news/), and served there, so every URL the
 * search page makes must carry the prefix. Added to the fixture: an Arabic story (one index for every
 * language) and twelve short stories sharing a word (a second page of results).
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail.
 * DATELINE_SHOTS=/some/folder writes screenshots of the search page there.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { writeSearchIndex } from "../src/search/pagefind-index.ts";
import {
  Browsing,
  browserSkipReason,
  formatOverflow,
  formatViolations,
  measureOverflow,
  runAxe,
  screenshot,
  type ColorScheme,
} from "./support/browser.ts";
import { buildFixture, makeFixtureSite, removeSite } from "./support/fixture-site.ts";
import { serveStatic, type StaticServer } from "./support/static-server.ts";

const PREFIX = "/news/";
const ARTICLE = `${PREFIX}middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/`;
const ARTICLE_TITLE = "Leaders meet in Moscow as troops leave the north";
const FLAT = `${PREFIX}world/a-flat-file-article-price-with-raw-in-it/`;
const ARABIC = `${PREFIX}ar/world/arabic-story/`;
/** In the body of ARTICLE only ("## Extradition"; the standfirst says it too). */
const WORD = "extradition";
/** In each of the twelve extra stories, and nowhere else. */
const MANY = "lighthouse";
const EXTRA = 12;
/** Extra stories published in December 2025 (the rest in January 2026). */
const DECEMBER = 6;

let root: string;
let site: string;
/** Articles this build publishes: the fixture's two, the Arabic and hostile ones and the extra ones. */
const PUBLISHED = 4 + EXTRA;

before(async () => {
  root = await makeFixtureSite();
  const siteFile = path.join(root, "content/_data/site.yaml");
  await writeFile(siteFile, (await readFile(siteFile, "utf8")).replace("url: https://fixture.example.org/", `url: https://fixture.example.org${PREFIX}`));
  const world = path.join(root, "content/world");
  await writeFile(
    path.join(world, "arabic-story.md"),
    '---\ntitle: "الرئيس يصل إلى موسكو"\nsummary: "وصل الرئيس إلى موسكو لإجراء محادثات مع نظيره الروسي."\ndate: 2026-01-28T13:00:00+03:00\nauthor: مراسل\nsection: World\nlang: ar\nslug: arabic-story\n---\n\nوصل الرئيس إلى العاصمة الروسية صباح الأربعاء.\n',
  );
  await writeFile(
    path.join(world, "hostile.md"),
    [
      "---",
      `title: "<i>Quayside</i> & <script>alert('title')</script>"`,
      `summary: "<img src=x onerror=alert('summary')> a standfirst holding &amp; and <b>tags</b> about the quayside"`,
      "date: 2026-01-20T10:00:00+03:00",
      "author: Desk",
      "section: World",
      "slug: hostile",
      "---",
      "",
      "The quayside &lt;mark&gt; and <mark>x</mark> and <script>alert('body')</script> stay text.",
    ].join("\n"),
  );
  // Half of them in December: the index is split by month, and a search finds stories of both.
  for (let i = 1; i <= EXTRA; i++) {
    const day = `${i <= DECEMBER ? "2025-12" : "2026-01"}-${String(i).padStart(2, "0")}`;
    await writeFile(
      path.join(world, `extra-${day}.md`),
      `---\ntitle: "Harbour story number ${i}"\nsummary: "A short story about the harbour, number ${i}."\ndate: ${day}T08:00:00+03:00\nauthor: Desk\nsection: World\n---\n\nThe old ${MANY} keeper spoke about the harbour on day ${i}.\n`,
    );
  }
  await buildFixture(root);
  site = path.join(root, "_site");
});
after(() => removeSite(root));

const html = (file: string) => readFileSync(path.join(site, file), "utf8");

test("the build writes a Pagefind index of the articles alone, a bundle per month, one index per edition's language", () => {
  const entry = (bundle: string) => JSON.parse(html(`${bundle}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
  const counts = (bundle: string) => Object.fromEntries(Object.entries(entry(bundle).languages).map(([lang, l]) => [lang, l.page_count]));
  // Pagefind splits pages by <html lang>: the Arabic story is in the Arabic edition's index.
  assert.deepEqual(counts("pagefind/2026-01/"), { ar: 1, en: PUBLISHED - 1 - DECEMBER });
  assert.deepEqual(counts("pagefind/2025-12/"), { en: DECEMBER });
  assert.deepEqual(readdirSync(path.join(site, "pagefind")).filter((f) => /^\d{4}-\d\d$/.test(f)), ["2025-12", "2026-01"]);
  // The newest month is also where tools look for a site's bundle.
  assert.deepEqual(counts("pagefind/"), counts("pagefind/2026-01/"));
  assert.ok(existsSync(path.join(site, "pagefind/pagefind.js")), "_site/pagefind/pagefind.js");
  // The playground is for developers, not for the published site.
  assert.ok(!existsSync(path.join(site, "pagefind/playground")));
});

test("only article pages are marked for indexing; the header, tags, corrections and related stories are left out", () => {
  const article = html("middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html");
  assert.equal(article.match(/data-pagefind-body/g)?.length, 1);
  assert.match(article, /<article class="article" data-pagefind-body data-pagefind-filter="section:Middle East" data-pagefind-meta="date:t\d+">/);
  assert.match(article, /<header class="article__header" data-pagefind-ignore data-pagefind-meta="standfirst:Two presidents met for talks on bases and extradition while equipment left a northern airport.">/);
  assert.match(article, /<div class="article__body" data-pagefind-meta="image:\/news\/img\/[0-9a-f]+-\d+\.jpg">/);
  assert.match(article, /<aside class="corrections" aria-labelledby="corrections-title" data-pagefind-ignore>/);
  assert.match(article, /<footer class="article__footer" data-pagefind-ignore>/);
  for (const file of ["index.html", "middle-east/index.html", "tags/syria/index.html", "search/index.html", "about/index.html", "404.html"]) {
    assert.doesNotMatch(html(file), /data-pagefind-body/, file);
  }
});

test("the search page's form works without the script: a GET to itself, labelled, with every section that has stories", () => {
  const page = html("search/index.html");
  assert.match(page, /<form class="search-form" id="search-form" role="search" action="\/news\/search\/" method="get">/);
  assert.match(page, /<label for="search-q">Search stories<\/label>\s*<input type="search" id="search-q" name="q"/);
  assert.match(page, /<option value="">All sections<\/option><option>Middle East<\/option><option>World<\/option><\/select>/);
  assert.match(page, /<noscript>.*Search needs JavaScript/s);
  // The edition's months, newest first: the first is loaded, the others merged into it.
  assert.match(page, /data-bundles="\/news\/pagefind\/2026-01\/ \/news\/pagefind\/2025-12\/" data-base="\/news\/"/);
  assert.match(html("ar/search/index.html"), /data-bundles="\/news\/pagefind\/2026-01\/" data-base="\/news\/"/);
});

test("every page's masthead links to the search page", () => {
  for (const file of ["index.html", "middle-east/index.html", "about/index.html", "404.html"]) {
    assert.match(html(file), /<p class="masthead__search"><a href="\/news\/search\/">/, file);
  }
  assert.match(html("search/index.html"), /<p class="masthead__search"><a href="\/news\/search\/" aria-current="page">/);
});

test("writeSearchIndex indexes a folder and reports the pages", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-index-"));
  try {
    await writeFile(path.join(dir, "a.html"), '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>Hello</h1><p>World</p></main></body></html>');
    await writeFile(path.join(dir, "b.html"), '<html lang="en"><body><p>A listing, not indexed</p></body></html>');
    const report = await writeSearchIndex(dir);
    assert.equal(report.pages, 1);
    assert.ok(existsSync(path.join(dir, "pagefind/pagefind.js")));
    assert.ok((await readdir(path.join(dir, "pagefind/fragment"))).length === 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe("the search page in the browser", { skip: browserSkipReason(), concurrency: 4 }, () => {
  let server: StaticServer;
  let served: string;
  let browsing: Browsing;
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  before(async () => {
    browsing = await Browsing.start();
    // The site is served under /news/, as on its host.
    served = await mkdtemp(path.join(tmpdir(), "dateline-served-"));
    await mkdir(path.join(served, "nothing-at-the-root"));
    await symlink(site, path.join(served, PREFIX.replace(/\//g, "")));
    server = await serveStatic(served);
  });
  after(async () => {
    await browsing?.close();
    await server?.close();
    if (served) await rm(served, { recursive: true, force: true });
  });

  /** Waits for the status line to say `text` (it speaks once the results are shown). */
  async function status(page: Page, text: string): Promise<void> {
    await page.locator("#search-status").filter({ hasText: text }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator("#search-status").textContent(), text);
  }

  const results = (page: Page) => page.locator("#search-results > li");
  const resultLinks = async (page: Page) => page.locator("#search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));

  test(`/search/?q=${WORD} finds the article: headline, standfirst, section, date, thumbnail, under the prefix`, async () => {
    const opened = await browsing.openPage(url(`${PREFIX}search/?q=${WORD}`), { width: 1280 });
    const { page } = opened;
    try {
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
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  test("typing searches; the section filter narrows the results and is kept in the address", async () => {
    const opened = await browsing.openPage(url(`${PREFIX}search/`), { width: 390 });
    const { page } = opened;
    try {
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
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  test("words only in navigation, listings and bylines find nothing; a story in another edition is found in that edition only", async () => {
    const opened = await browsing.openPage(url(`${PREFIX}search/`), { width: 1280 });
    const { page } = opened;
    try {
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
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  test("ten results at a time; “Show more results” adds the rest and moves focus to the first new one", async () => {
    const opened = await browsing.openPage(url(`${PREFIX}search/?q=${MANY}`), { width: 1280 });
    const { page } = opened;
    try {
      await status(page, `${EXTRA} stories found for “${MANY}”`);
      assert.equal(await results(page).count(), 10);
      const more = page.getByRole("button", { name: "Show more results" });
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length === n, EXTRA);
      assert.ok(await more.isHidden(), "no more results to show");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      assert.equal(focused, (await resultLinks(page))[10]);
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  test("markup in a headline, standfirst or body is shown as text in the results, never run", async () => {
    const article = await browsing.openPage(url(`${PREFIX}world/hostile/`), { width: 1280 });
    const headline = (await article.page.locator("h1").textContent())?.trim();
    const standfirst = (await article.page.locator(".standfirst").textContent())?.trim();
    await article.close();
    const opened = await browsing.openPage(url(`${PREFIX}search/?q=quayside`), { width: 1280 });
    const { page } = opened;
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
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
      await opened.close();
    }
  });

  const views: { width: number; colorScheme: ColorScheme }[] = [
    { width: 1280, colorScheme: "light" },
    { width: 390, colorScheme: "light" },
    { width: 390, colorScheme: "dark" },
  ];
  for (const view of views) {
    test(`with results at ${view.width} px, ${view.colorScheme}: loads cleanly, no axe violations, fits the width`, async () => {
      const opened = await browsing.openPage(url(`${PREFIX}search/?q=${WORD}`), view);
      const { page } = opened;
      try {
        await status(page, `1 story found for “${WORD}”`);
        const failures: string[] = [];
        const violations = await runAxe(page);
        if (violations.length) failures.push(`axe-core found ${violations.length} violated rule(s):\n${formatViolations(violations)}`);
        const overflow = await measureOverflow(page);
        if (overflow.scrollWidth > overflow.clientWidth || overflow.offenders.length) failures.push(formatOverflow(overflow));
        const problems = opened.problems();
        if (problems.length) failures.push(`loaded with problems:\n${problems.map((p) => `  ${p}`).join("\n")}`);
        await screenshot(page, `search ${view.width} ${view.colorScheme}`);
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
