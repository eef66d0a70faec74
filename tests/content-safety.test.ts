/**
 * Content safety. Editors are trusted but make mistakes, and pasted text is hostile more often than
 * one thinks. Proven here, on a fixture site built once:
 *
 * - `<script>`, `<iframe>`, event handlers and `javascript:`/`data:` URLs, in the body and in every
 *   frontmatter field (and in sections.yaml, authors.yaml, site.yaml and a standalone page), never
 *   reach a page as live markup: every written page is parsed and searched for live scripts, frames,
 *   handlers and dangerous URLs, and the article, front, section, tag, author and search pages are
 *   opened in Chromium, where nothing may run. Feeds are well-formed XML/JSON holding the text.
 * - Embeds come only through `::: embed` and its allow-list; they are valid HTML and pass axe.
 * - Image paths that leave the repository, image URLs (`data:` too) and a 30,000 × 30,000 pixel
 *   "decompression bomb" are refused with clear messages.
 * - A 1 MB article and unusual Unicode (RTL marks, emoji ZWJ sequences, combining characters, a
 *   headline in Sorani Kurdish and its percent-encoded URL) build and read correctly.
 *
 * Every payload element carries `data-live`: any element with it in a page is markup that came alive.
 * Payloads that could run set `window.pwned` or call alert(): neither may happen.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { parseFeed } from "@rowanmanning/feed-parser";
import { HtmlValidate } from "html-validate";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import type { Dialog, Page } from "playwright-core";
import { ContentError, findContentError, type Problem } from "../src/shared/errors.ts";
import { slugOf } from "../src/site/slugs.ts";
import { browserSkipReason, Browsing, formatViolations, IN_CI, runAxe } from "./support/browser.ts";
import { buildFixture, jpeg, makeFixtureSite, removeSite, REPO, resetContent } from "./support/fixture-site.ts";
import { serveStatic, type StaticServer } from "./support/static-server.ts";

// ---- the hostile site ----------------------------------------------------------------------------

/** A payload for one place: markup that would run `window.pwned = n` (and show a dialog) if it were live. */
const evil = (n: number) => `<img data-live src=x onerror=window.pwned=${n}><script data-live>window.pwned=${n}</script>`;
const EVIL_SECTION = `Opinion ${evil(1)}`;
const EVIL_AUTHOR = `Eve ${evil(2)}`;
const EVIL_TAG = `Leaks <svg data-live onload=alert(3)>`;
const EVIL_TITLE = `Headline ${evil(4)} <iframe data-live src=javascript:alert(4)></iframe> ]]><b data-live>cdata</b>`;
const EVIL_SUMMARY = `A standfirst long enough to pass, with ${evil(5)} and <a data-live href=javascript:alert(5)>a link</a> in it`;
const EVIL_PLACE = `ERBIL <details data-live open ontoggle=alert(6)>`;
const EVIL_ALT = `A crowd "><img data-live src=x onerror=alert(7)>`;
const EVIL_CAPTION = `The crowd ${evil(8)}`;
const EVIL_CREDIT = `AFP <b data-live onmouseover=alert(9)>`;
const EVIL_CORRECTION = `We got it wrong ${evil(10)} <a data-live href="data:text/html,<script>alert(10)</script>">see</a>`;
/** In the body: unique word for the search, raw HTML, dangerous links in every Markdown form, and the three embeds. */
const SEARCH_WORD = "quinquereme";
const EVIL_BODY = `The ${SEARCH_WORD} arrived. <script data-live>window.pwned=11</script> and <img data-live src=x onerror=window.pwned=12>.

<iframe data-live src="https://evil.example/" onload="window.pwned=13"></iframe>

<div data-live onclick="window.pwned=14">A raw block.</div>

Links: [inline](javascript:window.pwned=15), [entity](&#106;avascript:alert(16)), [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=),
[vb](vbscript:msgbox(18)), [reference][evil], <javascript:alert(19)> and [spaced](  JAVASCRIPT:alert(20)).

[evil]: javascript:alert(21)

::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ
The speech, in full. ${evil(22)} (Video: Reuters)
:::

::: embed https://x.com/Kurdistan24/status/1884321987654321098
The ministry's post. ${evil(23)}
:::

::: embed map 36.19,44.01 zoom 12
Erbil, where it happened. ${evil(24)}
:::

The last paragraph.
`;

