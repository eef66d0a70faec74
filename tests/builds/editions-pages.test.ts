/**
 * The language editions of the repo's own sample site (tests/support/editions-site.ts: English at /,
 * Sorani Kurdish at /ckb/, Arabic at /ar/), built once, read page by page:
 *
 * - every page and feed is in its edition's language and direction;
 * - Arabic-script pages inline their self-hosted fonts and preload one, English pages load none;
 *   an article page is small and needs no script to be read;
 * - the language switcher and a story's translations nav link the right versions;
 * - dates read in each edition's digits and month names.
 *
 * hreflang, sitemaps and served links are in editions-hreflang, editions-sitemaps and
 * editions-links.test.ts; the editions in Chromium in tests/browser/editions-*.test.ts.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import {
  buildEditionsSite,
  decodeXml,
  EDITIONS,
  editionOfPath,
  encoded,
  file,
  fileOfUrl,
  filesNamed,
  MOSCOW,
  page,
  pages,
  pathOfUrl,
  problemList,
  site,
  SNOW,
} from "../support/editions-site.ts";

buildEditionsSite();

// ---- language and direction ---------------------------------------------------------------------

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

// ---- self-hosted fonts --------------------------------------------------------------------------

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

// ---- page weight ---------------------------------------------------------------------------------

test("an article page's HTML and stylesheet together are at most 20 KB compressed, and need no script to read", () => {
  for (const [lang, url] of Object.entries(MOSCOW)) {
    const html = file(fileOfUrl(url)!);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(stylesheet, `${lang}: a stylesheet`);
    const css = file(fileOfUrl(stylesheet)!);
    const size = gzipSync(html, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
    assert.ok(size <= 20 * 1024, `${lang}: ${size} bytes`);
    // Structured data, and the share row's "Copy link" (templates/layout/components/share-row.ts), are
    // the only scripts on an article page.
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script type="application/ld+json">', '<script type="module">'], lang);
  }
});

// ---- language switcher and translations ---------------------------------------------------------

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

// ---- dates and digits ---------------------------------------------------------------------------

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
