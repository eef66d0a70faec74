import type { Article, Term } from "../../src/model/article.ts";
import { imageBase } from "../../src/site/url-space.ts";
import type { Author } from "../../src/site/authors.ts";
import { picture } from "../../src/render/figure.ts";
import { html, type SafeHtml } from "../../src/shared/html.ts";
import type { Paged } from "../../src/shared/pagination.ts";
import type { Section } from "../../src/site/sections.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { cardGrid } from "../layout/components/card.ts";
import { pageOf, pagination } from "../layout/components/pagination.ts";
import { documentPage } from "../layout/layout.ts";
import { pageHead } from "../layout/head/page-head.ts";
import { feedLinks } from "../layout/head/site-head.ts";

export function sectionPage(section: Section, page: Paged<Article>, model: EditionModel): string {
  const feeds = feedLinks(model, section.name, section.url);
  return listingPage(model, page, section.name, section.description, undefined, html`<p class="listing-header__description">${section.description}</p>`, 2, feeds);
}

export function tagPage(tag: Term, page: Paged<Article>, model: EditionModel): string {
  const words = model.edition.words;
  return listingPage(model, page, words.t("taggedWith", { tag: tag.name }), words.t("tagDescription", { tag: tag.name, site: model.edition.title }));
}

export function authorPage(author: Author, page: Paged<Article>, model: EditionModel): string {
  const words = model.edition.words;
  // A profile not yet translated is shown in its own language, marked so (screen readers, fonts).
  const text = author.textLang === model.edition.code ? "" : html` lang="${author.textLang}" dir="${model.editions.find((e) => e.code === author.textLang)?.dir ?? "auto"}"`;
  const photo = author.photo
    ? html`<div class="profile__photo">${picture(author.photo, { alt: author.name, sizes: "8rem", imageBase: imageBase(model.site.pathPrefix), priority: true })}</div>`
    : "";
  const links = author.links.length ? html`<ul class="profile__links">${author.links.map((l) => html`<li><a href="${l.url}" rel="me">${l.label}</a></li>`)}</ul>` : "";
  const intro = html`<div class="profile">${photo}<div class="profile__text"${text}><p class="profile__role">${author.role}</p><p class="profile__bio">${author.bio}</p>${links}</div></div>
<h2 class="block-title">${words.t("storiesBy", { name: author.name })}</h2>`;
  return listingPage(model, page, author.name, words.t("authorDescription", { name: author.name, role: author.role, site: model.edition.title }), intro, undefined, 3, undefined, author);
}

/** A listing: title, optional introduction, the page's cards and links to the other pages. */
function listingPage(
  model: EditionModel,
  page: Paged<Article>,
  name: string,
  description: string,
  intro?: SafeHtml,
  headerNote?: SafeHtml,
  level: 2 | 3 = 2,
  extraHead?: SafeHtml,
  author?: Author,
): string {
  const { site, edition } = model;
  const o = { edition, imageBase: imageBase(site.pathPrefix), level };
  const status = page.last > 1 ? html`<p class="listing-header__status">${pageOf(page, edition.words)}</p>` : "";
  const title = page.number > 1 ? `${name}: ${pageOf(page, edition.words)}` : name;
  return documentPage(model, {
    title,
    description,
    url: page.url,
    head: html`${page.items.length ? "" : html`<meta name="robots" content="noindex">\n`}${pageHead(model, { title, description, url: page.url, articles: page.items, ...(author ? { author } : {}) })}${extraHead ?? ""}`,
    main: html`<header class="listing-header"><h1>${name}</h1>${status}${headerNote ?? ""}</header>
${intro ?? ""}
${cardGrid(page.items, o)}
${pagination(page, edition.words)}`,
  });
}
