/**
 * /search/: full-text search over the stories, with Pagefind's index (src/search/).
 *
 * A small interface of our own on Pagefind's JavaScript API (`pagefind.js`, ~45 KB), rather than
 * Pagefind's ready-made UIs (127 KB + 14 KB CSS, or 184 KB + 42 KB): the markup is the site's own
 * (a labelled search field and a native section menu in a `role="search"` form, a polite status
 * line that says how many stories were found, results as a list of headlines with standfirst,
 * excerpt, section and date), styled by the site's stylesheet (light and dark, right to left), in
 * the edition's words (templates/translations/).
 *
 * The form is an ordinary GET form: `/search/?q=…&section=…` is a search the script runs on load,
 * so a search can be linked to, and one submitted before the script ran is not lost. Without
 * JavaScript the page says plainly that search needs it, and offers the sections instead.
 */
import { html, jsonScript, raw } from "../../src/shared/html.ts";
import type { Edition } from "../../src/site/editions.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { searchBundleUrl, searchPath } from "../../src/site/url-space.ts";
import { searchMonth } from "../../src/site/url-space.ts";
import { LATIN_LETTER, RTL_SCRIPT_LETTER } from "../../src/locale/languages.ts";
import { documentPage } from "../layout/layout.ts";

/**
 * What the search page shows of the edition's stories (and its page key, templates/index.ts): the
 * sections that have stories (a filter that can only find nothing is noise), and the index's months
 * that hold the edition's stories, newest first (src/search/search-months.ts).
 */
export function searchInputs(model: EditionModel): { sections: readonly string[]; bundles: readonly string[] } {
  const sections = model.sections.map((l) => l.subject.name).filter((name) => model.articles.some((a) => a.section.name === name));
  const bundles = [...new Set(model.articles.map((a) => searchMonth(a.date)))].sort().reverse().map((m) => searchBundleUrl(model.site.pathPrefix, m));
  return { sections, bundles };
}

export function searchPage(model: EditionModel): string {
  const { site, edition } = model;
  const words = edition.words;
  const url = searchPath(edition.home);
  const { sections, bundles } = searchInputs(model);
  const clientWords = {
    results: words.forms("searchResults"),
    resultsIn: words.forms("searchResultsIn"),
    none: words.template("searchNone"),
    noneIn: words.template("searchNoneIn"),
    loading: words.t("searchLoading"),
    unavailable: words.t("searchUnavailable"),
    ...dateShape(edition),
    // The plural category of 0–199 (then of 100 + n % 100, which is how every language's rules repeat).
    plurals: pluralTable(edition),
  };
  const main = html`<div class="search" id="search" data-bundles="${bundles.join(" ")}" data-base="${site.pathPrefix}" data-locale="${edition.intl}" data-time-zone="${edition.timeZone}">
<header class="listing-header"><h1>${words.t("searchTitle")}</h1></header>
<noscript><div class="search__noscript"><p>${words.t("searchNoScript")}</p>
<ul>${model.sections.map(({ subject: s }) => html`<li><a href="${s.url}">${s.name}</a></li>`)}</ul></div></noscript>
<form class="search-form" id="search-form" role="search" action="${url}" method="get">
<p class="search-form__field search-form__field--query"><label for="search-q">${words.t("searchLabel")}</label>
<input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search"></p>
<p class="search-form__field"><label for="search-section">${words.t("searchSection")}</label>
<select id="search-section" name="section"><option value="">${words.t("searchAllSections")}</option>${sections.map(
    (name) => html`<option>${name}</option>`,
  )}</select></p>
<p class="search-form__submit"><button type="submit">${words.t("searchSubmit")}</button></p>
</form>
<p class="search-status" id="search-status" role="status"></p>
<ol class="search-results" id="search-results"></ol>
<p class="search-more"><button type="button" id="search-more" hidden>${words.t("searchMore")}</button></p>
</div>
${jsonScript(clientWords, { type: "application/json", id: "search-words" })}
<script type="module">${raw(SCRIPT)}</script>`;
  return documentPage(model, { title: words.t("searchTitle"), description: words.t("searchDescription", { site: edition.title }), url, main });
}

/**
 * How the edition writes a day ("28 January 2026", "٢٨ی کانوونی دووەمی ٢٠٢٦"): the order of day,
 * month and year with the words between them, the twelve month names and the ten digits, from the
 * build's Intl (Node has full ICU), for a script that must not depend on the browser's.
 */
/** The browser's Intl may not know the language's plural rules either: the build's, for 0–199. */
function pluralTable(edition: Edition): Intl.LDMLPluralRule[] {
  const rules = new Intl.PluralRules(edition.code);
  return Array.from({ length: 200 }, (_, n) => rules.select(n));
}

