import { html } from "../../src/shared/html.ts";
import { imageBase, searchPath } from "../../src/site/url-space.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { storyList } from "../layout/components/card.ts";
import { documentPage } from "../layout/layout.ts";

/**
 * 404.html: says so plainly, and offers a search (a plain form: the search page reads `q` from the
 * address, so it works before any script runs), the front page and the newest stories, the lead
 * among them.
 */
export function notFoundPage(model: EditionModel): string {
  const { site, edition } = model;
  const words = edition.words;
  const search = searchPath(edition.home);
  return documentPage(model, {
    title: words.t("notFoundTitle"),
    description: words.t("notFoundText"),
    url: `${edition.home}404.html`,
    canonical: false,
    head: html`<meta name="robots" content="noindex">`,
    main: html`<header class="listing-header"><h1>${words.t("notFoundTitle")}</h1></header>
<p class="not-found__text">${words.t("notFoundText")}</p>
<form class="search-form not-found__search" role="search" action="${search}" method="get"><p class="search-form__field search-form__field--query"><label for="not-found-q">${words.t("searchLabel")}</label>
<input type="search" id="not-found-q" name="q" autocomplete="off" enterkeyhint="search"></p>
<p><button type="submit">${words.t("searchSubmit")}</button></p></form>
<p class="more"><a href="${edition.home}">${words.t("notFoundHome")}</a></p>
${
  model.front.newest.length
    ? html`<section class="front-block" aria-labelledby="latest-title"><h2 id="latest-title" class="block-title">${words.t("latest")}</h2>
${storyList(model.front.newest, { edition, imageBase: imageBase(site.pathPrefix), level: 3, standfirst: false })}</section>`
    : ""
}`,
  });
}
