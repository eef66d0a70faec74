import { html } from "../../src/shared/html.ts";
import { imageBase } from "../../src/site/url-space.ts";
import type { Paged } from "../../src/shared/pagination.ts";
import type { Article } from "../../src/model/article.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { card, cardGrid } from "../layout/components/card.ts";
import { pageOf, pagination } from "../layout/components/pagination.ts";
import { documentPage } from "../layout/layout.ts";
import { pageHead } from "../layout/head/page-head.ts";

/** The front page: the lead story, the latest stories, then each section's newest. */
export function frontPage(model: EditionModel): string {
  const { front, site, edition } = model;
  const words = edition.words;
  const o = { edition, imageBase: imageBase(site.pathPrefix) };
  const more = front.archive[0];
  const main = html`<h1 class="visually-hidden">${edition.title}</h1>
${
  front.lead
    ? html`<section class="front-lead" aria-label="${words.t("topStory")}">${card(front.lead, { ...o, level: 2, lead: true })}</section>`
    : html`<p class="empty">${words.t("noArticles")}</p>`
}
${
  front.latest.length
    ? html`<section class="front-block" aria-labelledby="latest-title"><h2 id="latest-title" class="block-title">${words.t("latest")}</h2>
${cardGrid(front.latest, { ...o, level: 3 })}</section>`
    : ""
}
${front.sections.map(
  ({ section, articles }) => html`<section class="front-block" aria-labelledby="section-${section.slug}"><h2 id="section-${section.slug}" class="block-title"><a href="${section.url}">${section.name}</a></h2>
${cardGrid(articles, { ...o, level: 3, standfirst: false, label: false })}</section>`,
)}
${more ? html`<p class="more"><a href="${more.url}">${words.t("moreStories")} <span class="arrow" aria-hidden="true">→</span></a></p>` : ""}`;
  const head = pageHead(model, { title: edition.title, description: edition.description, url: edition.home, website: true });
  return documentPage(model, { title: edition.title, description: edition.description, url: edition.home, main, head });
}

/** /page/2/ onwards: older stories, newest first. */
export function archivePage(page: Paged<Article>, model: EditionModel): string {
  const { site, edition } = model;
  const words = edition.words;
  const o = { edition, imageBase: imageBase(site.pathPrefix) };
  const title = `${words.t("archiveTitle")}: ${pageOf(page, words)}`;
  const description = words.t("archiveDescription", { site: edition.title });
  return documentPage(model, {
    title,
    description,
    url: page.url,
    head: pageHead(model, { title, description, url: page.url, articles: page.items }),
    main: html`<header class="listing-header"><h1>${words.t("archiveTitle")}</h1><p class="listing-header__status">${pageOf(page, words)}</p></header>
${cardGrid(page.items, { ...o, level: 2 })}
${pagination(page, words)}`,
  });
}
