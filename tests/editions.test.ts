/**
 * The language editions of the repo's own sample site (content/): English at /, Sorani Kurdish at
 * /ckb/ and Arabic at /ar/. Built once, with a fixed clock (so the news sitemaps exist) and the
 * search index, into a temporary folder. Proven on the whole output:
 *
 * - every page and feed is in its edition's language and direction;
 * - hreflang alternates are reciprocal, complete and true (each points at a page in that language),
 *   and the sitemaps carry the same alternates, list only their edition's URLs, percent-encoded;
 * - every internal link and resource answers 200 when served (Unicode slugs included);
 * - in Chromium, the RTL editions are mirrored (byline, headline, section label, editions nav,
 *   arrows), fit a phone, load cleanly, pass axe, and load their self-hosted Arabic-script font
 *   (English loads none); the language switcher and per-language search work; dates read in each
 *   edition's digits and month names.
 *
 * Without Chromium the browser tests skip, unless CI is set: then they fail. Without xmllint the
 * sitemap schema check skips, unless CI is set.
 * DATELINE_SHOTS=/some/folder writes screenshots of the Sorani article and the Arabic front page.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import type { Page } from "playwright-core";
import { configure } from "../.eleventy.ts";
import { buildSite } from "../src/eleventy/production-build.ts";
import type { BuildReport } from "../src/eleventy/plugin.ts";
import type { EditionModel } from "../src/model/site-model.ts";
import {
  Browsing,
  browserSkipReason,
  formatOverflow,
  formatViolations,
  IN_CI,
  measureOverflow,
  runAxe,
  screenshot,
  type ColorScheme,
  type OpenedPage,
} from "./support/browser.ts";
import { FIXTURES, REPO } from "./support/fixture-site.ts";
import { serveStatic, type StaticServer } from "./support/static-server.ts";

/** A day after the Moscow stories (28 January): each edition has a news sitemap. */
const NOW = "2026-01-29T12:00:00+03:00";

interface EditionCase {
  code: string;
  /** The edition's top folder in the output ("" for the default edition at the root). */
  folder: string;
  dir: "ltr" | "rtl";
}
const EDITIONS: EditionCase[] = [
  { code: "en", folder: "", dir: "ltr" },
  { code: "ckb", folder: "ckb", dir: "rtl" },
  { code: "ar", folder: "ar", dir: "rtl" },
];
const editionOfPath = (p: string): EditionCase => EDITIONS.find((e) => e.folder && p.split("/")[1] === e.folder) ?? EDITIONS[0]!;

/** The Moscow story in three languages (one translationKey), by its decoded URL path. */
const MOSCOW = {
  en: "/middle-east/al-sharaa-moscow-putin/",
  ckb: "/ckb/middle-east/شەرع-لە-مۆسکۆ-لەگەڵ-پوتین-کۆبووەوە/",
  ar: "/ar/middle-east/الشرع-يلتقي-بوتين-في-موسكو/",
};
const MOSCOW_HEADLINE = {
  en: "Syria’s al-Sharaa meets Putin in Moscow as Russian forces quit Qamishlo",
  ckb: "شەرع لە مۆسکۆ لەگەڵ پوتین کۆبووەوە",
  ar: "الشرع يلتقي بوتين في موسكو",
};
/** In English and Sorani only. */
const SNOW = {
  en: "/kurdistan/snow-closes-mountain-roads/",
  ckb: "/ckb/kurdistan/بەفری-قورس-ڕێگا-شاخاوییەکانی-هەولێر-و-دهۆکی-داخست/",
};
/** Tartus in Arabic: in the Arabic Moscow story only (Sorani writes تەرتووس). */
const TARTUS_AR = "طرطوس";
const TARTUS_CKB = "تەرتووس";

/** The percent-encoded form of a decoded path, as hrefs carry it. */
const encoded = (p: string) => new URL(p, "http://x").pathname;

let dir: string;
let site: string;
let report: BuildReport;
/** The site's absolute URL ("https://news.example.org/"). */
let SITE: string;
let pages: Map<string, HtmlPage>;
/** The built site over HTTP, for the link check and Chromium. */
let server: StaticServer;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dateline-editions-"));
  site = path.join(dir, "_site");
  // The sample site as `npm run build` builds it (its image cache included), but into a temporary folder.
  report = await buildSite({ root: REPO, output: site, configure, overrides: { now: NOW, search: true } });
  SITE = report.model.site.url;
  assert.equal(new URL(SITE).pathname, "/", "these tests expect the sample site at the root of its host (is DATELINE_URL set?)");
  pages = await readPages(site);
  server = await serveStatic(site);
});
after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---- reading the output --------------------------------------------------------------------------

type Element = DefaultTreeAdapterMap["element"];