const yaml = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

const SORANI_TITLE = "کۆبوونەوەی سەرۆکەکان لە هەولێر بۆ ئاو و کارەبا";
const SORANI_SLUG = slugOf(SORANI_TITLE);
/** RLM, ZWJ sequences (family, rainbow flag), a skin tone, a flag, NFD combining marks, stacked marks, an astral CJK character, U+2028. */
const UNICODE_TEXT = "Before\u200F after; 👨‍👩‍👧‍👦 🏳️‍🌈 👋🏽 🇮🇶; Cafe\u0301 and a\u0301\u0302\u0303\u0304; 𠀋; line\u2028separator.";

const LAST_WORDS = "This is the very last paragraph of a one-megabyte article, and it is on the page.";

/** xmllint checks the feeds are well-formed where it is installed (in CI it must be). */
const xmllint = (() => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return IN_CI;
  }
})();

let root: string;
const site = () => path.join(root, "_site");
const read = (p: string) => readFileSync(path.join(site(), p), "utf8");
let hostileUrl: string;

async function writeHostileSite(): Promise<void> {
  const data = path.join(root, "content/_data");
  await writeFile(
    path.join(data, "site.yaml"),
    (await readFile(path.join(data, "site.yaml"), "utf8")).replace("name: Fixture Times", `name: ${yaml(`Fixture Times ${evil(30)}`)}`),
  );
  await writeFile(
    path.join(data, "sections.yaml"),
    `${await readFile(path.join(data, "sections.yaml"), "utf8")}- name: ${yaml(EVIL_SECTION)}\n  description: ${yaml(`Opinion pieces ${evil(31)}`)}\n`,
  );
  await writeFile(
    path.join(data, "authors.yaml"),
    `${await readFile(path.join(data, "authors.yaml"), "utf8")}- name: ${yaml(EVIL_AUTHOR)}\n  role: ${yaml(`Columnist ${evil(32)}`)}\n  bio: ${yaml(`Eve writes ${evil(33)} <iframe data-live src=javascript:alert(33)></iframe>`)}\n  links:\n    - label: ${yaml(`Home ${evil(34)}`)}\n      url: https://eve.example/?q=%3Cscript%3E\n`,
  );
  await writeFile(
    path.join(root, "content/_pages/about.md"),
    `---\ntitle: ${yaml(`About ${evil(35)}`)}\nsummary: ${yaml(`Who we are ${evil(36)}`)}\norder: 1\n---\n\nWe are ${evil(37)} [here](javascript:alert(37)).\n`,
  );
  const dir = path.join(root, "content/opinion/hostile");
  await mkdir(dir, { recursive: true });
  await jpeg(path.join(dir, "crowd.jpg"), 640, 360, "#335577");
  await writeFile(
    path.join(dir, "index.md"),
    [
      "---",
      `title: ${yaml(EVIL_TITLE)}`,
      `summary: ${yaml(EVIL_SUMMARY)}`,
      "date: 2026-01-29T10:00:00+03:00",
      `author: ${yaml(EVIL_AUTHOR)}`,
      `section: ${yaml(EVIL_SECTION)}`,
      `tags: [${yaml(EVIL_TAG)}, Syria]`,
      "dateline:",
      `  place: ${yaml(EVIL_PLACE)}`,
      `  source: ${yaml(`Wire ${evil(25)}`)}`,
      "image:",
      "  src: ./crowd.jpg",
      `  alt: ${yaml(EVIL_ALT)}`,
      `  caption: ${yaml(EVIL_CAPTION)}`,
      `  credit: ${yaml(EVIL_CREDIT)}`,
      "corrections:",
      "  - date: 2026-01-29T12:00:00+03:00",
      `    text: ${yaml(EVIL_CORRECTION)}`,
      "slug: hostile",
      "---",
      "",
      EVIL_BODY,
    ].join("\n"),
  );
  // Unusual Unicode: a Sorani headline, right to left, and the rest in the body, a tag and the standfirst.
  await writeFile(
    path.join(root, "content/world/sorani.md"),
    `---\ntitle: ${yaml(SORANI_TITLE)}\nsummary: ${yaml(`سەرۆکەکان لە هەولێر کۆبوونەوە ${UNICODE_TEXT}`)}\ndate: 2026-01-29T11:00:00+03:00\nauthor: ${yaml("ڕێپۆرتەر")}\nsection: World\nlang: ckb\ntags: [${yaml("کوردستان")}, ${yaml("Emoji 🏳️‍🌈")}]\n---\n\nسەرۆکەکان لە هەولێر کۆبوونەوە.\n\n${UNICODE_TEXT}\n`,
  );
  // A 1 MB article: paragraphs, subheads, lists and emphasis, then one last paragraph.
  const paragraph = (i: number) => `Paragraph ${i} of the long report, with *emphasis*, a [link](https://example.org/${i}) and figures: ${"the budget rose by 4.5 per cent while oil exports held steady at 400,000 barrels a day; ".repeat(4)}`;
  const blocks: string[] = [];
  for (let i = 1; blocks.join("\n\n").length < 1_050_000; i++) {
    if (i % 40 === 0) blocks.push(`## Part ${i / 40}`, "- one point\n- another point");
    blocks.push(paragraph(i));
  }
  blocks.push(LAST_WORDS);
  await writeFile(
    path.join(root, "content/world/long-report.md"),
    `---\ntitle: "The long report"\nsummary: "A very long article, of a megabyte of Markdown, that must build like any other."\ndate: 2026-01-29T09:00:00+03:00\nauthor: Desk\nsection: World\n---\n\n${blocks.join("\n\n")}\n`,
  );
}

