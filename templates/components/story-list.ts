import type { Article } from "../../src/article.ts";
import { html, type SafeHtml } from "../../src/html.ts";
import { timeTag } from "./dates.ts";
import { words } from "../words.ts";

/** A plain list of stories, newest first as given: section label, headline, standfirst, time. */
export function storyList(articles: readonly Article[], locale: string, sectionUrl: (a: Article) => string): SafeHtml {
  if (!articles.length) return html`<p class="empty">${words.noArticles}</p>`;
  return html`<ol class="stories">${articles.map(
    (a) => html`<li class="story" lang="${a.lang}" dir="${a.dir}"><p class="label"><a href="${sectionUrl(a)}">${a.section.name}</a></p><h2 class="story__headline"><a href="${a.url}">${a.title}</a></h2><p class="story__standfirst">${a.summary}</p><p class="story__time">${timeTag(a.date, locale)}</p></li>`,
  )}</ol>`;
}
