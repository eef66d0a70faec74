/**
 * The content-safety tests' site: a copy of the fixture site with hostile markup in every place an
 * editor writes (the body and every frontmatter field, sections.yaml, authors.yaml, site.yaml and a
 * standalone page), a Sorani headline with unusual Unicode, and a 1 MB article; and `liveMarkup`, which
 * finds markup that came alive in a page.
 *
 * Every payload element carries `data-live`: any element with it in a page is markup that came alive.
 * Payloads that could run set `window.pwned` or call alert(): neither may happen.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import { slugOf } from "../../src/site/slugs.ts";
import { SHARE_SCRIPT } from "../../templates/layout/components/share-row.ts";
import { editFile } from "./edit-file.ts";
import { buildFixture, jpeg, makeFixtureSite } from "./fixture-site.ts";
import { elements } from "./html-pages.ts";
import { sharedSite } from "./shared-site.ts";

// ---- the hostile site ----------------------------------------------------------------------------

/** A payload for one place: markup that would run `window.pwned = n` (and show a dialog) if it were live. */
export const evil = (n: number) => `<img data-live src=x onerror=window.pwned=${n}><script data-live>window.pwned=${n}</script>`;
export const EVIL_SECTION = `Opinion ${evil(1)}`;
export const EVIL_AUTHOR = `Eve ${evil(2)}`;
export const EVIL_TAG = `Leaks <svg data-live onload=alert(3)>`;
export const EVIL_TITLE = `Headline ${evil(4)} <iframe data-live src=javascript:alert(4)></iframe> ]]><b data-live>cdata</b>`;
export const EVIL_SUMMARY = `A standfirst long enough to pass, with ${evil(5)} and <a data-live href=javascript:alert(5)>a link</a> in it`;
export const EVIL_PLACE = `ERBIL <details data-live open ontoggle=alert(6)>`;
export const EVIL_ALT = `A crowd "><img data-live src=x onerror=alert(7)>`;
export const EVIL_CAPTION = `The crowd ${evil(8)}`;
export const EVIL_CREDIT = `AFP <b data-live onmouseover=alert(9)>`;
export const EVIL_CORRECTION = `We got it wrong ${evil(10)} <a data-live href="data:text/html,<script>alert(10)</script>">see</a>`;
/** In the body: unique word for the search, raw HTML, dangerous links in every Markdown form, and the three embeds. */
export const SEARCH_WORD = "quinquereme";
export const EVIL_BODY = `The ${SEARCH_WORD} arrived. <script data-live>window.pwned=11</script> and <img data-live src=x onerror=window.pwned=12>.

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

export const SORANI_TITLE = "کۆبوونەوەی سەرۆکەکان لە هەولێر بۆ ئاو و کارەبا";
export const SORANI_SLUG = slugOf(SORANI_TITLE);
/** RLM, ZWJ sequences (family, rainbow flag), a skin tone, a flag, NFD combining marks, stacked marks, an astral CJK character, U+2028. */
export const UNICODE_TEXT = "Before\u200F after; 👨‍👩‍👧‍👦 🏳️‍🌈 👋🏽 🇮🇶; Cafe\u0301 and a\u0301\u0302\u0303\u0304; 𠀋; line\u2028separator.";

export const LAST_WORDS = "This is the very last paragraph of a one-megabyte article, and it is on the page.";

export async function writeHostileSite(root: string): Promise<void> {
  const data = path.join(root, "content/_data");
  await editFile(path.join(data, "site.yaml"), (t) => t.replace("name: Fixture Times", `name: ${yaml(`Fixture Times ${evil(30)}`)}`));
  await editFile(path.join(data, "sections.yaml"), (t) => `${t}- name: ${yaml(EVIL_SECTION)}\n  description: ${yaml(`Opinion pieces ${evil(31)}`)}\n`);
  await editFile(
    path.join(data, "authors.yaml"),
    (t) => `${t}- name: ${yaml(EVIL_AUTHOR)}\n  role: ${yaml(`Columnist ${evil(32)}`)}\n  bio: ${yaml(`Eve writes ${evil(33)} <iframe data-live src=javascript:alert(33)></iframe>`)}\n  links:\n    - label: ${yaml(`Home ${evil(34)}`)}\n      url: https://eve.example/?q=%3Cscript%3E\n`,
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

/** Makes the hostile site and builds it; gives its root and the hostile article's URL path. */
/** The hostile site, built once for the files that read it (tests/support/shared-site.ts), and the release for the file's after hook. */
export async function hostileSite(): Promise<{ root: string; hostileUrl: string; release: () => Promise<void> }> {
  const { site, release } = await sharedSite("hostile", async () => {
    const { root, hostileUrl } = await makeHostileSite();
    return { dir: root, hostileUrl };
  });
  return { root: site.dir, hostileUrl: site.hostileUrl, release };
}

export async function makeHostileSite(): Promise<{ root: string; hostileUrl: string }> {
  const root = await makeFixtureSite();
  await writeHostileSite(root);
  const report = await buildFixture(root);
  return { root, hostileUrl: report.model.articles.find((a) => a.slug === "hostile")!.url };
}

// ---- live markup ---------------------------------------------------------------------------------

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "data", "xlink:href", "cite", "background", "srcset", "ping"]);
const ALLOWED_FRAMES = [/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}(\?start=\d+)?$/, /^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?/];

/**
 * Everything in a page that is markup no editor may create: payload elements, any script but
 * JSON-LD (and the search page's own, and the share row's, exactly as written), frames off the
 * allow-list, event handlers, scriptable URLs.
 */
export function liveMarkup(html: string, isSearchPage: boolean): string[] {
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
      const shareOwn = type === "module" && text === SHARE_SCRIPT && !attrs.has("src");
      if (type !== "application/ld+json" && !searchOwn && !shareOwn) found.push(`script: ${where}`);
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
    // The site's own search forms: on the search page, and the 404 page's, which sends a query there.
    const searchForm = el.tagName === "form" && (isSearchPage || (attrs.get("role") === "search" && attrs.get("method") === "get" && /\/search\/$/.test(attrs.get("action") ?? "")));
    if (["object", "embed", "frame", "frameset", "applet", "base", "form"].includes(el.tagName) && !searchForm) {
      found.push(`element: ${where}`);
    }
    if (el.tagName === "meta" && /refresh/i.test(attrs.get("http-equiv") ?? "")) found.push(`refresh: ${where}`);
  }
  return found;
}
