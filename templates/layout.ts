import { directionOf } from "../src/article.ts";
import { attr, html, raw, type SafeHtml } from "../src/html.ts";
import type { SiteModel } from "../src/site-model.ts";
import { absoluteUrl } from "../src/urls.ts";
import { words } from "./words.ts";
import { siteHead } from "./head/site-head.ts";
import { searchUrl } from "./search.ts";

/** A magnifying glass in the text's colour; the link's word names it. */
const SEARCH_ICON = raw(
  `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.25"/><path d="m15.5 15.5 5 5" fill="none" stroke="currentColor" stroke-width="2.25" stroke-linecap="round"/></svg>`,
);

export interface DocumentOptions {
  title: string;
  description: string;
  /** Root-relative URL of this page; the canonical link is made absolute from the site's URL. */
  url: string;
  lang?: string;
  dir?: "ltr" | "rtl";
  main: SafeHtml;
  /** Extra elements for <head>. */
  head?: SafeHtml;
  /** The 404 page has no canonical URL of its own. */
  canonical?: boolean;
}

/** The document shell shared by every page: head, masthead with section navigation, footer. */
export function documentPage(model: SiteModel, o: DocumentOptions): string {
  const { site } = model;
  const lang = o.lang ?? site.language;
  const isHome = o.url === site.pathPrefix;
  const dir = o.dir ?? directionOf(lang);
  // The masthead and footer speak the site's language: in a page of the other direction they keep theirs.
  const siteDir = directionOf(site.language);
  const siteText = html` lang="${site.language}"${attr("dir", siteDir === dir ? undefined : siteDir)}`;
  const current = (url: string) => (url === o.url ? html` aria-current="page"` : "");
  return html`<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${isHome ? site.name : `${o.title} – ${site.name}`}</title>
<meta name="description" content="${o.description}">
${o.canonical === false ? "" : html`<link rel="canonical" href="${absoluteUrl(site.url, site.pathPrefix, o.url)}">`}
<meta name="color-scheme" content="light dark">
${siteHead(model)}
<style>${raw(model.css)}</style>
${o.head ?? ""}
</head>
<body>
<a class="skip-link" href="#main">${words.skipToContent}</a>
<header class="masthead"${siteText}>
<p class="masthead__name"><a href="${site.pathPrefix}"${current(site.pathPrefix)}>${site.name}</a></p>
<p class="masthead__search"><a href="${searchUrl(model)}"${current(searchUrl(model))}>${SEARCH_ICON}<span>${words.search}</span></a></p>
<nav class="sections" aria-label="${words.sectionNav}"><ul>${model.sections.map(
    ({ subject: s }) => html`<li><a href="${s.url}"${current(s.url)}>${s.name}</a></li>`,
  )}</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site-footer"${siteText}>
<nav aria-label="${words.footerNav}">
<ul class="site-footer__sections">${model.sections.map(({ subject: s }) => html`<li><a href="${s.url}">${s.name}</a></li>`)}</ul>
${model.pages.length ? html`<ul class="site-footer__pages">${model.pages.map((p) => html`<li><a href="${p.url}"${current(p.url)}>${p.title}</a></li>`)}</ul>` : ""}
</nav>
<p class="site-footer__about"><a href="${site.pathPrefix}">${site.name}</a> · ${site.description}</p>
<p class="site-footer__copyright">© ${model.now.year} ${site.publisher.name}</p>
</footer>
</body>
</html>
`.value;
}
