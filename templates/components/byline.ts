import type { Article, Byline } from "../../src/article.ts";
import { html, type SafeHtml } from "../../src/html.ts";
import { words } from "../words.ts";
import { timeTag, updatedTag } from "./dates.ts";

/** "A", "A and B", "A, B and C"; a profiled author's name links to the author's page. */
export function names(list: readonly Byline[]): SafeHtml {
  const name = (b: Byline) => (b.url ? html`<a href="${b.url}">${b.name}</a>` : html`${b.name}`);
  if (list.length <= 1) return html`${list.map(name)}`;
  const head = list.slice(0, -1).map((b, i) => html`${i ? ", " : ""}${name(b)}`);
  return html`${head} ${words.and} ${name(list[list.length - 1]!)}`;
}

/** By Dilan Barzan · 28 January 2026, 12:00 GMT+3 · Updated 16:45 GMT+3 · 4 min read */
export function byline(article: Article, locale: string): SafeHtml {
  const sep = html`<span class="byline__sep" aria-hidden="true"> · </span>`;
  return html`<p class="byline"><span class="byline__authors">${words.by} ${names(article.authors)}</span>${sep}${timeTag(article.date, locale)}${
    article.updated ? html`${sep}<span class="byline__updated">${words.updated} ${updatedTag(article.date, article.updated, locale)}</span>` : ""
  }${sep}<span class="byline__reading">${words.minRead(article.readingMinutes)}</span></p>`;
}
