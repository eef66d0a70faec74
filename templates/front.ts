import { html } from "../src/html.ts";
import { imageBase } from "../src/urls.ts";
import type { Paged } from "../src/pagination.ts";
import type { Article } from "../src/article.ts";
import type { SiteModel } from "../src/site-model.ts";
import { card, cardGrid } from "./components/card.ts";
import { pagination } from "./components/pagination.ts";
import { localeFor } from "./article.ts";
import { documentPage } from "./layout.ts";
import { words } from "./words.ts";
import { pageHead } from "./head/page-head.ts";

/** The front page: the lead story, the latest stories, then each section's newest. */
export function frontPage(model: SiteModel): string {
  const { front, site } = model;
  const o = { locale: localeFor(model, site.language), imageBase: imageBase(site.pathPrefix) };
  const more = front.archive[0];
  const main = html`<h1 class="visually-hidden">${site.name}</h1>
${
  front.lead
    ? html`<section class="front-lead" aria-label="${words.topStory}">${card(front.lead, { ...o, level: 2, lead: true })}</section>`
    : html`<p class="empty">${words.noArticles}</p>`
}
${
  front.latest.length
    ? html`<section class="front-block" aria-labelledby="latest-title"><h2 id="latest-title" class="block-title">${words.latest}</h2>
${cardGrid(front.latest, { ...o, level: 3 })}</section>`
    : ""
}
${front.sections.map(
  ({ section, articles }) => html`<section class="front-block" aria-labelledby="section-${section.slug}"><h2 id="section-${section.slug}" class="block-title"><a href="${section.url}">${section.name}</a></h2>
${cardGrid(articles, { ...o, level: 3, standfirst: false, label: false })}</section>`,
)}
${more ? html`<p class="more"><a href="${more.url}">${words.moreStories} <span class="arrow" aria-hidden="true">→</span></a></p>` : ""}`;
  const head = pageHead(model, { title: site.name, description: site.description, url: site.pathPrefix, website: true });
  return documentPage(model, { title: site.name, description: site.description, url: site.pathPrefix, main, head });
}

/** /page/2/ onwards: older stories, newest first. */
export function archivePage(page: Paged<Article>, model: SiteModel): string {
  const { site } = model;
  const o = { locale: localeFor(model, site.language), imageBase: imageBase(site.pathPrefix) };
  const title = `${words.archiveTitle}: ${words.pageOf(page.number, page.last)}`;
  const description = words.archiveDescription(site.name);
  return documentPage(model, {
    title,
    description,
    url: page.url,
    head: pageHead(model, { title, description, url: page.url, articles: page.items }),
    main: html`<header class="listing-header"><h1>${words.archiveTitle}</h1><p class="listing-header__status">${words.pageOf(page.number, page.last)}</p></header>
${cardGrid(page.items, { ...o, level: 2 })}
${pagination(page)}`,
  });
}
