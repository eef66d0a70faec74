import { html } from "../../src/shared/html.ts";
import { imageBase } from "../../src/site/url-space.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { cardGrid } from "../layout/components/card.ts";
import { documentPage } from "../layout/layout.ts";

/** 404.html: says so plainly, and offers the front page, the sections and the latest stories. */
export function notFoundPage(model: EditionModel): string {
  const { site, edition } = model;
  const words = edition.words;
  return documentPage(model, {
    title: words.t("notFoundTitle"),
    description: words.t("notFoundText"),
    url: `${edition.home}404.html`,
    canonical: false,
    head: html`<meta name="robots" content="noindex">`,
    main: html`<header class="listing-header"><h1>${words.t("notFoundTitle")}</h1></header>
<p class="not-found__text">${words.t("notFoundText")}</p>
<p class="more"><a href="${edition.home}">${words.t("notFoundHome")}</a></p>
<section class="front-block" aria-labelledby="latest-title"><h2 id="latest-title" class="block-title">${words.t("latest")}</h2>
${cardGrid(model.front.latest, { edition, imageBase: imageBase(site.pathPrefix), level: 3, standfirst: false })}</section>`,
  });
}
