/**
 * Content safety. Editors are trusted but make mistakes, and pasted text is hostile more often than
 * one thinks. Proven here, on the hostile site (tests/support/hostile-site.ts) built once:
 *
 * - `<script>`, `<iframe>`, event handlers and `javascript:`/`data:` URLs, in the body and in every
 *   frontmatter field (and in sections.yaml, authors.yaml, site.yaml and a standalone page), never
 *   reach a page as live markup: every written page is parsed and searched for live scripts, frames,
 *   handlers and dangerous URLs. Feeds are well-formed XML/JSON holding the text.
 * - Embeds come only through `::: embed` and its allow-list; they are valid HTML.
 * - A 1 MB article and unusual Unicode (RTL marks, emoji ZWJ sequences, combining characters, a
 *   headline in Sorani Kurdish and its percent-encoded URL) build and read correctly.
 *
 * The same site in Chromium, where nothing may run, is tests/browser/content-safety.test.ts; input
 * that is refused (paths out of the repository, a decompression bomb) content-safety-refused.test.ts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { HtmlValidate } from "html-validate";
import {
  evil,
  EVIL_ALT,
  EVIL_AUTHOR,
  EVIL_CREDIT,
  EVIL_PLACE,
  EVIL_SECTION,
  EVIL_SUMMARY,
  EVIL_TAG,
  EVIL_TITLE,
  LAST_WORDS,
  liveMarkup,
  hostileSite,
  SORANI_SLUG,
  SORANI_TITLE,
  UNICODE_TEXT,
} from "../support/hostile-site.ts";
import { xmllintSkipReason } from "../support/xmllint.ts";

/** xmllint checks the feeds are well-formed where it is installed (in CI it must be). */
const xmllint = xmllintSkipReason("feed checks") === undefined;

let root: string;
const site = () => path.join(root, "_site");
const read = (p: string) => readFileSync(path.join(site(), p), "utf8");
let hostileUrl: string;
let release: () => Promise<void>;

before(async () => {
  ({ root, hostileUrl, release } = await hostileSite());
});
after(() => release?.());

// ---- live markup in the written files ------------------------------------------------------------

test("the live-markup check finds what it looks for", () => {
  const found = liveMarkup('<!doctype html><title>t</title><p data-live>x</p><a href=" java\tscript:alert(1)">a</a><img src=x onerror=alert(1) alt=""><iframe src="https://evil.example/"></iframe><script>1</script><object data="x"></object>', false);
  assert.deepEqual(found.map((f) => f.split(/:| java/)[0]), ["payload element", "scriptable URL href=", "event handler onerror", "frame", "script", "element"]);
});

test("no written page holds live markup from content: scripts, frames, handlers, scriptable URLs", async () => {
  // The editing form's page runs the build's own scripts, each with its SRI hash (tests/builds/admin-page.test.ts).
  const pages = (await readdir(site(), { recursive: true })).map(String).filter((f) => f.endsWith(".html") && !f.startsWith("admin/"));
  assert.ok(pages.length > 15);
  const found = pages.flatMap((p) => liveMarkup(read(p), /^(?:[a-z]+\/)?search\/index\.html$/.test(p)).map((f) => `${p}: ${f}`));
  assert.deepEqual(found, []);
});

test("the payloads are on the page as text, exactly as written (typography aside)", () => {
  const html = read(`${hostileUrl.slice(1)}index.html`);
  const text = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const attribute = (s: string) => text(s).replace(/"/g, "&quot;");
  assert.ok(html.includes(`<h1 class="article__headline">${text(EVIL_TITLE)}</h1>`), "headline");
  assert.ok(html.includes(`<p class="standfirst">${text(EVIL_SUMMARY)}</p>`), "standfirst");
  assert.ok(html.includes(`alt="${attribute(EVIL_ALT)}"`), "alt text");
  assert.ok(html.includes(`<span class="credit">${text(EVIL_CREDIT)}</span>`), "credit");
  for (const value of [EVIL_PLACE, EVIL_TAG, EVIL_AUTHOR, EVIL_SECTION, `The crowd ${evil(8)}`]) assert.ok(html.includes(text(value)), value);
  // Raw HTML in the body is a paragraph of text.
  assert.ok(html.includes(text("<script data-live>window.pwned=11</script>")));
  assert.ok(html.includes(text("<iframe data-live src=“https://evil.example/” onload=“window.pwned=13”></iframe>")));
  // Links markdown-it will not make (javascript:, vbscript:, data:) stay text; none is a link.
  assert.ok(html.includes("[inline](javascript:window.pwned=15)"));
  assert.ok(!/href="[^"]*(javascript|vbscript|data):/i.test(html));
});