before(async () => {
  root = await makeFixtureSite();
  await writeHostileSite();
  const report = await buildFixture(root);
  hostileUrl = report.model.articles.find((a) => a.slug === "hostile")!.url;
});
after(() => removeSite(root));

// ---- live markup in the written files ------------------------------------------------------------

type Element = DefaultTreeAdapterMap["element"];
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite", "background", "srcset", "ping"]);
const ALLOWED_FRAMES = [/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}(\?start=\d+)?$/, /^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?/];

function* elements(node: DefaultTreeAdapterMap["parentNode"]): Generator<Element> {
  for (const child of node.childNodes) {
    if ("tagName" in child) {
      yield child;
      yield* elements("content" in child ? child.content : child);
    }
  }
}

/**
 * Everything in a page that is markup no editor may create: payload elements, any script but
 * JSON-LD (and the search page's own), frames off the allow-list, event handlers, scriptable URLs.
 */
function liveMarkup(html: string, isSearchPage: boolean): string[] {
  const found: string[] = [];
  for (const el of elements(parse(html))) {
    const attrs = new Map(el.attrs.map((a) => [a.name.toLowerCase(), a.value]));
    const where = `<${el.tagName} ${el.attrs.map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(" ")}>`;
    if (attrs.has("data-live")) found.push(`payload element: ${where}`);
    for (const name of attrs.keys()) if (name.startsWith("on")) found.push(`event handler ${name}: ${where}`);
    for (const [name, value] of attrs) {
      if (!URL_ATTRIBUTES.has(name)) continue;
      // Browsers ignore tabs, newlines and leading spaces inside a scheme.
      const urls = name === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value];
      for (const url of urls) if (/^(javascript|data|vbscript):/i.test(url.replace(/[\u0000-\u0020]/g, ""))) found.push(`scriptable URL ${name}=${url}: ${where}`);
    }
    if (el.tagName === "script") {
      const type = attrs.get("type");
      const text = el.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
      const searchOwn = isSearchPage && (type === "module" || (type === "application/json" && attrs.get("id") === "search-words")) && !attrs.has("src");
      if (type !== "application/ld+json" && !searchOwn) found.push(`script: ${where}`);
      // A script's text may not close it early; JSON-LD must still parse.
      if (type === "application/ld+json") {
        try {
          JSON.parse(text);
        } catch {
          found.push(`JSON-LD that does not parse: ${text.slice(0, 80)}`);
        }
      }
    }
    if (el.tagName === "iframe" && !ALLOWED_FRAMES.some((re) => re.test(attrs.get("src") ?? ""))) found.push(`frame: ${where}`);
    if (["object", "embed", "frame", "frameset", "applet", "base", "form"].includes(el.tagName) && !(isSearchPage && el.tagName === "form")) {
      found.push(`element: ${where}`);
    }
    if (el.tagName === "meta" && /refresh/i.test(attrs.get("http-equiv") ?? "")) found.push(`refresh: ${where}`);
  }
  return found;
}

