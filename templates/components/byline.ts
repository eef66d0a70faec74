import type { Article } from "../../src/article.ts";
import { html, type SafeHtml } from "../../src/html.ts";
import { words } from "../words.ts";
import { timeTag, updatedTag } from "./dates.ts";

/** "A", "A and B", "A, B and C" */
export function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} ${words.and} ${list[list.length - 1]}`;
}

/** By Dilan Barzan · 28 January 2026, 12:00 GMT+3 · Updated 16:45 GMT+3 */
export function byline(article: Article, locale: string): SafeHtml {
  return html`<p class="byline"><span class="byline__authors">${words.by} ${names(article.authors)}</span><span class="byline__sep" aria-hidden="true"> · </span>${timeTag(
    article.date,
    locale,
  )}${
    article.updated
      ? html`<span class="byline__sep" aria-hidden="true"> · </span><span class="byline__updated">${words.updated} ${updatedTag(article.date, article.updated, locale)}</span>`
      : ""
  }</p>`;
}
