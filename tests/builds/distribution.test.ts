/**
 * How articles travel: NewsArticle JSON-LD, Open Graph, feeds (read by a real feed parser), a
 * story's corrections in both, sitemaps (validated against the sitemaps.org schema with xmllint),
 * the Google News sitemap's two-day window, robots.txt. Drafts and embargoed stories appear nowhere.
 * The site is the fixture site with a publisher logo and a hostile headline
 * (tests/support/distribution-site.ts), built once; that headline in Chromium is
 * tests/browser/distribution.test.ts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { HOSTILE, makeDistributionSite, PICTURE_TERMS, WIRE_STORY } from "../support/distribution-site.ts";
import { FIXTURES, removeSite } from "../support/fixture-site.ts";
import { xmllintSkipReason } from "../support/xmllint.ts";
import { sitemapPages } from "../../templates/files/sitemaps.ts";
import type { BuildReport } from "../../src/eleventy/plugin.ts";

const BASE = "https://fixture.example.org/";
const ARTICLE = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/";

let root: string;
let report: BuildReport;
const file = (p: string) => readFileSync(path.join(root, "_site", p), "utf8");

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

before(async () => {
  ({ root, report } = await makeDistributionSite());
});
after(() => removeSite(root));

describe("NewsArticle JSON-LD", () => {
  test("every article page carries a NewsArticle with the fields search engines need", () => {
    for (const article of report.model.articles) {
      const [data] = jsonLd(file(article.outputPath)).filter((d) => d["@type"] === "NewsArticle");
      assert.ok(data, article.url);
      for (const key of ["headline", "description", "datePublished", "dateModified", "author", "publisher", "articleSection", "inLanguage", "mainEntityOfPage"]) {
        assert.ok(data[key] !== undefined, `${article.url}: ${key}`);
      }
      assert.match(String(data.datePublished), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
  });

  test("the full story's data: three crops of the hero, offsets, people with their pages, the dateline", () => {
    const [data] = jsonLd(file(`${ARTICLE}index.html`)) as Record<string, any>[];
    assert.equal(data!.headline, "Leaders meet in Moscow as troops leave the north");
    assert.equal(data!.datePublished, "2026-01-28T12:00:00+03:00");
    // Its correction of 29 January, after its update of the 28th, is its last change.
    assert.equal(data!.dateModified, "2026-01-29T09:00:00+03:00");
    assert.deepEqual(data!.author, [{ "@type": "Person", name: "Dilan Example", url: `${BASE}authors/dilan-example/` }]);
    assert.equal(data!.publisher.name, "Fixture Media");
    assert.equal(data!.publisher.logo.url, `${BASE}assets/logo.png`);
    assert.equal(data!.dateline, "ERBIL (Fixture Wire)");
    assert.equal(data!.keywords, "Syria, Russia");
    assert.deepEqual(data!.mainEntityOfPage, { "@type": "WebPage", "@id": `${BASE}${ARTICLE}` });
    // The fixture hero is 960×540: crops as wide as the source allows, in three shapes.
    const images = data!.image as { url: string; width: number; height: number }[];
    assert.equal(images.length, 3);
    const sizes = images.map((image) => /-(\d+)x(\d+)\.jpg$/.exec(image.url)!.slice(1).map(Number));
    assert.deepEqual(sizes, [[960, 540], [720, 540], [540, 540]]);
    assert.deepEqual(images.map((image) => [image.width, image.height]), sizes);
    for (const { url } of images) assert.ok(existsSync(path.join(root, "_site", new URL(url).pathname)), url);
    // The caption's trailing credit is the credit; the site's terms are on every story picture.
    assert.deepEqual(images[0], {
      "@type": "ImageObject",
      url: images[0]!.url,
      contentUrl: images[0]!.url,
      width: 960,
      height: 540,
      caption: "The two leaders at the start of talks.",
      creditText: "Graphics: Fixture Wire",
      ...PICTURE_TERMS,
    });
  });

  test("a picture's own text reaches the page: alt, caption and credit from its XMP, its creator and copyright in the ImageObject", () => {
    const html = file(`${WIRE_STORY}index.html`);
    const [data] = jsonLd(html) as Record<string, any>[];
    const hero = data!.image[0];
    assert.equal(hero.caption, "Ferries wait at the quay as the strait stays closed.");
    assert.equal(hero.creditText, "Photo: Harbour Wire");
    assert.deepEqual(hero.creator, [{ "@type": "Person", name: "Sana Example" }]);
    assert.equal(hero.copyrightNotice, "© 2026 Harbour Wire");
    assert.equal(hero.license, PICTURE_TERMS.license);
    assert.equal(hero.acquireLicensePage, PICTURE_TERMS.acquireLicensePage);
    const figures = [...html.matchAll(/<figure class="([^"]+)">[\s\S]*?<\/figure>/g)];
    assert.equal(figures.length, 2);
    const [top, body] = figures.map((m) => m[0]);
    assert.match(top!, /alt="Three white ferries moored side by side at a grey concrete quay\."/);
    assert.match(top!, /<figcaption><span class="caption">Ferries wait at the quay as the strait stays closed\.<\/span> <span class="credit">Photo: Harbour Wire<\/span><\/figcaption>/);
    // The AI-generated picture says so first, under it, before its caption and credit.
    assert.match(body!, /alt="A wave breaking over a harbour wall under a dark sky\."/);
    assert.match(
      body!,
      /<figcaption><span class="picture-origin">AI-generated image<\/span> <span class="caption">How the storm surge reached the harbour wall, as a model pictured it\.<\/span> <span class="credit">Fixture Desk<\/span><\/figcaption>/,
    );
    assert.doesNotMatch(html, /IIM caption|IIM byline|Harbour Wire Pictures/, "XMP outranks IIM");
  });

  test("a corrected story carries each correction as a CorrectionComment (schema.org `correction`): its text and date", () => {
    const [data] = jsonLd(file(`${ARTICLE}index.html`));
    assert.deepEqual(data!.correction, [{ "@type": "CorrectionComment", text: "An earlier version misstated the date of the first phone call.", datePublished: "2026-01-29T09:00:00+03:00" }]);
    for (const article of report.model.articles.filter((a) => !a.corrections.length)) {
      const [other] = jsonLd(file(article.outputPath)).filter((d) => d["@type"] === "NewsArticle");
      assert.equal(other!.correction, undefined, article.url);
    }
  });

  test("a headline holding </script> and <!-- stays valid JSON and inert text", () => {
    const html = file("world/hostile-headline/index.html");
    const [data] = jsonLd(html);
    assert.equal(data!.headline, HOSTILE.replace(/"quotes"/, "“quotes”"));
    const head = html.slice(0, html.indexOf("</head>"));
    assert.equal((head.match(/<script/g) ?? []).length, 1, "only the JSON-LD script in <head>");
    assert.ok(!head.includes("<!--"));
  });

  test("section, tag and author pages describe themselves: CollectionPage, ProfilePage", () => {
    assert.equal(jsonLd(file("middle-east/index.html"))[0]!["@type"], "CollectionPage");
    assert.equal(jsonLd(file("tags/syria/index.html"))[0]!["@type"], "CollectionPage");
    const profile = jsonLd(file("authors/dilan-example/index.html"))[0] as Record<string, any>;
    assert.equal(profile["@type"], "ProfilePage");
    assert.equal(profile.mainEntity.name, "Dilan Example");
    assert.equal(jsonLd(file("index.html"))[0]!["@type"], "WebSite");
  });
});

test("Open Graph and Twitter cards on an article", () => {
  const html = file(`${ARTICLE}index.html`);
  const meta = (p: string) => [...html.matchAll(new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)">`, "g"))].map((m) => m[1]);
  assert.deepEqual(meta("og:type"), ["article"]);
  assert.deepEqual(meta("og:url"), [`${BASE}${ARTICLE}`]);
  // The story's share card (src/model/share-card.ts): its headline over its picture.
  assert.match(meta("og:image")[0]!, /\/img\/[0-9a-f]{16}-card\.jpg$/);
  assert.ok(existsSync(path.join(root, "_site", new URL(meta("og:image")[0]!).pathname)));
  assert.deepEqual([meta("og:image:width")[0], meta("og:image:height")[0]], ["1200", "630"]);
  assert.deepEqual(meta("og:image:alt"), ["Leaders meet in Moscow as troops leave the north — Two men shake hands in front of flags."]);
  assert.deepEqual(meta("og:locale"), ["en_GB"]);
  assert.deepEqual(meta("article:published_time"), ["2026-01-28T12:00:00+03:00"]);
  assert.deepEqual(meta("article:modified_time"), ["2026-01-29T09:00:00+03:00"]);
  assert.deepEqual(meta("article:section"), ["Middle East"]);
  assert.deepEqual(meta("article:tag"), ["Syria", "Russia"]);
  assert.deepEqual(meta("article:author"), [`${BASE}authors/dilan-example/`]);
  assert.deepEqual(meta("twitter:card"), ["summary_large_image"]);
  assert.match(html, /<meta name="robots" content="max-image-preview:large">/);
  assert.match(html, /<meta name="description" content="Two presidents met/);
});

describe("feeds", () => {
  const published = () => report.model.articles.map((a) => `${BASE}${a.url.slice(1)}`);

  test("RSS and Atom parse in a real feed parser and list the published stories newest first", () => {
    for (const name of ["feed.xml", "atom.xml"]) {
      const feed = parseFeed(file(name));
      assert.deepEqual(feed.items.map((i) => i.url), published(), name);
      assert.equal(feed.url, BASE);
      const full = feed.items.find((i) => i.url === `${BASE}${ARTICLE}`)!;
      assert.equal(full.title, "Leaders meet in Moscow as troops leave the north");
      assert.equal(full.published?.toISOString(), "2026-01-28T09:00:00.000Z");
      // Atom's updated: the correction of 29 January, 09:00 in Baghdad, after the update.
      if (name === "atom.xml") assert.equal(full.updated?.toISOString(), "2026-01-29T06:00:00.000Z");
      assert.deepEqual(full.authors.map((a) => a.name), ["Dilan Example"]);
    }
  });

  test("feed content uses absolute URLs only, and escapes what it holds", () => {
    const rss = parseFeed(file("feed.xml"));
    const hostile = rss.items.find((i) => i.url?.endsWith("/hostile-headline/"))!;
    assert.equal(hostile.title, HOSTILE.replace(/"quotes"/, "“quotes”"));
    const content = rss.items.find((i) => i.url === `${BASE}${ARTICLE}`)!.content!;
    const urls = [...content.matchAll(/(?:href|src)="([^"]+)"|srcset="([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : m[2]!.split(", ").map((s) => s.split(" ")[0]!)));
    assert.ok(urls.length > 5);
    for (const u of urls) assert.ok(u.startsWith(BASE), u);
    assert.match(content, /<img src="https:\/\/fixture.example.org\/img\/[0-9a-f]+-960x540.jpg"/, "the hero leads the content");
  });

  test("the JSON Feed has the same items, with both dates", () => {
    const feed = JSON.parse(file("feed.json"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.language, "en");
    const full = feed.items.find((i: { url: string }) => i.url === `${BASE}${ARTICLE}`);
    assert.equal(full.date_published, "2026-01-28T09:00:00.000Z");
    assert.equal(full.date_modified, "2026-01-29T06:00:00.000Z");
    assert.deepEqual(full.authors, [{ name: "Dilan Example", url: `${BASE}authors/dilan-example/` }]);
    assert.deepEqual(feed.items.map((i: { url: string }) => i.url), published());
  });

  test("a corrected story's item ends with its corrections, dated, in every format", () => {
    const correction = "<p><strong>Correction (29 January 2026, 09:00 GMT+3):</strong> An earlier version misstated the date of the first phone call.</p>";
    for (const name of ["feed.xml", "atom.xml"]) {
      const content = parseFeed(file(name)).items.find((i) => i.url === `${BASE}${ARTICLE}`)!.content!;
      assert.ok(content.trimEnd().endsWith(correction), `${name}: ${content.slice(-300)}`);
    }
    const json = JSON.parse(file("feed.json"));
    assert.ok(json.items.find((i: { url: string }) => i.url === `${BASE}${ARTICLE}`).content_html.endsWith(correction));
    const uncorrected = parseFeed(file("feed.xml")).items.filter((i) => i.url !== `${BASE}${ARTICLE}`);
    for (const i of uncorrected) assert.doesNotMatch(i.content ?? "", /Correction \(/, i.url ?? "");
  });

  test("each section has its own feeds, linked from its page", () => {
    const section = parseFeed(file("middle-east/feed.xml"));
    assert.deepEqual(section.items.map((i) => i.url), [`${BASE}${ARTICLE}`]);
    assert.match(file("middle-east/index.html"), /<link rel="alternate" type="application\/rss\+xml" title="Middle East – Fixture Times \(RSS\)" href="\/middle-east\/feed.xml">/);
    assert.match(file("index.html"), /<link rel="alternate" type="application\/atom\+xml" title="Fixture Times \(Atom\)" href="\/atom.xml">/);
  });
});

describe("sitemaps", () => {
  const xmllint = xmllintSkipReason("schema checks");
  const validate = (files: string[], schema: string) =>
    execFileSync("xmllint", ["--noout", "--schema", path.join(FIXTURES, "schema", schema), ...files], { encoding: "utf8", stdio: "pipe" });

  test("sitemap.xml lists every page but the 404 and empty listings, with lastmod, and validates", { skip: xmllint }, () => {
    validate([path.join(root, "_site/sitemap.xml")], "urlset.xsd");
    const xml = file("sitemap.xml");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.includes(`${BASE}${ARTICLE}`));
    assert.ok(!locs.includes(`${BASE}culture/`), "an empty section is a page, but not one to index");
    assert.match(file("culture/index.html"), /<meta name="robots" content="noindex">/);
    assert.ok(!locs.some((l) => l.includes("404")));
    assert.match(xml, new RegExp(`<loc>${BASE}${ARTICLE}</loc><lastmod>2026-01-29T06:00:00.000Z</lastmod>`), "the story's last change: its correction");
    assert.match(xml, new RegExp(`<loc>${BASE}corrections/</loc><lastmod>2026-01-29T06:00:00.000Z</lastmod>`), "the corrections page, by its newest correction");
  });

  test("the news sitemap holds only stories of the two days before the build, and validates", { skip: xmllint }, () => {
    validate([path.join(root, "_site/news-sitemap.xml")], "urlset.xsd");
    const xml = file("news-sitemap.xml");
    assert.deepEqual([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]), [`${BASE}${ARTICLE}`]);
    assert.match(xml, /<news:publication><news:name>Fixture Times<\/news:name><news:language>en<\/news:language><\/news:publication><news:publication_date>2026-01-28T12:00:00\+03:00<\/news:publication_date>/);
  });

  test("past 50,000 URLs the sitemap becomes an index of sitemaps (here with a limit of 2)", { skip: xmllint }, async () => {
    const entries = report.model.articles.map((a) => ({ url: a.url, lastmod: a.date }));
    const split = sitemapPages(entries, report.model.editions[0]!, 2);
    assert.deepEqual(split.map((p) => p.outputPath), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    const dir = path.join(root, "split");
    await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
    for (const p of split) await writeFile(path.join(dir, p.outputPath), await p.render());
    validate([path.join(dir, "sitemap.xml")], "siteindex.xsd");
    validate([path.join(dir, "sitemap-1.xml"), path.join(dir, "sitemap-2.xml")], "urlset.xsd");
    assert.match(readFileSync(path.join(dir, "sitemap.xml"), "utf8"), /<loc>https:\/\/fixture.example.org\/sitemap-2.xml<\/loc>/);
  });

  test("robots.txt names every edition's sitemaps (the news sitemap where there is recent news)", () => {
    assert.equal(file("robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${BASE}sitemap.xml\nSitemap: ${BASE}news-sitemap.xml\nSitemap: ${BASE}ar/sitemap.xml\nSitemap: ${BASE}ckb/sitemap.xml\n`);
  });
});

test("drafts and embargoed stories appear in no feed, sitemap or listing", () => {
  const everything = ["feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "index.html", "world/index.html", "world/feed.xml"].map(file).join("\n");
  assert.ok(!everything.includes("an-unfinished-draft"));
  assert.ok(!everything.includes("a-story-under-embargo"));
});