test("the live-markup check finds what it looks for", () => {
  const found = liveMarkup('<!doctype html><title>t</title><p data-live>x</p><a href=" java\tscript:alert(1)">a</a><img src=x onerror=alert(1) alt=""><iframe src="https://evil.example/"></iframe><script>1</script><object data="x"></object>', false);
  assert.deepEqual(found.map((f) => f.split(/:| java/)[0]), ["payload element", "scriptable URL href=", "event handler onerror", "frame", "script", "element"]);
});

test("no written page holds live markup from content: scripts, frames, handlers, scriptable URLs", async () => {
  const pages = (await readdir(site(), { recursive: true })).map(String).filter((f) => f.endsWith(".html"));
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

// ---- in Chromium ---------------------------------------------------------------------------------

describe("in Chromium, nothing runs", { skip: browserSkipReason() }, () => {
  let server: StaticServer;
  let browsing: Browsing;
  const VIEW = { width: 1280 };
  /** Requests to the embeds' hosts get a stub page: the test has no network, and must see what is asked. */
  const framed: string[] = [];

  before(async () => {
    server = await serveStatic(site());
    browsing = await Browsing.start();
    await (await browsing.context(VIEW)).route(/^https:\/\/(www\.youtube-nocookie\.com|www\.openstreetmap\.org)\//, (route) => {
      framed.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=en><title>stub</title><p>embedded" });
    });
  });
  after(async () => {
    await browsing?.close();
    await server?.close();
  });

  /** Opens a page, checks that nothing ran and the DOM holds no live markup; returns the page, open. */
  async function inert(pathname: string, check?: (page: Page) => Promise<void>): Promise<void> {
    const dialogs: string[] = [];
    const context = await browsing.context(VIEW);
    const onDialog = (d: Dialog) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    context.on("dialog", onDialog);
    const opened = await browsing.openPage(new URL(pathname.slice(1), server.url).href, VIEW);
    const { page } = opened;
    try {
      await page.waitForLoadState("networkidle");
      const dom = (await page.evaluate("document.documentElement.outerHTML")) as string;
      assert.deepEqual(liveMarkup(`<!doctype html>${dom}`, pathname.startsWith("/search/")), [], pathname);
      // Then the page's own checks (which may add axe's script to it).
      await check?.(page);
      await page.waitForLoadState("networkidle");
      assert.equal(await page.evaluate("window.pwned"), undefined, `${pathname}: a payload ran`);
      assert.deepEqual(dialogs, [], `${pathname}: a payload opened a dialog`);
      assert.deepEqual(opened.problems(), [], pathname);
    } finally {
      context.off("dialog", onDialog);
      await opened.close();
    }
  }

  test("the article: headline and caption as text; the embeds load from their hosts only; axe passes", async () => {
    await inert(hostileUrl, async (page) => {
      assert.equal(await page.locator("h1").innerText(), EVIL_TITLE);
      assert.equal(await page.locator("iframe").count(), 2);
      assert.equal(await page.locator("iframe").first().getAttribute("title"), `YouTube video: The speech, in full. ${evil(22)}`);
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], formatViolations(violations));
    });
    assert.deepEqual(framed.map((u) => new URL(u).origin).sort(), ["https://www.openstreetmap.org", "https://www.youtube-nocookie.com"]);
  });

  for (const [name, pathname] of [
    ["front page", "/"],
    ["section page", `/${slugOf(EVIL_SECTION)}/`],
    ["tag page", `/tags/${slugOf(EVIL_TAG)}/`],
    ["author page", `/authors/${slugOf(EVIL_AUTHOR)}/`],
    ["standalone page", "/about/"],
  ] as const) {
    test(`the ${name}`, async () => {
      await inert(pathname, async (page) => {
        assert.ok((await page.locator("main").innerText()).length > 0);
      });
    });
  }

  test("the author page shows the bio as text", async () => {
    await inert(`/authors/${slugOf(EVIL_AUTHOR)}/`, async (page) => {
      assert.match(await page.locator("main").innerText(), /Eve writes <img data-live src=x onerror=window.pwned=33>/);
    });
  });

  test("a search that finds the hostile article shows its headline as text", async () => {
    await inert(`/search/?q=${SEARCH_WORD}`, async (page) => {
      const result = page.locator("#search-results h2 a").first();
      await result.waitFor({ timeout: 10_000 });
      assert.equal(await result.innerText(), EVIL_TITLE);
      const dom = (await page.evaluate("document.documentElement.outerHTML")) as string;
      assert.deepEqual(liveMarkup(`<!doctype html>${dom}`, true), [], "the results");
    });
  });

  test("the Sorani article, reached by clicking its link on the Sorani front page", async () => {
    const opened = await browsing.openPage(new URL("ckb/", server.url).href, VIEW);
    const { page } = opened;
    try {
      await page.waitForLoadState("networkidle");
      const link = page.getByRole("link", { name: SORANI_TITLE }).first();
      assert.equal(await link.getAttribute("href"), `/ckb/world/${encodeURIComponent(SORANI_SLUG)}/`);
      await link.click();
      await page.waitForURL(new URL(`ckb/world/${encodeURIComponent(SORANI_SLUG)}/`, server.url).href);
      assert.equal(await page.locator("h1").innerText(), SORANI_TITLE);
      assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
      assert.equal(await page.locator("html").getAttribute("lang"), "ckb");
      const body = (await page.locator(".article__body").textContent()) ?? "";
      assert.ok(body.includes(UNICODE_TEXT), `the body's text survives: ${JSON.stringify(body)}`);
      await page.waitForLoadState("networkidle");
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });
});

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