function* elements(node: DefaultTreeAdapterMap["parentNode"]): Generator<Element> {
  for (const child of node.childNodes) {
    if ("tagName" in child) {
      yield child;
      yield* elements("content" in child ? child.content : child);
    }
  }
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasClass = (el: Element, name: string) => (attr(el, "class") ?? "").split(/\s+/).includes(name);
const textOf = (el: DefaultTreeAdapterMap["parentNode"]): string =>
  el.childNodes.map((c) => ("value" in c ? c.value : "childNodes" in c ? textOf(c) : "")).join("");

interface NavLink {
  href: string;
  hreflang: string | undefined;
  lang: string | undefined;
  current: boolean;
}

interface HtmlPage {
  /** Relative to the output: "ckb/middle-east/…/index.html". */
  file: string;
  /** The decoded URL path the file is served at: "/ckb/middle-east/…/". */
  path: string;
  lang: string | undefined;
  dir: string | undefined;
  /** `<link rel="alternate" hreflang>`: hreflang → href, in document order. */
  alternates: Map<string, string>;
  /** Hreflang values listed more than once. */
  repeated: string[];
  canonical: string | undefined;
  /** Every URL in href, src, srcset, action and data-bundle attributes, og:/twitter: url and image, and CSS url(). */
  urls: string[];
  ids: Set<string>;
  editionsNav: NavLink[] | undefined;
  translationsNav: NavLink[] | undefined;
  /** Whether nav.translations directly follows the byline. */
  translationsAfterByline: boolean;
  bylineTime: string | undefined;
}

const pathOfFile = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** The output file a URL (absolute, or a path) is served from; undefined for another host. */
function fileOfUrl(url: string): string | undefined {
  const u = new URL(url, SITE);
  if (u.origin !== new URL(SITE).origin) return undefined;
  const p = decodeURIComponent(u.pathname);
  return (p.endsWith("/") ? `${p}index.html` : p).slice(1);
}
const pathOfUrl = (url: string) => decodeURIComponent(new URL(url, SITE).pathname);

async function readPages(root: string): Promise<Map<string, HtmlPage>> {
  const files = (await readdir(root, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
  const result = new Map<string, HtmlPage>();
  for (const file of files) result.set(pathOfFile(file), readPage(file, await readFile(path.join(root, file), "utf8")));
  return result;
}

function navLinks(nav: Element): NavLink[] {
  return [...elements(nav)]
    .filter((el) => el.tagName === "a")
    .map((a) => ({ href: attr(a, "href") ?? "", hreflang: attr(a, "hreflang"), lang: attr(a, "lang"), current: attr(a, "aria-current") !== undefined }));
}

function readPage(file: string, source: string): HtmlPage {
  const document = parse(source);
  const page: HtmlPage = {
    file,
    path: pathOfFile(file),
    lang: undefined,
    dir: undefined,
    alternates: new Map(),
    repeated: [],
    canonical: undefined,
    urls: [],
    ids: new Set(),
    editionsNav: undefined,
    translationsNav: undefined,
    translationsAfterByline: false,
    bylineTime: undefined,
  };
  for (const el of elements(document)) {
    if (el.tagName === "html") {
      page.lang = attr(el, "lang");
      page.dir = attr(el, "dir");
    }
    const id = attr(el, "id");
    if (id !== undefined) page.ids.add(id);
    if (el.tagName === "link" && attr(el, "rel") === "canonical") page.canonical = attr(el, "href");
    if (el.tagName === "link" && attr(el, "rel") === "alternate" && attr(el, "hreflang") !== undefined) {
      const lang = attr(el, "hreflang")!;
      if (page.alternates.has(lang)) page.repeated.push(lang);
      page.alternates.set(lang, attr(el, "href") ?? "");
    }
    for (const name of ["href", "src", "action", "data-bundle"]) {
      const value = attr(el, name);
      if (value !== undefined) page.urls.push(value);
    }
    // Absolute URLs of the site in Open Graph and Twitter cards; url() in the inlined stylesheet (the fonts).
    const content = attr(el, "content");
    if (el.tagName === "meta" && content && /^(og|twitter):(url|image)$/.test(attr(el, "property") ?? attr(el, "name") ?? "")) page.urls.push(content);
    if (el.tagName === "style") page.urls.push(...[...textOf(el).matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]!));
    const srcset = attr(el, "srcset");
    if (srcset) page.urls.push(...srcset.split(",").map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
    if (el.tagName === "nav" && hasClass(el, "editions")) page.editionsNav = navLinks(el);
    if (el.tagName === "nav" && hasClass(el, "translations")) page.translationsNav = navLinks(el);
    if (el.tagName === "p" && hasClass(el, "byline")) {
      const time = [...elements(el)].find((e) => e.tagName === "time");
      if (time) page.bylineTime = textOf(time);
      const siblings = el.parentNode?.childNodes.filter((c): c is Element => "tagName" in c) ?? [];
      const next = siblings[siblings.indexOf(el) + 1];
      page.translationsAfterByline = !!next && next.tagName === "nav" && hasClass(next, "translations");
    }
  }
  return page;
}

const page = (p: string): HtmlPage => {
  const found = pages.get(p);
  assert.ok(found, `the build wrote a page at ${p}`);
  return found;
};
const file = (f: string) => readFileSync(path.join(site, f), "utf8");
/** Every file of the output whose name is `name`, relative to the output. */
async function filesNamed(name: RegExp): Promise<string[]> {
  return (await readdir(site, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => name.test(path.posix.basename(f)) && !f.startsWith("pagefind/"))
    .sort();
}
const decodeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const sortedEntries = (m: Map<string, string>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
const problemList = (problems: string[], what: string) =>
  `${problems.length} ${what}:\n${problems.slice(0, 40).map((p) => `  ${p}`).join("\n")}${problems.length > 40 ? `\n  … and ${problems.length - 40} more` : ""}`;

// ---- 1. language and direction -------------------------------------------------------------------

describe("language and direction", () => {
  test("every HTML page has <html lang dir> of its edition folder (ckb/ → ckb rtl, ar/ → ar rtl, else en ltr)", () => {
    assert.ok(pages.size > 60, `the sample site has its pages (${pages.size})`);
    for (const e of EDITIONS) assert.ok([...pages.keys()].some((p) => editionOfPath(p) === e), `pages in the ${e.code} edition`);
    const wrong = [...pages.values()]
      .filter((p) => {
        const e = editionOfPath(p.path);
        return p.lang !== e.code || p.dir !== e.dir;
      })
      .map((p) => `${p.file}: lang=${p.lang} dir=${p.dir}, expected ${editionOfPath(p.path).code} ${editionOfPath(p.path).dir}`);
    assert.deepEqual(wrong, []);
  });

  test("every RSS feed names its edition's language in <language>, and holds only that edition's stories", async () => {
    const feeds = await filesNamed(/^feed\.xml$/);
    assert.ok(feeds.includes("feed.xml") && feeds.includes("ckb/feed.xml") && feeds.includes("ar/middle-east/feed.xml"), feeds.join(", "));
    for (const f of feeds) {
      const edition = editionOfPath(`/${f}`);
      const languages = [...file(f).matchAll(/<language>([^<]*)<\/language>/g)].map((m) => m[1]);
      assert.deepEqual(languages, [edition.code], f);
      for (const [, link] of file(f).matchAll(/<link>([^<]*)<\/link>/g)) {
        assert.equal(editionOfPath(pathOfUrl(decodeXml(link!))), edition, `${f}: ${link}`);
        assert.doesNotMatch(link!, /[^\x21-\x7e]/, `${f}: ${link} is percent-encoded`);
      }
    }
  });

  test("every JSON Feed names its edition's language (`language`, JSON Feed 1.1)", async () => {
    const feeds = await filesNamed(/^feed\.json$/);
    assert.ok(feeds.includes("feed.json") && feeds.includes("ckb/feed.json") && feeds.includes("ar/feed.json"), feeds.join(", "));
    const wrong = feeds
      .map((f) => [f, (JSON.parse(file(f)) as { language?: unknown }).language] as const)
      .filter(([f, language]) => language !== editionOfPath(`/${f}`).code)
      .map(([f, language]) => `${f}: language ${JSON.stringify(language)}, expected "${editionOfPath(`/${f}`).code}"`);
    assert.deepEqual(wrong, []);
  });
});

// ---- 5 (static part). self-hosted fonts ---------------------------------------------------------

test("Arabic-script pages inline @font-face rules for /fonts/*.woff2 and preload one of them; English pages load no font", () => {
  const problems: string[] = [];
  for (const p of pages.values()) {
    const source = file(p.file);
    const faces = [...source.matchAll(/@font-face\{font-family:"([^"]+)"[^}]*?src:url\("([^"]+)"\)/g)].map((m) => ({ family: m[1]!, url: m[2]! }));
    const preloads = [...source.matchAll(/<link rel="preload" href="([^"]+)" as="font"[^>]*>/g)].map((m) => m[1]!);
    if (editionOfPath(p.path).dir === "ltr") {
      if (faces.length || preloads.length || /\.woff2/.test(source)) problems.push(`${p.path}: an English page with fonts: ${JSON.stringify({ faces, preloads })}`);
      continue;
    }
    if (!faces.some((f) => f.family === "Noto Naskh Arabic")) problems.push(`${p.path}: no @font-face for Noto Naskh Arabic`);
    for (const f of faces) {
      if (!/^\/fonts\/[^/]+\.woff2$/.test(f.url) || !existsSync(path.join(site, f.url))) problems.push(`${p.path}: ${f.family} from ${f.url}, not an existing /fonts/*.woff2`);
    }
    if (preloads.length !== 1 || !faces.some((f) => f.url === preloads[0])) problems.push(`${p.path}: preloads ${JSON.stringify(preloads)}, expected one of its faces`);
  }
  assert.deepEqual(problems, [], problemList(problems, "font problems"));
});

// ---- 2. hreflang ---------------------------------------------------------------------------------

test("an article page's HTML and stylesheet together are at most 20 KB compressed, and need no script", () => {
  for (const [lang, url] of Object.entries(MOSCOW)) {
    const html = file(fileOfUrl(url)!);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(stylesheet, `${lang}: a stylesheet`);
    const css = file(fileOfUrl(stylesheet)!);
    const size = gzipSync(html, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
    assert.ok(size <= 20 * 1024, `${lang}: ${size} bytes`);
    // Structured data is the only script on an article page.
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script type="application/ld+json">'], lang);
  }
});

describe("hreflang alternates", () => {
  test("are reciprocal across the whole site: self-listed, existing, identical on every version, true to their language", () => {
    const problems: string[] = [];
    const withAlternates = [...pages.values()].filter((p) => p.alternates.size > 0);
    assert.ok(withAlternates.length > 20, `pages with alternates: ${withAlternates.length}`);
    for (const p of withAlternates) {
      const where = p.path;
      if (p.repeated.length) problems.push(`${where}: hreflang listed twice: ${p.repeated.join(", ")}`);
      const own = p.alternates.get(p.lang ?? "");
      if (own === undefined || pathOfUrl(own) !== p.path) problems.push(`${where}: does not list itself under hreflang="${p.lang}" (has ${own})`);
      if (own !== p.canonical) problems.push(`${where}: lists itself as ${own}, but its canonical URL is ${p.canonical}`);
      const xDefault = p.alternates.get("x-default");
      if (xDefault === undefined) problems.push(`${where}: no x-default`);
      const en = p.alternates.get("en");
      if (en !== undefined && xDefault !== en) problems.push(`${where}: x-default ${xDefault} is not the English version ${en}`);
      if (en === undefined && xDefault !== undefined && xDefault !== [...p.alternates.values()][0]) {
        problems.push(`${where}: x-default ${xDefault} is not the first edition's version`);
      }
      for (const [lang, href] of p.alternates) {
        if (!href.startsWith(SITE)) problems.push(`${where}: ${lang} → ${href} is not an absolute URL of the site`);
        if (/[^\x21-\x7e]/.test(href)) problems.push(`${where}: ${lang} → ${href} is not percent-encoded`);
        const target = fileOfUrl(href);
        if (!target || !existsSync(path.join(site, target))) {
          problems.push(`${where}: ${lang} → ${href}: no such file ${target}`);
          continue;
        }
        const other = pages.get(pathOfUrl(href));
        if (!other) {
          problems.push(`${where}: ${lang} → ${href} is not an HTML page`);
          continue;
        }
        if (lang !== "x-default" && other.lang !== lang) problems.push(`${where}: hreflang="${lang}" → ${other.path}, whose <html lang> is ${other.lang}`);
        if (JSON.stringify(sortedEntries(other.alternates)) !== JSON.stringify(sortedEntries(p.alternates))) {
          problems.push(`${where} and ${other.path} list different alternates:\n    ${JSON.stringify(sortedEntries(p.alternates))}\n    ${JSON.stringify(sortedEntries(other.alternates))}`);
        }
      }
    }
    assert.deepEqual(problems, [], problemList(problems, "hreflang problems"));
  });

  /** The group a page belongs to: its hreflang → decoded path. */
  const group = (p: string) => Object.fromEntries([...page(p).alternates].map(([lang, href]) => [lang, pathOfUrl(href)]));

  test("the expected pages are grouped: front pages, Moscow and snow stories, about, search, section and author pages", () => {
    const three = (p: string) => ({ en: p, ckb: `/ckb${p}`, ar: `/ar${p}`, "x-default": p });
    assert.deepEqual(group("/ckb/"), three("/"));
    assert.deepEqual(group(MOSCOW.ar), { ...MOSCOW, "x-default": MOSCOW.en });
    assert.deepEqual(group(SNOW.ckb), { ...SNOW, "x-default": SNOW.en });
    assert.deepEqual(group("/ar/about/"), three("/about/"));
    assert.deepEqual(group("/ckb/search/"), three("/search/"));
    // Sections and authors are grouped across the editions where their listing has stories (an
    // empty listing is no one's equivalent, and is not indexed).
    const expected = (pick: (m: EditionModel) => readonly { subject: { slug: string; url: string }; pages: readonly { items: readonly unknown[] }[] }[]) => {
      const groups = new Map<string, [string, string][]>();
      for (const m of report.model.editions) {
        for (const l of pick(m)) if (l.pages[0]!.items.length) groups.set(l.subject.slug, [...(groups.get(l.subject.slug) ?? []), [m.edition.code, decodeURI(l.subject.url)]]);
      }
      return [...groups.values()];
    };
    let full = 0;
    for (const members of [...expected((m) => m.sections), ...expected((m) => m.authors)]) {
      const want = members.length > 1 ? { ...Object.fromEntries(members), "x-default": members[0]![1] } : {};
      for (const [, url] of members) assert.deepEqual(group(url), want, url);
      if (members.length === 3) full++;
    }
    assert.ok(full >= 2, "at least one section and one author are in all three editions");
    // An empty section is in no group, and tells search engines not to index it.
    const empty = report.model.editions.flatMap((m) => m.sections.filter((l) => !l.pages[0]!.items.length).map((l) => decodeURI(l.subject.url)));
    assert.ok(empty.length > 0);
    for (const url of empty) {
      assert.deepEqual(group(url), {}, url);
      assert.match(file(fileOfUrl(url)!), /<meta name="robots" content="noindex">/, url);
    }
    // Pages in one edition only have none: an English-only story, a Sorani tag page.
    assert.equal(page("/contact/").alternates.size, 0);
    assert.equal(page("/ckb/tags/سووریا/").alternates.size, 0);
  });
});

// ---- 3. sitemaps ---------------------------------------------------------------------------------

interface SitemapUrl {
  loc: string;
  links: Map<string, string>;
}
function readSitemap(xml: string): SitemapUrl[] {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: decodeXml(/<loc>([^<]*)<\/loc>/.exec(m[1]!)?.[1] ?? ""),
    links: new Map(
      [...m[1]!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]*)" href="([^"]*)"\/>/g)].map((l) => [decodeXml(l[1]!), decodeXml(l[2]!)]),
    ),
  }));
}

describe("sitemaps", () => {
  const sitemaps = () => filesNamed(/^(news-)?sitemap(-\d+)?\.xml$/);

  test("each edition has a sitemap and a news sitemap in its folder, and robots.txt names them all", async () => {
    const all = await sitemaps();
    assert.deepEqual(all, ["ar/news-sitemap.xml", "ar/sitemap.xml", "ckb/news-sitemap.xml", "ckb/sitemap.xml", "news-sitemap.xml", "sitemap.xml"]);
    const named = [...file("robots.txt").matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]!).sort();
    assert.deepEqual(named, all.map((f) => `${SITE}${f}`).sort());
  });

  test("each lists only its edition's URLs, percent-encoded, each an existing page; together every page but 404s and search", async () => {
    const problems: string[] = [];
    const listed = new Set<string>();
    for (const f of await sitemaps()) {
      const edition = editionOfPath(`/${f}`);
      const urls = readSitemap(file(f));
      assert.ok(urls.length > 0, `${f} lists URLs`);
      for (const { loc, links } of urls) {
        for (const u of [loc, ...links.values()]) if (/[^\x21-\x7e]/.test(u)) problems.push(`${f}: ${u} is not percent-encoded`);
        if (!loc.startsWith(SITE)) problems.push(`${f}: ${loc} is not on the site`);
        const p = pathOfUrl(loc);
        if (editionOfPath(p) !== edition) problems.push(`${f}: ${p} belongs to the ${editionOfPath(p).code} edition`);
        if (!pages.has(p)) problems.push(`${f}: ${loc} is not a page of the site`);
        listed.add(p);
      }
    }
    // Not-found and search pages, and empty listings (noindex), are left out on purpose (templates/index.ts).
    const missing = [...pages.keys()].filter((p) => !listed.has(p) && !p.endsWith("/404.html") && !p.endsWith("/search/") && !file(fileOfUrl(p)!).includes('<meta name="robots" content="noindex">'));
    for (const p of missing) problems.push(`${p} is in no sitemap`);
    assert.deepEqual(problems, [], problemList(problems, "sitemap problems"));
  });

  test("the xhtml:link alternates of every sitemap URL are that page's hreflang links", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const f of await sitemaps()) {
      if (f.includes("news-")) continue;
      for (const { loc, links } of readSitemap(file(f))) {
        const p = pages.get(pathOfUrl(loc));
        if (!p) continue; // reported above
        checked += links.size;
        if (JSON.stringify(sortedEntries(links)) !== JSON.stringify(sortedEntries(p.alternates))) {
          problems.push(`${f}: ${p.path}:\n    sitemap ${JSON.stringify(sortedEntries(links))}\n    page    ${JSON.stringify(sortedEntries(p.alternates))}`);
        }
      }
    }
    assert.ok(checked > 50, `alternates checked: ${checked}`);
    assert.deepEqual(problems, [], problemList(problems, "sitemap alternates that differ from the page's"));
  });

  const xmllint = (() => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      return undefined;
    } catch {
      return IN_CI ? undefined : "xmllint not found (apt-get install libxml2-utils): sitemap validation skipped";
    }
  })();

  test("every sitemap is well-formed and valid: sitemaps.org, Google News and xhtml:link alternates", { skip: xmllint }, async () => {
    const files = (await sitemaps()).map((f) => path.join(site, f));
    execFileSync("xmllint", ["--noout", ...files], { stdio: "pipe" });
    execFileSync("xmllint", ["--noout", "--schema", path.join(FIXTURES, "schema", "urlset.xsd"), ...files], { encoding: "utf8", stdio: "pipe" });
  });
});