function dateShape(edition: Edition): { dayPattern: string[]; months: string[]; digits: string[] } {
  const f = new Intl.DateTimeFormat(edition.intl, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  const dayPattern = f.formatToParts(Date.UTC(2026, 0, 28)).map((p) => (p.type === "day" || p.type === "month" || p.type === "year" ? `{${p.type}}` : p.value));
  const months = Array.from({ length: 12 }, (_, m) => f.formatToParts(Date.UTC(2026, m, 28)).find((p) => p.type === "month")!.value);
  const number = new Intl.NumberFormat(edition.intl, { useGrouping: false });
  return { dayPattern, months, digits: Array.from({ length: 10 }, (_, d) => number.format(d)) };
}

/**
 * The page's script, as plain JavaScript (it runs in the browser as written). Results come in pages
 * of ten; "Show more results" adds the next ten and moves focus to the first of them. Every text is
 * set with textContent; Pagefind's excerpt is taken apart at its <mark> tags, never parsed as HTML.
 */
const SCRIPT = String.raw`
const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const select = document.getElementById("search-section");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const w = JSON.parse(document.getElementById("search-words").textContent);
const o = root.dataset;
const category = (n) => w.plurals[n < 200 ? n : 100 + (n % 100)];
// The browser's Intl may not know the language (Chromium has no Sorani): dates and numbers are
// written from the shape the build worked out (dateShape), only the calendar arithmetic is Intl's.
const numeric = new Intl.DateTimeFormat("en-US", { timeZone: o.timeZone, day: "numeric", month: "numeric", year: "numeric" });
const digits = (n) => String(n).replace(/[0-9]/g, (d) => w.digits[Number(d)]);
function formatDay(date) {
  const p = {};
  for (const part of numeric.formatToParts(date)) p[part.type] = part.value;
  return w.dayPattern.map((s) => (s === "{day}" ? digits(p.day) : s === "{month}" ? w.months[Number(p.month) - 1] : s === "{year}" ? digits(p.year) : s)).join("");
}
const PAGE = 10;
let engine, results = [], shown = 0, runs = 0, typing;

// The index comes in months, newest first: the newest is loaded, the others merged into it (they
// share its WebAssembly). An edition without stories has none, and finds nothing.
function pagefind() {
  engine = engine || (async () => {
    const [newest, ...older] = o.bundles.split(" ").filter(Boolean);
    if (!newest) return undefined;
    const options = { baseUrl: o.base, excerptLength: 26, excerptEllipsis: "…" };
    const pf = await import(newest + "pagefind.js");
    await pf.options(options);
    await pf.init();
    await Promise.all(older.map((bundle) => pf.mergeIndex(bundle, options)));
    return pf;
  })();
  return engine;
}

// A query in the other direction's script is isolated, as the build isolates values in the page's
// sentences, so "OPEC+" stays "OPEC+" in an Arabic sentence.
const rtl = document.documentElement.dir === "rtl";
const isolate = (v) => ((rtl ? /${LATIN_LETTER}/u : /${RTL_SCRIPT_LETTER}/u).test(v) ? "\u2068" + v + "\u2069" : v);
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, key) => (key in values ? isolate(values[key]) : m));
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Pagefind's excerpt is escaped text with <mark> around the matches: rebuilt as nodes. */
function excerptNodes(excerpt) {
  const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  return excerpt.split(/(<mark>[^<]*<\/mark>)/).filter(Boolean).map((part) => {
    const m = /^<mark>([^<]*)<\/mark>$/.exec(part);
    return m ? el("mark", "", unescape(m[1])) : document.createTextNode(unescape(part));
  });
}

function result(d) {
  const li = el("li", "search-result");
  const body = el("div", "search-result__body");
  const section = d.filters && d.filters.section && d.filters.section[0];
  if (section) body.append(el("p", "label", section));
  const h = el("h2", "search-result__headline");
  const a = el("a", "", d.meta.title || d.url);
  a.href = d.url;
  h.append(a);
  body.append(h);
  if (d.meta.standfirst) body.append(el("p", "search-result__standfirst", d.meta.standfirst));
  if (d.excerpt) {
    const p = el("p", "search-result__excerpt");
    p.append(...excerptNodes(d.excerpt));
    body.append(p);
  }
  // "t" and Unix seconds, as the article page gives Pagefind its date.
  const seconds = /^t(\d+)$/.exec(d.meta.date || "");
  if (seconds) {
    const date = new Date(Number(seconds[1]) * 1000);
    const t = el("time", "", formatDay(date));
    t.dateTime = date.toISOString();
    const p = el("p", "search-result__meta");
    p.append(t);
    body.append(p);
  }
  li.append(body);
  if (d.meta.image) {
    const img = el("img", "search-result__image");
    img.src = d.meta.image;
    img.alt = "";
    img.width = 160;
    img.height = 160;
    img.loading = "lazy";
    img.decoding = "async";
    li.append(img);
  }
  return li;
}

async function showMore(run) {
  const batch = results.slice(shown, shown + PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (run !== runs) return [];
  shown += batch.length;
  const items = data.map(result);
  list.append(...items);
  more.hidden = shown >= results.length;
  return items;
}

function remember(query, section) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (section) params.set("section", section);
  const search = params.toString();
  history.replaceState(null, "", search ? "?" + search : location.pathname);
}

async function search() {
  clearTimeout(typing);
  const run = ++runs;
  const query = input.value.trim();
  const section = select.value;
  remember(query, section);
  if (!query) {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  const slow = setTimeout(() => { if (run === runs) status.textContent = w.loading; }, 400);
  try {
    const pf = await pagefind();
    const found = pf ? await pf.search(query, section ? { filters: { section } } : {}) : { results: [] };
    if (run !== runs) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(run);
    if (run !== runs) return;
    const values = { count: digits(results.length), query, section };
    const counted = section ? w.resultsIn : w.results;
    status.textContent = results.length
      ? fill(counted[category(results.length)] || counted.other, values)
      : fill(section ? w.noneIn : w.none, values);
  } catch (error) {
    if (run !== runs) return;
    engine = undefined;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = w.unavailable;
    console.warn("search:", error);
  } finally {
    clearTimeout(slow);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search();
});
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(search, 300);
});
select.addEventListener("change", search);
more.addEventListener("click", async () => {
  const added = await showMore(runs);
  const first = added[0] && added[0].querySelector("a");
  if (first) first.focus();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
const wanted = params.get("section");
if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
if (input.value.trim()) search();
`;
