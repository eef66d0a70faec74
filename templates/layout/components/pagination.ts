import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { Paged } from "../../../src/shared/pagination.ts";
import type { Words } from "../../../src/locale/words.ts";

/**
 * Newer/older links between the pages of a listing; nothing when there is only one page. The links
 * say "Newer stories", "Older stories" unless the listing names what it holds (`labels`).
 */
export function pagination(page: Paged<unknown>, words: Words, labels = { newer: words.t("newer"), older: words.t("older") }): SafeHtml | string {
  if (!page.previous && !page.next) return "";
  return html`<nav class="pagination" aria-label="${words.t("pages")}">${
    page.previous ? html`<a class="pagination__newer" rel="prev" href="${page.previous}"><span class="arrow" aria-hidden="true">←</span> ${labels.newer}</a>` : ""
  }<span class="pagination__status">${pageOf(page, words)}</span>${
    page.next ? html`<a class="pagination__older" rel="next" href="${page.next}">${labels.older} <span class="arrow" aria-hidden="true">→</span></a>` : ""
  }</nav>`;
}

/** "Page 2 of 7", in the language's digits. */
export function pageOf(page: Paged<unknown>, words: Words): string {
  return words.t("pageOf", { page: words.num(page.number), pages: words.num(page.last) });
}