// ---- 6 (static part). language switcher and translations -----------------------------------------

describe("language switcher", () => {
  test("on every page, nav.editions links each edition once: to this page's version there, else to its front page", () => {
    const problems: string[] = [];
    const homes = new Map(EDITIONS.map((e) => [e.code, e.folder ? `/${e.folder}/` : "/"]));
    for (const p of pages.values()) {
      const nav = p.editionsNav;
      if (!nav) {
        problems.push(`${p.path}: no nav.editions`);
        continue;
      }
      if (nav.length !== EDITIONS.length) problems.push(`${p.path}: ${nav.length} edition links`);
      const own = editionOfPath(p.path).code;
      for (const e of EDITIONS) {
        // The link of the page's own edition has no hreflang (the page is in that language) but is current.
        const link = nav.find((l) => (l.hreflang ?? l.lang) === e.code);
        if (!link) {
          problems.push(`${p.path}: no link to the ${e.code} edition`);
          continue;
        }
        if (link.lang !== e.code) problems.push(`${p.path}: the ${e.code} link has lang=${link.lang}`);
        if (/[^\x21-\x7e]/.test(link.href)) problems.push(`${p.path}: the ${e.code} link ${link.href} is not percent-encoded`);
        if (e.code === own) {
          if (!link.current) problems.push(`${p.path}: its own edition's link is not aria-current`);
          continue;
        }
        const alternate = p.alternates.get(e.code);
        const expected = alternate ? pathOfUrl(alternate) : homes.get(e.code);
        if (pathOfUrl(link.href) !== expected) problems.push(`${p.path}: the ${e.code} link goes to ${pathOfUrl(link.href)}, expected ${expected}`);
        if (link.current) problems.push(`${p.path}: the ${e.code} link is aria-current`);
      }
    }
    assert.deepEqual(problems, [], problemList(problems, "language switcher problems"));
  });

  test("a translated story lists its other versions under the byline, with hreflang and lang", () => {
    const stories: Record<string, string>[] = [MOSCOW, SNOW];
    for (const story of stories) {
      for (const [lang, p] of Object.entries(story)) {
        const nav = page(p).translationsNav;
        assert.ok(nav, `${p} has nav.translations`);
        assert.ok(page(p).translationsAfterByline, `${p}: nav.translations follows the byline`);
        const others = Object.entries(story).filter(([l]) => l !== lang);
        assert.deepEqual(
          nav.map((l) => [l.hreflang, l.lang, pathOfUrl(l.href)]),
          others.map(([l, q]) => [l, l, q]),
          p,
        );
        for (const l of nav) assert.equal(l.href, encoded(pathOfUrl(l.href)), `${p}: ${l.href} is percent-encoded`);
      }
    }
    assert.equal(page("/middle-east/northeast-syria-winter-displacement/").translationsNav, undefined, "an untranslated story has none");
  });
});

