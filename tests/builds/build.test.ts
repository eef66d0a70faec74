/**
 * One whole-site build of tests/fixtures/site through Eleventy, with real sharp, checked page by page.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir, mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { HtmlValidate } from "html-validate";
import sharp from "sharp";
import type { BuildReport } from "../../src/eleventy/plugin.ts";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";
import { writeStory } from "../support/write-story.ts";

let root: string;
let report: BuildReport;
const page = (p: string) => readFileSync(path.join(root, "_site", p), "utf8");
const ARTICLE = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html";
const FLAT = "world/a-flat-file-article-price-with-raw-in-it/index.html";

before(async () => {
  root = await makeFixtureSite();
  // An Arabic article, to check direction.
  const arabic = { title: "الرئيس يصل إلى موسكو", summary: "وصل الرئيس إلى موسكو لإجراء محادثات مع نظيره الروسي يوم الأربعاء." };
  await writeStory(path.join(root, "content/arabic/story.md"), { ...arabic, date: "2026-01-28T13:00:00+03:00", author: "مراسل", section: "World", lang: "ar" }, "وصل الرئيس إلى موسكو.");
  report = await buildFixture(root);
});
after(() => removeSite(root));

test("every published article, section and tag gets a page; drafts and embargoed articles do not", () => {
  for (const p of ["index.html", ARTICLE, FLAT, "middle-east/index.html", "world/index.html", "tags/syria/index.html", "tags/russia/index.html"]) {
    assert.ok(existsSync(path.join(root, "_site", p)), p);
  }
  assert.ok(!existsSync(path.join(root, "_site/world/an-unfinished-draft")));
  assert.ok(!existsSync(path.join(root, "_site/world/a-story-under-embargo")));
  assert.deepEqual(
    report.model.withheld.map((w) => [w.article.sourcePath, w.state]),
    [
      ["content/world/embargoed-story.md", "embargoed"],
      ["content/world/draft-story.md", "draft"],
    ],
  );
  assert.ok(!page("index.html").includes("unfinished draft"));
});

test("the front page lists its edition's published articles newest first", () => {
  const html = page("index.html");
  const order = ["Leaders meet in Moscow", "A flat file article"].map((t) => html.indexOf(t));
  assert.ok(order.every((i) => i > 0), String(order));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(!html.includes("الرئيس يصل إلى موسكو"), "the Arabic story is in the Arabic edition, not the English one");
  assert.ok(page("ar/index.html").includes("الرئيس يصل إلى موسكو"));
});

test("the article page has headline, standfirst, byline and times in the site's zone", () => {
  const html = page(ARTICLE);
  assert.match(html, /<html lang="en" dir="ltr">/);
  assert.match(html, /<h1 class="article__headline">Leaders meet in Moscow as troops leave the north<\/h1>/);
  assert.match(html, /<p class="standfirst">Two presidents met for talks on bases and extradition while equipment left a northern airport.<\/p>/);
  assert.match(html, /By <bdi><a href="\/authors\/dilan-example\/">Dilan Example<\/a><\/bdi>/);
  assert.match(html, /<time datetime="2026-01-28T12:00:00\+03:00">28 January 2026, 12:00 GMT\+3<\/time>/);
  assert.match(html, /Updated <time datetime="2026-01-28T16:45:00\+03:00">16:45 GMT\+3<\/time>/);
  assert.match(html, /<link rel="canonical" href="https:\/\/fixture.example.org\/middle-east\/leaders-meet-in-moscow-as-troops-leave-the-north\/">/);
});

test("the dateline leads the first paragraph", () => {
  assert.match(page(ARTICLE), /<p><span class="dateline">ERBIL \(Fixture Wire\)<\/span>\u00a0– The talks began on Wednesday, officials said.<\/p>/);
});

test("the hero is an eager, high-priority figure with caption and credit apart", () => {
  const hero = page(ARTICLE).match(/<figure class="figure figure--hero">.*?<\/figure>/s)?.[0] ?? "";
  assert.match(hero, /alt="Two men shake hands in front of flags."/);
  assert.match(hero, /loading="eager" fetchpriority="high"/);
  assert.match(hero, /width="960" height="540"/);
  assert.match(hero, /<figcaption><span class="caption">The two leaders at the start of talks.<\/span> <span class="credit">Graphics: Fixture Wire<\/span><\/figcaption>/);
});

test("body figures and inline images are lazy, responsive and credited", () => {
  const html = page(ARTICLE);
  assert.match(html, /<figure class="figure"><picture>.*alt="Trucks on a desert road" loading="lazy".*<span class="credit">Photo: AFP<\/span><\/figcaption><\/figure>/s);
  assert.match(html, /with a small <span class="inline-image"><picture>.*?alt="map pin" loading="lazy"/s);
  assert.match(html, /<h2 id="h-bases-on-the-coast">Bases on the coast<\/h2>/);
});

test("every <img> has width and height, and every srcset file exists", async () => {
  const html = page(ARTICLE);
  const imgs = html.match(/<img [^>]*>/g) ?? [];
  assert.equal(imgs.length, 3);
  for (const img of imgs) assert.match(img, /width="\d+" height="\d+"/);
  const urls = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(", ").map((s) => s.split(" ")[0]!));
  assert.ok(urls.length > 10);
  for (const url of urls) assert.ok(existsSync(path.join(root, "_site", url)), url);
  assert.equal((await readdir(path.join(root, "_site/img"))).length, report.imagesEncoded + report.imagesReused + report.cardsDrawn + report.cardsReused);
});

test("every story's og:image and twitter:image is its share card: a 1200×630 JPEG in img/, with its size and alt text; a story without a picture gets a typographic card", async () => {
  const arabic = report.model.articles.find((a) => a.lang === "ar")!;
  const cards: string[] = [];
  for (const [file, alt] of [
    [ARTICLE, "Leaders meet in Moscow as troops leave the north — Two men shake hands in front of flags."],
    [arabic.outputPath, "الرئيس يصل إلى موسكو"],
  ] as const) {
    const html = page(file);
    const meta = (p: string) => [...html.matchAll(new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)">`, "g"))].map((m) => m[1]);
    const [url] = meta("og:image");
    assert.match(url!, /^https:\/\/fixture\.example\.org\/img\/[0-9a-f]{16}-card\.jpg$/, file);
    assert.deepEqual(meta("twitter:image"), [url], file);
    assert.deepEqual([meta("og:image:width"), meta("og:image:height")], [["1200"], ["630"]], file);
    assert.deepEqual([meta("og:image:alt"), meta("twitter:image:alt")], [[alt], [alt]], file);
    assert.deepEqual(meta("twitter:card"), ["summary_large_image"], file);
    const card = path.join(root, "_site", new URL(url!).pathname);
    const info = await sharp(card).metadata();
    assert.deepEqual([info.format, info.width, info.height], ["jpeg", 1200, 630], file);
    assert.ok(statSync(card).size < 200 * 1024, file);
    cards.push(card);
  }
  // The typographic card is the site's ink where the picture card shows its picture (#eee around a circle).
  const corner = async (card: string) => [...(await sharp(card).extract({ left: 600, top: 10, width: 1, height: 1 }).raw().toBuffer())];
  assert.ok((await corner(cards[0]!)).every((v) => v > 200), "the picture at the top of the English card");
  assert.ok((await corner(cards[1]!)).every((v) => v < 40), "ink at the top of the Arabic story's card");
});

test("corrections are shown, dated", () => {
  assert.match(page(ARTICLE), /<aside class="corrections".*29 January 2026, 09:00 GMT\+3.*An earlier version misstated the date of the first phone call./s);
});

test("a declared section without stories still has a valid page that says so", () => {
  const html = page("culture/index.html");
  assert.match(html, /<h1>Culture<\/h1>/);
  assert.match(html, /<p class="empty">No stories here yet.<\/p>/);
});

test("the 404 page says so, links home, and is not indexed", () => {
  const html = page("404.html");
  assert.match(html, /<h1>Page not found<\/h1>/);
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.doesNotMatch(html, /rel="canonical"/);
});

test("section and tag links lead to their pages", () => {
  const html = page(ARTICLE);
  assert.match(html, /<a href="\/middle-east\/">Middle East<\/a>/);
  assert.match(html, /<a href="\/tags\/syria\/">Syria<\/a>/);
  assert.match(page("tags/syria/index.html"), /Leaders meet in Moscow/);
});

test("template code in a title or body is text, exactly as written", () => {
  const html = page(FLAT);
  assert.match(html, /<h1 class="article__headline">A flat file article {{ price }} with {% raw %} in it<\/h1>/);
  assert.match(html, /Prices are {{ price }} and {% if x %}unchanged{% endif %}./);
});

test("several authors read 'A, B and C'; a profiled author's name links to the author's page", () => {
  assert.match(page(FLAT), /By <bdi>Ana One<\/bdi>, <bdi><a href="\/authors\/ben-two\/">Ben Two<\/a><\/bdi> and <bdi>Cy Three<\/bdi>/);
});

test("an Arabic article is right-to-left", () => {
  const arabic = readFileSync(path.join(root, "_site", report.model.articles.find((a) => a.lang === "ar")!.outputPath), "utf8");
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
});

test("every page is valid HTML (html-validate: standard, a11y and document presets)", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"],
    rules: { "no-trailing-whitespace": "off" },
  });
  const files = (await readdir(path.join(root, "_site"), { recursive: true })).filter((f) => String(f).endsWith(".html"));
  assert.ok(files.length >= 8);
  for (const file of files) {
    const result = await validator.validateString(page(String(file)), String(file));
    const messages = result.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}: ${m.ruleId}: ${m.message}`));
    assert.deepEqual(messages, [], messages.join("\n"));
  }
});

test("a second build encodes no image and draws no share card, and clears folders left by an interrupted build", async () => {
  // pid 2^22+1 is above Linux's default pid_max: no such process is running.
  await mkdir(path.join(root, "_site.staging-4194305/x"), { recursive: true });
  const again = await buildFixture(root);
  assert.ok(!existsSync(path.join(root, "_site.staging-4194305")));
  assert.equal(again.imagesEncoded, 0);
  assert.equal(again.imagesReused, report.imagesEncoded + report.imagesReused);
  assert.equal(again.cardsDrawn, 0, "no share card drawn again");
  assert.equal(again.cardsReused, report.cardsDrawn + report.cardsReused);
});
