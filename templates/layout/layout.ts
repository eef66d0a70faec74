import { html, raw, type SafeHtml } from "../../src/shared/html.ts";
import type { Edition } from "../../src/site/editions.ts";
import type { Instant } from "../../src/shared/dates.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import type { StandalonePage } from "../../src/model/standalone-page.ts";
import { absoluteUrl, searchPath } from "../../src/site/url-space.ts";
import { siteHead } from "./head/site-head.ts";
import { dayTag } from "./components/dates.ts";

/** A magnifying glass in the text's colour; the link's word names it. */
const SEARCH_ICON = raw(
  `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.25"/><path d="m15.5 15.5 5 5" fill="none" stroke="currentColor" stroke-width="2.25" stroke-linecap="round"/></svg>`,
);

export interface DocumentOptions {
  title: string;
  description: string;
  /** Root-relative URL of this page; the canonical link is made absolute from the site's URL. */
  url: string;
  main: SafeHtml;
  /** Extra elements for <head>. */
  head?: SafeHtml;
  /** The 404 page has no canonical URL of its own. */
  canonical?: boolean;
  /**
   * The day to show under the masthead's name: the front page's only, as the Guardian and the New
   * York Times do. An article built on Monday would still say "Monday" on Wednesday, and a date on
   * every page would change every page's key each day (templates/index.ts), re-rendering a whole
   * archive of 50,000 stories daily. The front page is rebuilt with each day's news anyway.
   */
  date?: Instant;
}

/**
 * The document shell shared by every page: head, masthead with the editions and section
 * navigation, footer. Every page is in its edition's language and direction; a page that exists in
 * other editions says so with hreflang links (reciprocal: the model gives each page of a group the
 * same list) and the language switcher goes to it, else to that edition's front page. The footer's
 * pages end with the edition's corrections page, last in every edition (issue 17).
 */
export function documentPage(model: EditionModel, o: DocumentOptions): string {
  const { site, edition } = model;
  const words = edition.words;
  const isHome = o.url === edition.home;
  const current = (url: string) => (url === o.url ? html` aria-current="page"` : "");
  const abs = (url: string) => absoluteUrl(site.url, site.pathPrefix, url);
  const alternates = o.canonical === false ? [] : model.alternatesOf(o.url);
  const versionIn = (code: string) => alternates.find((a) => a.edition.code === code)?.url;
  return html`<!doctype html>
<html lang="${edition.code}" dir="${edition.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${isHome ? edition.title : `${o.title} – ${edition.title}`}</title>
<meta name="description" content="${o.description}">
${o.canonical === false ? "" : html`<link rel="canonical" href="${abs(o.url)}">`}
${alternates.length ? html`${alternates.map((a) => html`<link rel="alternate" hreflang="${a.edition.code}" href="${abs(a.url)}">\n`)}<link rel="alternate" hreflang="x-default" href="${abs(alternates[0]!.url)}">\n` : ""}<meta name="color-scheme" content="light dark">
${siteHead(model)}
<link rel="stylesheet" href="${model.stylesheet.url}" integrity="${model.stylesheet.integrity}">
${model.fonts.preload ? html`<link rel="preload" href="${model.fonts.preload}" as="font" type="font/woff2" crossorigin>\n<style>${raw(model.fonts.css)}</style>\n` : ""}
${o.head ?? ""}
</head>
<body>
<a class="skip-link" href="#main">${words.t("skipToContent")}</a>
${breakingBar(model)}<header class="masthead">
<p class="masthead__name"><a href="${edition.home}"${current(edition.home)}>${edition.title}</a></p>
${o.date ? html`<p class="masthead__date">${dayTag(o.date, edition)}</p>
` : ""}${
  model.editions.length > 1
    ? html`<nav class="editions" aria-label="${words.t("languageNav")}"><ul>${model.editions.map((e) =>
        e === edition
          ? html`<li><a href="${o.canonical === false ? e.home : o.url}" aria-current="true" lang="${e.code}">${e.name}</a></li>`
          : html`<li><a href="${versionIn(e.code) ?? e.home}" hreflang="${e.code}" lang="${e.code}" dir="${e.dir}">${e.name}</a></li>`,
      )}</ul></nav>`
    : ""
}
<p class="masthead__search"><a href="${searchPath(model.edition.home)}"${current(searchPath(model.edition.home))}>${SEARCH_ICON}<span>${words.t("search")}</span></a></p>
<nav class="sections" aria-label="${words.t("sectionNav")}"><ul>${model.sections.map(
    ({ subject: s }) => html`<li><a href="${s.url}"${current(s.url)}>${s.name}</a></li>`,
  )}</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site-footer">
<nav aria-label="${words.t("footerNav")}">
<ul class="site-footer__sections">${model.sections.map(({ subject: s }) => html`<li><a href="${s.url}">${s.name}</a></li>`)}</ul>
<ul class="site-footer__pages">${model.footerPages.map((p) => html`<li>${pageLink(p, edition, current(p.url))}</li>`)}<li><a href="${model.corrections.pages[0]!.url}"${current(model.corrections.pages[0]!.url)}>${words.t("correctionsTitle")}</a></li></ul>
</nav>
<p class="site-footer__about"><a href="${edition.home}">${edition.title}</a> · ${edition.description}</p>
<p class="site-footer__copyright">© ${yearOf(model.now, edition)} <bdi>${edition.publisher}</bdi></p>
</footer>
</body>
</html>
`.value;
}

/**
 * The breaking-news bar, above the masthead on every page of the edition while its file says so
 * (src/listings/breaking-bar.ts). Plain HTML: it shows without a script, and the build takes it down.
 */
function breakingBar({ breaking, edition }: EditionModel): SafeHtml | string {
  if (!breaking) return "";
  const words = edition.words;
  const text = breaking.url ? html`<a href="${breaking.url}">${breaking.text}</a>` : breaking.text;
  return html`<aside class="breaking" aria-labelledby="breaking-label"><p><strong class="breaking__label" id="breaking-label">${words.t("breaking")}</strong> <span class="breaking__text">${text}</span></p></aside>
`;
}

/** A link to a standalone page from `edition`'s pages; one it has no translation of says its language (src/listings/footer-pages.ts). */
export function pageLink(page: StandalonePage, edition: Edition, current: SafeHtml | string = ""): SafeHtml {
  return page.edition === edition
    ? html`<a href="${page.url}"${current}>${page.title}</a>`
    : html`<a href="${page.url}" hreflang="${page.lang}" lang="${page.lang}" dir="${page.edition.dir}">${page.title}</a>`;
}

const years = new Map<string, string>();

/** The year in the edition's digits ("٢٠٢٦"), without a thousands separator. */
function yearOf(now: Instant, edition: Edition): string {
  const key = `${edition.intl}|${now.year}`;
  let year = years.get(key);
  if (year === undefined) years.set(key, (year = new Intl.NumberFormat(edition.intl, { useGrouping: false }).format(now.year)));
  return year;
}