// ---- 8. dates and digits -------------------------------------------------------------------------

describe("dates in each edition's words and digits", () => {
  test("Sorani: Arabic-Indic digits and a Sorani month name", () => {
    const time = page(MOSCOW.ckb).bylineTime ?? "";
    assert.match(time, /[٠-٩]/, time);
    assert.doesNotMatch(time, /[0-9]/, time);
    assert.match(time, /^٢٨ی کانوونی دووەمی ٢٠٢٦، ١٣:٠٠/, time);
  });
  test("Arabic: Latin digits and the Iraqi month name", () => {
    const time = page(MOSCOW.ar).bylineTime ?? "";
    assert.doesNotMatch(time, /[٠-٩۰-۹]/, time);
    assert.match(time, /^28 كانون الثاني 2026، 13:20/, time);
  });
  test("English: a British date and 24-hour time", () => {
    assert.match(page(MOSCOW.en).bylineTime ?? "", /^28 January 2026, 12:00\b/);
  });
});

// ---- 4. every internal link, served --------------------------------------------------------------

describe("served over HTTP", () => {
  test("every internal href and src of every page answers 200 (percent-encoded Unicode slugs too)", async () => {
    const problems: string[] = [];
    const targets = new Map<string, string>(); // path+query → a page that links to it
    for (const p of pages.values()) {
      for (const raw of p.urls) {
        if (raw.startsWith("#")) {
          if (raw.length > 1 && !p.ids.has(decodeURIComponent(raw.slice(1)))) problems.push(`${p.path}: ${raw}: no such id`);
          continue;
        }
        const isInternal = (raw.startsWith("/") && !raw.startsWith("//")) || raw.startsWith(SITE);
        if (!isInternal) continue;
        const u = new URL(raw, SITE);
        const target = u.pathname + u.search;
        if (/[^\x21-\x7e]/.test(target)) problems.push(`${p.path}: ${raw} is not percent-encoded`);
        if (!targets.has(target)) targets.set(target, p.path);
      }
    }
    assert.ok(targets.size > 200, `internal URLs: ${targets.size}`);
    for (const must of [MOSCOW.ckb, MOSCOW.ar, SNOW.ckb, "/ckb/tags/سووریا/"]) assert.ok(targets.has(encoded(must)), `${must} is linked`);
    assert.ok([...targets.keys()].some((t) => /^\/fonts\/[^/]+\.woff2$/.test(t)), "the fonts of the inlined @font-face rules are among the URLs");
    const queue = [...targets.keys()];
    const worker = async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
        const response = await fetch(new URL(t.slice(1), server.url), { method: "HEAD", redirect: "manual" });
        if (response.status !== 200) problems.push(`${t} (linked from ${targets.get(t)}): status ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    assert.deepEqual(problems, [], problemList(problems, "broken internal links"));
  });
});

// ---- 5–7. in Chromium ----------------------------------------------------------------------------

interface View {
  width: number;
  colorScheme: ColorScheme;
}
const VIEWS: View[] = [
  { width: 390, colorScheme: "light" },
  { width: 390, colorScheme: "dark" },
  { width: 1280, colorScheme: "light" },
  { width: 1280, colorScheme: "dark" },
];
const viewName = (v: View) => `${v.width} px, ${v.colorScheme}`;

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
  let browsing: Browsing;
  /** The served URL of a path (the URL parser percent-encodes its path and query). */
  const url = (p: string) => new URL(p.replace(/^\//, ""), server.url).href;

  before(async () => {
    browsing = await Browsing.start(); // with CI set, a missing browser fails here
  });
  after(async () => {
    await browsing?.close();
  });

  /** Loaded cleanly, no axe violations, nothing wider than the viewport; every failure at once. */
  async function cleanFailures(opened: OpenedPage): Promise<string[]> {
    const failures: string[] = [];
    const violations = await runAxe(opened.page);
    if (violations.length) failures.push(`axe-core found ${violations.length} violated rule(s):\n${formatViolations(violations)}`);
    const overflow = await measureOverflow(opened.page);
    const scrollWidth = (await opened.page.evaluate("document.scrollingElement.scrollWidth")) as number;
    const innerWidth = (await opened.page.evaluate("innerWidth")) as number;
    if (scrollWidth > innerWidth || overflow.scrollWidth > overflow.clientWidth || overflow.offenders.length) failures.push(formatOverflow(overflow));
    const problems = opened.problems();
    if (problems.length) failures.push(`loaded with problems:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    return failures;
  }

  const near = (a: number, b: number, tolerance = 2) => Math.abs(a - b) <= tolerance;

  for (const lang of ["ckb", "ar"] as const) {
    describe(`the ${lang} Moscow article`, { concurrency: 4 }, () => {
      for (const view of VIEWS) {
        test(`at ${viewName(view)}: mirrored (headline, byline, label, editions nav, arrows), Arabic-script font loaded, clean, axe, fits`, async () => {
          const opened = await browsing.openPage(url(MOSCOW[lang]), view);
          const { page } = opened;
          try {
            const failures = await cleanFailures(opened);
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
            if (lang === "ckb") await screenshot(page, `editions ckb article ${view.width} ${view.colorScheme}`);
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
    const opened = await browsing.openPage(url(MOSCOW.en), { width: 1280 });
    try {
      assert.deepEqual(await opened.page.evaluate(FONT_REQUESTS_SCRIPT), []);
      assert.deepEqual(await opened.page.evaluate(ARROW_SCRIPT), ["none"]);
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  interface PageCase {
    name: string;
    path: string;
    views: View[];
    shot?: boolean;
  }
  const phone: View[] = [{ width: 390, colorScheme: "light" }];
  const RTL_PAGES: PageCase[] = [
    { name: "ckb front page", path: "/ckb/", views: phone },
    { name: "ar front page", path: "/ar/", views: VIEWS, shot: true },
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
          const opened = await browsing.openPage(url(c.path), view);
          try {
            const failures = await cleanFailures(opened);
            const dir = await opened.page.evaluate("[document.documentElement.dir, getComputedStyle(document.documentElement).direction]");
            if (JSON.stringify(dir) !== '["rtl","rtl"]') failures.push(`dir, direction: ${JSON.stringify(dir)}`);
            if (c.shot) await screenshot(opened.page, `editions ${c.name} ${view.width} ${view.colorScheme}`);
            if (failures.length) assert.fail(`${c.path} at ${viewName(view)}:\n${failures.join("\n")}`);
          } finally {
            await opened.close();
          }
        });
      }
    }
  });

  test("the language switcher: the English story links to its Sorani and Arabic versions; a click opens the Sorani one", async () => {
    const opened = await browsing.openPage(url(MOSCOW.en), { width: 1280 });
    const { page } = opened;
    try {
      assert.equal((await page.locator("h1").first().textContent())?.trim(), MOSCOW_HEADLINE.en);
      const editions = page.locator("nav.editions");
      assert.equal(await editions.locator('a[hreflang="ckb"]').getAttribute("href"), encoded(MOSCOW.ckb));
      assert.equal(await editions.locator('a[hreflang="ar"]').getAttribute("href"), encoded(MOSCOW.ar));
      const translations = page.locator("nav.translations a");
      assert.deepEqual(
        await translations.evaluateAll((as) => as.map((a) => [a.getAttribute("hreflang"), a.getAttribute("lang"), a.getAttribute("href")])),
        [
          ["ckb", "ckb", encoded(MOSCOW.ckb)],
          ["ar", "ar", encoded(MOSCOW.ar)],
        ],
      );
      await editions.getByRole("link", { name: "کوردی" }).click();
      await page.waitForURL(url(MOSCOW.ckb));
      assert.equal(await page.evaluate("document.documentElement.lang"), "ckb");
      assert.equal((await page.locator("h1").first().textContent())?.trim(), MOSCOW_HEADLINE.ckb);
      assert.deepEqual(opened.problems(), []);
    } finally {
      await opened.close();
    }
  });

  describe("search, one index per language", { concurrency: 4 }, () => {
    /** Waits for the status line to say `text` (it speaks once the results are shown). */
    async function status(page: Page, text: string): Promise<void> {
      await page.locator("#search-status").filter({ hasText: text }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator("#search-status").textContent(), text);
    }
    const resultLinks = (page: Page) => page.locator("#search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const cases = [
      { path: `/ar/search/?q=${TARTUS_AR}`, status: `خبر واحد عن «${TARTUS_AR}»`, found: [encoded(MOSCOW.ar)], headline: MOSCOW_HEADLINE.ar, date: "28 كانون الثاني 2026" },
      // An Arabic query in an English sentence is isolated (FSI…PDI), so the quotes stay around it.
      { path: `/search/?q=${TARTUS_AR}`, status: `No stories found for “\u2068${TARTUS_AR}\u2069”.`, found: [] },
      { path: `/ckb/search/?q=${TARTUS_CKB}`, status: `یەک هەواڵ بۆ «${TARTUS_CKB}» دۆزرایەوە`, found: [encoded(MOSCOW.ckb)], headline: MOSCOW_HEADLINE.ckb, date: "٢٨ی کانوونی دووەمی ٢٠٢٦" },
    ];
    for (const c of cases) {
      test(`${c.path} finds ${c.found.length ? "only the story in that language" : "nothing"}, and says so in the edition's language`, async () => {
        const opened = await browsing.openPage(url(c.path), { width: 1280 });
        const { page } = opened;
        try {
          await status(page, c.status);
          assert.deepEqual(await resultLinks(page), c.found);
          if (c.headline) assert.equal(await page.locator("#search-results h2").first().textContent(), c.headline);
          assert.deepEqual(opened.problems(), []);
        } finally {
          await opened.close();
        }
      });
      const date = c.date;
      if (date) {
        // The search page formats dates in the browser, whose Intl may lack the edition's locale.
        test(`${c.path}: the result's date reads as the story's byline does (${date})`, async () => {
          const opened = await browsing.openPage(url(c.path), { width: 390 });
          try {
            await status(opened.page, c.status);
            assert.equal(await opened.page.locator("#search-results time").first().textContent(), date);
          } finally {
            await opened.close();
          }
        });
      }
    }
  });
});
