/**
 * A site served from a sub-path (https://user.github.io/news/): files are written at the output's
 * root, every link starts with /news/, canonical URLs include it. Two ways to get there: a `url`
 * with a path in site.yaml, and `DATELINE_URL` in the environment (what the GitHub Pages workflow
 * sets), which replaces site.yaml's `url` for one build. How DATELINE_URL is checked, and the
 * preview server's prefix: tests/site/site-config.test.ts; the site under its prefix in Chromium:
 * tests/browser/sub-path.test.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { editFile } from "../support/edit-file.ts";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";
import { ARTICLE_PATH, BASE, pagesUrlSite, PREFIX } from "../support/pages-url-site.ts";

/** Every root-relative URL in attributes of a page (links, sources, srcsets, the search script's). */
function localUrls(html: string): string[] {
  const attrs = [...html.matchAll(/(?:href|src|action|data-[a-z-]+)="([^"]+)"/g)].map((m) => m[1]!);
  const srcsets = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(", ").map((e) => e.split(" ")[0]!));
  return [...attrs, ...srcsets].filter((u) => u.startsWith("/"));
}

describe("url with a path in site.yaml", () => {
  let root: string;
  before(async () => {
    root = await makeFixtureSite();
    await editFile(path.join(root, "content/_data/site.yaml"), (t) => t.replace("url: https://fixture.example.org/", "url: https://user.github.io/news"));
    await buildFixture(root);
  });
  after(() => removeSite(root));

  test("links written `/middle-east/` in a standalone page go under the prefix too", () => {
    const html = readFileSync(path.join(root, "_site/about/index.html"), "utf8");
    assert.match(html, /<a href="\/news\/middle-east\/">our Middle East coverage<\/a>/);
  });

    test("pages are written at the output's root and link under the prefix", () => {
    const html = readFileSync(path.join(root, `_site/${ARTICLE_PATH}index.html`), "utf8");
    assert.match(html, new RegExp(`<link rel="canonical" href="https://user.github.io/news/${ARTICLE_PATH}">`));
    const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !/^(https?:|mailto:|#)/.test(u));
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(link.startsWith("/news/"), link);
    const srcsets = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(", "));
    for (const entry of srcsets) assert.ok(entry.startsWith("/news/img/"), entry);
  });
});

describe("DATELINE_URL, as the GitHub Pages workflow sets it", () => {
  let root: string;
  let release: () => Promise<void>;
  let site: string;
  const file = (p: string) => readFileSync(path.join(site, p), "utf8");

  before(async () => {
    ({ root, release } = await pagesUrlSite());
    site = path.join(root, "_site");
  });
  after(() => release?.());

  test("every page's links, images, canonical URL and structured data are under the prefix", () => {
    for (const page of ["index.html", `${ARTICLE_PATH}index.html`, "middle-east/index.html", "tags/syria/index.html", "authors/dilan-example/index.html", "about/index.html", "404.html", "search/index.html"]) {
      const html = file(page);
      assert.ok(!html.includes("https://fixture.example.org"), `${page} still names site.yaml's url`);
      const urls = localUrls(html);
      assert.ok(urls.length > 5, page);
      for (const u of urls) assert.ok(u.startsWith(PREFIX), `${page}: ${u}`);
    }
    const article = file(`${ARTICLE_PATH}index.html`);
    assert.match(article, new RegExp(`<link rel="canonical" href="${BASE}${ARTICLE_PATH}">`));
    assert.match(article, new RegExp(`<meta property="og:url" content="${BASE}${ARTICLE_PATH}">`));
    assert.match(article, new RegExp(`"mainEntityOfPage":\\{"@type":"WebPage","@id":"${BASE}${ARTICLE_PATH}"\\}`));
  });

  test("the search page loads Pagefind from under the prefix", () => {
    assert.ok(localUrls(file("search/index.html")).some((u) => u.startsWith(`${PREFIX}pagefind/`)));
  });

  test("feeds, sitemaps and robots.txt give absolute URLs under the prefix", () => {
    assert.match(file("feed.xml"), new RegExp(`<link>${BASE}${ARTICLE_PATH}</link>`));
    assert.match(file("atom.xml"), new RegExp(`<link href="${BASE}${ARTICLE_PATH}"/>`));
    assert.equal(JSON.parse(file("feed.json")).home_page_url, BASE);
    assert.match(file("sitemap.xml"), new RegExp(`<loc>${BASE}${ARTICLE_PATH}</loc>`));
    assert.match(file("robots.txt"), new RegExp(`Sitemap: ${BASE}sitemap.xml`));
    for (const f of ["feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt", "middle-east/feed.xml"]) {
      assert.ok(!file(f).includes("https://fixture.example.org"), f);
    }
  });
});
