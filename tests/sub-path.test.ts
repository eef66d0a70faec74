/**
 * A site served from a sub-path (https://user.github.io/news/): files are written at the output's
 * root, every link starts with /news/, canonical URLs include it. Two ways to get there: a `url`
 * with a path in site.yaml, and `DATELINE_URL` in the environment (what the GitHub Pages workflow
 * sets), which replaces site.yaml's `url` for one build and is checked the same way.
 */
import { openProject } from "../src/source/project.ts";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ContentError, findContentError } from "../src/shared/errors.ts";
import { loadSiteConfig, pathPrefixForServer } from "../src/site/site-config.ts";
import { browserSkipReason, Browsing } from "./support/browser.ts";
import { buildFixture, makeFixtureSite, removeSite } from "./support/fixture-site.ts";
import { serveStatic, type StaticServer } from "./support/static-server.ts";

const ARTICLE_PATH = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/";
const ARTICLE_TITLE = "Leaders meet in Moscow as troops leave the north";

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
    const siteFile = path.join(root, "content/_data/site.yaml");
    await writeFile(siteFile, (await readFile(siteFile, "utf8")).replace("url: https://fixture.example.org/", "url: https://user.github.io/news"));
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
    const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith("http") && !u.startsWith("#"));
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(link.startsWith("/news/"), link);
    const srcsets = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(", "));
    for (const entry of srcsets) assert.ok(entry.startsWith("/news/img/"), entry);
  });
});

describe("DATELINE_URL, as the GitHub Pages workflow sets it", () => {
  const BASE = "https://owner.github.io/dateline-site/";
  const PREFIX = "/dateline-site/";
  let root: string;
  let site: string;
  const file = (p: string) => readFileSync(path.join(site, p), "utf8");

  before(async () => {
    root = await makeFixtureSite();
    // site.yaml keeps the newsroom's own https://fixture.example.org/; the environment wins for this build.
    process.env.DATELINE_URL = "https://owner.github.io/dateline-site";
    try {
      await buildFixture(root);
    } finally {
      delete process.env.DATELINE_URL;
    }
    site = path.join(root, "_site");
  });
  after(() => removeSite(root));

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

  test("served under the prefix in Chromium: front page → article by clicking, a search, nothing fails to load", { skip: browserSkipReason() }, async () => {
    const served = await mkdtemp(path.join(tmpdir(), "dateline-pages-"));
    await symlink(site, path.join(served, "dateline-site"));
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

test("DATELINE_URL is checked like site.yaml's url", async () => {
  const root = await makeFixtureSite();
  try {
        const ok = await loadSiteConfig(openProject(root), { DATELINE_URL: "https://owner.github.io/repo" });
    assert.equal(ok.url, "https://owner.github.io/repo/");
    assert.equal(ok.pathPrefix, "/repo/");
    assert.equal((await loadSiteConfig(openProject(root), {})).url, "https://fixture.example.org/");
    for (const bad of ["owner.github.io/repo", "ftp://owner.github.io/", "javascript:alert(1)"]) {
      const error = await loadSiteConfig(openProject(root), { DATELINE_URL: bad }).then(
        () => undefined,
        (e: unknown) => findContentError(e),
      );
      assert.ok(error instanceof ContentError, bad);
      assert.equal(error.problems[0]!.field, "DATELINE_URL");
      assert.match(error.problems[0]!.message, /^expected an absolute http\(s\) URL such as https:\/\/news.example.org\/; got /);
    }
  } finally {
    await removeSite(root);
  }
});

test("npm start serves under the same prefix: read from site.yaml, or DATELINE_URL, or / when unreadable", async () => {
  const root = await makeFixtureSite();
  try {
    const content = path.join(root, "content");
    assert.equal(pathPrefixForServer(content, {}), "/");
    const siteFile = path.join(content, "_data/site.yaml");
    await writeFile(siteFile, (await readFile(siteFile, "utf8")).replace("url: https://fixture.example.org/", "url: https://user.github.io/news"));
    assert.equal(pathPrefixForServer(content, {}), "/news/");
    assert.equal(pathPrefixForServer(content, { DATELINE_URL: "https://example.org/other/" }), "/other/");
    assert.equal(pathPrefixForServer(path.join(root, "nowhere"), {}), "/");
  } finally {
    await removeSite(root);
  }
});
