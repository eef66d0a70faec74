import type { Article } from "../../src/model/article.ts";
import { absoluteUrl, imageBase } from "../../src/site/url-space.ts";
import { figure, ORIGIN_WORDS, SIZES } from "../../src/render/figure.ts";
import { html, raw, type SafeHtml } from "../../src/shared/html.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import { byline } from "../layout/components/byline.ts";
import { CORRECTIONS_HEADING_ID } from "../layout/components/history.ts";
import { cardGrid, type CardOptions } from "../layout/components/card.ts";
import { dateText, timeTag } from "../layout/components/dates.ts";
import { documentPage } from "../layout/layout.ts";
import { articleHead } from "../layout/head/article-head.ts";
import { shareRow } from "../layout/components/share-row.ts";
import { liveUpdates } from "../layout/components/live-updates.ts";

export function articlePage(article: Article, model: EditionModel): string {
  const { edition } = model;
  const locale = edition.intl;
  const images = imageBase(model.site.pathPrefix);
  // Search (Pagefind: src/search/pagefind-index.ts) indexes the article: its body, not its header. Each
  // result brings back metadata, which Pagefind also searches: the title (the first h1, weighted
  // up), the standfirst, the date and a thumbnail; and the section, as a filter.
  const main = html`<article class="article" data-pagefind-body data-pagefind-filter="section:${article.section.name}" data-pagefind-meta="date:${searchDate(article)}">
${previewBanner(article, model, locale)}<header class="article__header" data-pagefind-ignore data-pagefind-meta="standfirst:${article.summary}">
<p class="label"><a href="${article.section.url}">${article.section.name}</a>${article.live?.status === "live" ? html` <span class="live-label">${edition.words.t("live")}</span>` : ""}</p>
<h1 class="article__headline">${article.title}</h1>
<p class="standfirst">${article.summary}</p>
${byline(article, edition)}
${otherLanguages(article, model)}</header>
${article.hero ? figure(article.hero.plan, article.hero.caption, { alt: article.hero.alt, sizes: SIZES.hero, priority: true, imageBase: images, className: "figure figure--hero", origin: article.hero.origin && edition.words.t(ORIGIN_WORDS[article.hero.origin]) }) : ""}
<div class="article__body"${searchImage(article, images)}>
${raw(article.html)}
</div>
${liveUpdates(article, edition)}
${corrections(article, model)}${tags(article, model)}
${shareRow({ url: absoluteUrl(model.site.url, model.site.pathPrefix, article.url), title: article.title, summary: article.summary }, edition)}
</article>
${related(model.relatedTo(article), { edition, imageBase: images, level: 3, standfirst: false })}`;
  return documentPage(model, {
    title: article.title,
    description: article.summary,
    url: article.url,
    main,
    head: articleHead(article, model),
  });
}

function related(articles: readonly Article[], o: CardOptions): SafeHtml | string {
  if (!articles.length) return "";
  return html`<aside class="related" aria-labelledby="related-title"><h2 id="related-title" class="block-title">${o.edition.words.t("related")}</h2>
${cardGrid(articles, o)}</aside>`;
}

/** The story's corrections, dated, and a link to every correction of the edition (/corrections/). */
function corrections(article: Article, { edition, corrections: all }: EditionModel): SafeHtml | string {
  if (!article.corrections.length) return "";
  return html`<aside class="corrections" aria-labelledby="${CORRECTIONS_HEADING_ID}" data-pagefind-ignore>
<h2 id="${CORRECTIONS_HEADING_ID}">${edition.words.t("corrections")}</h2>
<ul>${article.corrections.map((c) => html`<li><p class="corrections__date">${timeTag(c.date, edition)}</p><p>${c.text}</p></li>`)}</ul>
<p class="corrections__all"><a href="${all.pages[0]!.url}">${edition.words.t("allCorrections")}</a></p>
</aside>
`;
}

function tags(article: Article, { edition }: EditionModel): SafeHtml | string {
  if (!article.tags.length) return "";
  return html`<footer class="article__footer" data-pagefind-ignore><h2 class="visually-hidden">${edition.words.t("tags")}</h2><ul class="tags">${article.tags.map(
    (t) => html`<li><a href="${t.url}">${t.name}</a></li>`,
  )}</ul></footer>`;
}

/**
 * The publication time for the search page, as "t" and Unix seconds ("t1769590800"). Pagefind makes
 * every metadata field searchable: a readable date ("2026-01-28T12:00") would make a search for
 * "2026", "28" or "12" find every story of that year, day or hour.
 */
function searchDate(article: Article): string {
  return `t${article.date.toUnixInteger()}`;
}

/** The hero's smallest fallback variant, as the thumbnail of the story's search results. */
function searchImage(article: Article, imageBase: string): SafeHtml | string {
  const plan = article.hero?.plan;
  const fallback = plan?.variants.find((v) => v.format === plan.formats[plan.formats.length - 1]);
  return fallback ? html` data-pagefind-meta="image:${imageBase}${fallback.name}"` : "";
}

/** In a preview, a draft or an embargoed article says so at the top, unmissably. */
function previewBanner(article: Article, model: EditionModel, locale: string): SafeHtml | string {
  const words = model.edition.words;
  const state = model.stateOf(article);
  if (state === "published") return "";
  const text = state === "draft" ? words.t("draft") : `${words.t("embargoedUntil")} ${dateText(article.date, model.edition)}`;
  return html`<p class="preview-banner" role="note">${text}</p>\n`;
}

/** The story in the other editions' languages, each link in its own language and direction. */
function otherLanguages(article: Article, model: EditionModel): SafeHtml | string {
  const others = model.alternatesOf(article.url).filter((a) => a.edition !== model.edition);
  if (!others.length) return "";
  return html`<nav class="translations" aria-labelledby="translations-title" data-pagefind-ignore><span class="translations__title" id="translations-title">${model.edition.words.t("otherLanguages")}</span><ul>${others.map(
    (a) => html`<li><a href="${a.url}" hreflang="${a.edition.code}" lang="${a.edition.code}" dir="${a.edition.dir}">${a.edition.name}</a></li>`,
  )}</ul></nav>
`;
}
