import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { Paged } from "../../../src/shared/pagination.ts";
import type { Words } from "../../../src/locale/words.ts";

/** Newer/older links between the pages of a listing; nothing when there is only one page. */
export function pagination(page: Paged<unknown>, words: Words): SafeHtml | string {
  if (!page.previous && !page.next) return "";
  return html`<nav class="pagination" aria-label="${words.t("pages")}">${
    page.previous ? html`<a class="pagination__newer" rel="prev" href="${page.previous}"><span class="arrow" aria-hidden="true">←</span> ${words.t("newer")}</a>` : ""
  }<span class="pagination__status">${pageOf(page, words)}</span>${
    page.next ? html`<a class="pagination__older" rel="next" href="${page.next}">${words.t("older")} <span class="arrow" aria-hidden="true">→</span></a>` : ""
  }</nav>`;
}

/** "Page 2 of 7", in the language's digits. */
export function pageOf(page: Paged<unknown>, words: Words): string {
  return words.t("pageOf", { page: words.num(page.number), pages: words.num(page.last) });
}
