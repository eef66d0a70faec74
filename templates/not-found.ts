import { html } from "../src/html.ts";
import { imageBase } from "../src/urls.ts";
import type { SiteModel } from "../src/site-model.ts";
import { cardGrid } from "./components/card.ts";
import { localeFor } from "./article.ts";
import { documentPage } from "./layout.ts";
import { words } from "./words.ts";

/** 404.html: says so plainly, and offers the front page, the sections and the latest stories. */
export function notFoundPage(model: SiteModel): string {
  const { site } = model;
  return documentPage(model, {
    title: words.notFoundTitle,
    description: words.notFoundText,
    url: `${site.pathPrefix}404.html`,
    canonical: false,
    head: html`<meta name="robots" content="noindex">`,
    main: html`<header class="listing-header"><h1>${words.notFoundTitle}</h1></header>
<p class="not-found__text">${words.notFoundText}</p>
<p class="more"><a href="${site.pathPrefix}">${words.notFoundHome}</a></p>
<section class="front-block" aria-labelledby="latest-title"><h2 id="latest-title" class="block-title">${words.latest}</h2>
${cardGrid(model.front.latest, { locale: localeFor(model, site.language), imageBase: imageBase(site.pathPrefix), level: 3, standfirst: false })}</section>`,
  });
}
