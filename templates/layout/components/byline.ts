import type { Article, Byline } from "../../../src/model/article.ts";
import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { Edition } from "../../../src/site/editions.ts";
import type { Words } from "../../../src/locale/words.ts";
import { historyParts } from "./history.ts";

/**
 * "A", "A and B", "A, B and C" as the language joins names; a profiled author's name links to the
 * author's page. Each name is isolated (<bdi>): a Latin name in a Sorani byline keeps its order.
 */
export function names(list: readonly Byline[], words: Words): SafeHtml {
  const name = (b: Byline) => (b.url ? html`<bdi><a href="${b.url}">${b.name}</a></bdi>` : html`<bdi>${b.name}</bdi>`);
  return html`${words.list(list).map((part) => (typeof part === "string" ? part : name(part)))}`;
}

/**
 * By Dilan Barzan · 28 January 2026, 12:00 GMT+3 · 4 min read; a story updated or corrected gives its
 * history instead of the date alone (./history.ts): By Dilan Barzan · Published 28 January 2026, 12:00
 * GMT+3 · Updated 16:45 GMT+3 · Corrected 29 January 2026 · 4 min read
 */
export function byline(article: Article, edition: Edition): SafeHtml {
  const { words } = edition;
  const sep = html`<span class="byline__sep" aria-hidden="true"> · </span>`;
  const parts = [
    html`<span class="byline__authors">${words.t("by")} ${names(article.authors, words)}</span>`,
    ...historyParts(article, edition),
    html`<span class="byline__reading">${words.n("minRead", article.readingMinutes)}</span>`,
  ];
  return html`<p class="byline">${parts.map((p, i) => (i ? html`${sep}${p}` : p))}</p>`;
}
