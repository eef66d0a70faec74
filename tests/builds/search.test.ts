/**
 * Search, as a build writes it: the Pagefind index, a bundle per month and one index per edition's
 * language, of the article pages alone, and the /search/ page's markup. The site (tests/support/
 * search-site.ts) is built once, for a sub-path. The search page in Chromium is
 * tests/browser/search.test.ts.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { DECEMBER, PUBLISHED, searchSite } from "../support/search-site.ts";

let root: string;
let site: string;
let release: () => Promise<void>;

before(async () => {
  ({ root, release } = await searchSite());
  site = path.join(root, "_site");
});
after(() => release?.());

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