test("the allowed embeds are there, and nothing else is framed", () => {
  const html = read(`${hostileUrl.slice(1)}index.html`);
  const frames = [...html.matchAll(/<iframe [^>]*src="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(frames, [
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://www.openstreetmap.org/export/embed.html?bbox=43.89464,36.13763,44.12536,36.24237&amp;layer=mapnik&amp;marker=36.19,44.01",
  ]);
  assert.match(html, /<a class="embed__card" href="https:\/\/x.com\/Kurdistan24\/status\/1884321987654321098">/);
  // Captions are text too, and the frame's title is the caption.
  assert.ok(html.includes('title="YouTube video: The speech, in full. &lt;img data-live src=x onerror=window.pwned=22&gt;&lt;script data-live&gt;window.pwned=22&lt;/script&gt;"'));
});

test("the pages with embeds are valid HTML (html-validate)", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"],
    rules: { "no-trailing-whitespace": "off" },
  });
  for (const file of [`${hostileUrl.slice(1)}index.html`, "index.html", "about/index.html"]) {
    const result = await validator.validateString(read(file), file);
    const messages = result.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}: ${m.ruleId}: ${m.message}`));
    assert.deepEqual(messages, [], messages.join("\n"));
  }
});

test("feeds are well-formed and carry the hostile text as text", () => {
  const xml = { rss: read("feed.xml"), atom: read("atom.xml") };
  if (xmllint) execFileSync("xmllint", ["--noout", path.join(site(), "feed.xml")], { stdio: "pipe" });
  const rssItem = parseFeed(xml.rss).items.find((i) => i.url?.endsWith("/hostile/"));
  assert.equal(rssItem?.title, EVIL_TITLE);
  const json = JSON.parse(read("feed.json")) as { items: { url: string; title: string; content_html: string }[] };
  const entry = json.items.find((i) => i.url.endsWith("/hostile/"))!;
  assert.equal(entry.title, EVIL_TITLE);
  // The body a feed reader shows, as the feed holds it (a feed parser would decode it once more):
  // the same rules as the page.
  const item = xml.rss.slice(xml.rss.indexOf("/hostile/</link>"));
  const cdata = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item)?.[1];
  assert.ok(cdata);
  for (const body of [entry.content_html, cdata]) {
    assert.ok(body.includes('<iframe class="embed__frame"'), "the feed body is the rendered article");
    assert.deepEqual(liveMarkup(body, false), []);
  }
  // Outside CDATA sections, the XML holds no element a reader could take for markup (Atom: below).
  assert.ok(!/<(script|iframe|img|svg|details|b)\b/i.test(xml.rss.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")));
});

test(
  "the Atom feed is well-formed XML with a section or tag holding `<`, and carries them as text",
  () => {
    execFileSync("xmllint", ["--noout", path.join(site(), "atom.xml")], { stdio: "pipe" });
    const entry = parseFeed(read("atom.xml")).items.find((i) => i.url?.endsWith("/hostile/"));
    assert.equal(entry?.title, EVIL_TITLE);
    assert.deepEqual(entry?.categories.map((c) => c.label).sort(), [EVIL_SECTION, EVIL_TAG, "Syria"].sort());
  },
);

// ---- Unicode and size ----------------------------------------------------------------------------

test("a Sorani headline keeps its letters in the slug; links percent-encode it; the file is at the decoded path", () => {
  assert.equal(SORANI_SLUG, "کۆبوونەوەی-سەرۆکەکان-لە-هەولێر-بۆ-ئاو-و-کارەبا");
  const encoded = `/ckb/world/${encodeURIComponent(SORANI_SLUG)}/`;
  assert.ok(read("ckb/index.html").includes(`href="${encoded}"`));
  assert.ok(read("ckb/world/index.html").includes(`href="${encoded}"`));
  const page = read(`ckb/world/${SORANI_SLUG}/index.html`);
  assert.ok(page.includes(`<link rel="canonical" href="https://fixture.example.org${encoded}">`));
  assert.ok(page.includes(`<h1 class="article__headline">${SORANI_TITLE}</h1>`));
  // RLM, ZWJ sequences, combining marks and U+2028 are written as they are (NFD stays NFD).
  assert.ok(page.includes(UNICODE_TEXT));
  const json = JSON.parse(read("ckb/feed.json")) as { items: { url: string; title: string; summary: string }[] };
  const item = json.items.find((i) => i.title === SORANI_TITLE);
  assert.equal(item?.url, `https://fixture.example.org${encoded}`);
  assert.ok(item.summary.includes(UNICODE_TEXT));
  // JSON-LD holds U+2028 escaped, and parses back to the same text (checked for every page above).
  assert.ok(!/<script type="application\/ld\+json">[^<]*\u2028/.test(page));
});

test("a 1 MB article builds, and its last paragraph is on the page", () => {
  const source = readFileSync(path.join(root, "content/world/long-report.md"), "utf8");
  assert.ok(source.length > 1_000_000);
  const page = read("world/the-long-report/index.html");
  assert.ok(page.includes(`<p>${LAST_WORDS}</p>`));
  assert.ok(page.includes('<h2 id="h-part-50"'));
  assert.ok(page.length > source.length);
});
