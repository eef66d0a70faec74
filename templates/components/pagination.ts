import { html, type SafeHtml } from "../../src/html.ts";
import type { Paged } from "../../src/pagination.ts";
import { words } from "../words.ts";

/** Newer/older links between the pages of a listing; nothing when there is only one page. */
export function pagination(page: Paged<unknown>): SafeHtml | string {
  if (!page.previous && !page.next) return "";
  return html`<nav class="pagination" aria-label="${words.pages}">${
    page.previous ? html`<a class="pagination__newer" rel="prev" href="${page.previous}"><span class="arrow" aria-hidden="true">←</span> ${words.newer}</a>` : ""
  }<span class="pagination__status">${words.pageOf(page.number, page.last)}</span>${
    page.next ? html`<a class="pagination__older" rel="next" href="${page.next}">${words.older} <span class="arrow" aria-hidden="true">→</span></a>` : ""
  }</nav>`;
}
