import { html } from "../../src/shared/html.ts";
import { imageBase } from "../../src/site/url-space.ts";
import type { Paged } from "../../src/shared/pagination.ts";
import type { Article } from "../../src/model/article.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { card, cardGrid, storyList } from "../layout/components/card.ts";
import { SIZES } from "../../src/render/figure.ts";
import { pageOf, pagination } from "../layout/components/pagination.ts";
import { documentPage } from "../layout/layout.ts";
import { pageHead } from "../layout/head/page-head.ts";

/**
 * The front page: the lead with the top stories beside it (a column of headlines from 66rem, under
 * it before), then a block for each section: its newest story as a card, the others as headlines,
 * and a link to the section. Lists of headlines, not grids, so that no number of stories leaves a
 * row half filled.
 */
export function frontPage(model: EditionModel): string {
  const { front, site, edition } = model;
  const words = edition.words;
  const o = { edition, imageBase: imageBase(site.pathPrefix) };
  const more = front.archive[0];
  const main = html`<h1 class="visually-hidden">${edition.title}</h1>
${
  front.lead
    ? html`<section class="front-top${front.top.length ? "" : " front-top--alone"}" aria-label="${words.t("topStories")}">${card(front.lead, { ...o, level: 2, lead: true })}
${front.top.length ? storyList(front.top, { ...o, level: 2 }) : ""}</section>`
    : html`<p class="empty">${words.t("noArticles")}</p>`
}
${front.sections.map(({ section, articles }) => {
  const [first, ...others] = articles;
  return html`<section class="front-section${others.length ? "" : " front-section--one"}" aria-labelledby="section-${section.slug}"><h2 id="section-${section.slug}" class="block-title"><a href="${section.url}">${section.name}</a></h2>
<div class="front-section__stories">${card(first!, { ...o, level: 3, label: false, sizes: SIZES.half })}
${others.length ? storyList(others, { ...o, level: 3, label: false, standfirst: false }) : ""}</div>
<p class="front-section__more"><a href="${section.url}">${words.t("moreIn", { section: section.name })} <span class="arrow" aria-hidden="true">→</span></a></p></section>`;
})}
${more ? html`<p class="more"><a href="${more.url}">${words.t("moreStories")} <span class="arrow" aria-hidden="true">→</span></a></p>` : ""}`;
  const head = pageHead(model, { title: edition.title, description: edition.description, url: edition.home, website: true });
  return documentPage(model, { title: edition.title, description: edition.description, url: edition.home, main, head, date: model.now });
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