// ---- refused input -------------------------------------------------------------------------------

describe("refused input", () => {
  let broken: string;
  before(async () => {
    broken = await makeFixtureSite();
  });
  after(() => removeSite(broken));

  async function problemsOf(change: () => Promise<void>): Promise<Problem[]> {
    await resetContent(broken);
    await change();
    let caught: unknown;
    try {
      await buildFixture(broken);
    } catch (error) {
      caught = error;
    }
    const content = findContentError(caught);
    assert.ok(content instanceof ContentError, `expected a ContentError, got ${String(caught)}`);
    return [...content.problems];
  }
  const STORY = "content/news/full-story/index.md";
  const edit = async (change: (t: string) => string) => {
    const file = path.join(broken, STORY);
    await writeFile(file, change(await readFile(file, "utf8")));
  };
  const brief = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`);

  test("image paths that leave the repository, absolute paths and URLs (data: too) are refused, hero and body", async () => {
    const problems = await problemsOf(() =>
      edit((t) =>
        t
          .replace("src: ./hero.jpg", "src: /etc/passwd")
          .replace("![Trucks on a desert road](./convoy.jpg", "![Trucks on a desert road](../../../../../../../../etc/passwd")
          .replace("The request was repeated", "![a](%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd)\n\n![b](/assets/../../../../../../etc/passwd)\n\n![c](data:image/png;base64,iVBORw0KGgo=)\n\nThe request was repeated"),
      ),
    );
    assert.deepEqual(brief(problems), [
      `${STORY}:13 image.src: /etc/passwd: write a path relative to this file, or one starting with /assets/`,
      `${STORY}:27 body: ../../../../../../../../etc/passwd: leaves the repository`,
      `${STORY}:31 body: %2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd: leaves the repository`,
      `${STORY}:33 body: /assets/../../../../../../etc/passwd: leaves the assets folder`,
      `${STORY}:35 body: data:image/png;base64,iVBORw0KGgo=: images must be files in the repository (beside the article, or under /assets/), not URLs`,
    ]);
  });

  test("an author's photo outside the repository and a javascript: or data: link are refused", async () => {
    const problems = await problemsOf(async () => {
      const file = path.join(broken, "content/_data/authors.yaml");
      await writeFile(
        file,
        (await readFile(file, "utf8"))
          .replace("photo: ./dilan.jpg", "photo: /etc/passwd")
          .replace("url: mailto:dilan@fixture.example.org", "url: javascript:alert(1)\n    - label: Data\n      url: data:text/html,x"),
      );
    });
    const messages = brief(problems).join("\n");
    assert.match(messages, /authors.yaml:\d+ 0\.links\.0\.url: expected an https:\/\/ or mailto: address/);
    assert.match(messages, /authors.yaml:\d+ 0\.links\.1\.url: expected an https:\/\/ or mailto: address/);
  });

  test(
    "an image symlinked from inside the repository to a file outside it is refused",
    async () => {
      const outside = await mkdtemp(path.join(tmpdir(), "dateline-outside-"));
      try {
        await jpeg(path.join(outside, "private.jpg"), 320, 200, "#000000");
        const problems = await problemsOf(async () => {
          const hero = path.join(broken, "content/news/full-story/hero.jpg");
          await rm(hero);
          await symlink(path.join(outside, "private.jpg"), hero);
        });
        assert.match(brief(problems).join("\n"), /image.src: .\/hero.jpg: leaves the repository/);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    },
  );

  describe("a 30,000 × 30,000 pixel PNG (a decompression bomb, 2.7 GB decoded)", () => {
    let result: { problems?: Problem[]; ms: number; maxRssMb: number };
    before(async () => {
      await resetContent(broken);
      const bomb = bombPng(30_000, 30_000);
      assert.ok(bomb.length < 200, "a few bytes on disk");
      await writeFile(path.join(broken, "content/news/full-story/hero.png"), bomb);
      await edit((t) => t.replace("src: ./hero.jpg", "src: ./hero.png"));
      // Built in a process of its own, so that its peak memory is its own.
      const script = path.join(broken, "build-bomb.mts");
      await writeFile(
        script,
        `import { buildFixture } from ${JSON.stringify(path.join(REPO, "tests/support/fixture-site.ts"))};
import { findContentError } from ${JSON.stringify(path.join(REPO, "src/shared/errors.ts"))};
const started = Date.now();
let problems;
try { await buildFixture(${JSON.stringify(broken)}); } catch (error) { problems = findContentError(error)?.problems; }
console.log(JSON.stringify({ problems, ms: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
      );
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), script], { cwd: REPO });
      result = JSON.parse(stdout.trim().split("\n").pop()!);
    });

    test("is refused by its header, with its size and the limit in megapixels, quickly and in bounded memory", (t) => {
      t.diagnostic(`peak memory ${Math.round(result.maxRssMb)} MB, ${result.ms} ms`);
      assert.ok(result.problems, "the build must fail");
      assert.deepEqual(brief(result.problems), ["content/news/full-story/index.md:13 image.src: ./hero.png: 30000×30000 pixels is over the limit of 100 megapixels"]);
      assert.ok(result.maxRssMb < 1024, `peak memory ${Math.round(result.maxRssMb)} MB`);
      assert.ok(result.ms < 60_000, `took ${result.ms} ms`);
    });
  });
});

/** A valid PNG whose header claims width × height pixels, with one empty compressed row: tiny on disk. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from([0]))), chunk("IEND", Buffer.alloc(0))]);
}

/** CRC-32 as PNG chunks use it (ISO 3309; Node 20's zlib has no crc32). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
