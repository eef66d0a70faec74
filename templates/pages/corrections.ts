import type { CorrectionEntry, EditionModel } from "../../src/model/site-model.ts";
import { html, type SafeHtml } from "../../src/shared/html.ts";
import type { Paged } from "../../src/shared/pagination.ts";
import { timeTag } from "../layout/components/dates.ts";
import { pageOf, pagination } from "../layout/components/pagination.ts";
import { documentPage, pageLink } from "../layout/layout.ts";
import { pageHead } from "../layout/head/page-head.ts";

/**
 * One page of the edition's corrections (/corrections/, issue 17), newest first as the model gives them
 * (src/listings/corrections.ts): each with its date, the story it corrects and what it says, then the
 * corrections policy. Without corrections it says so, and, like an empty listing, is not indexed.
 */
export function correctionsPage(page: Paged<CorrectionEntry>, model: EditionModel): string {
  const { edition } = model;
  const words = edition.words;
  const name = words.t("correctionsTitle");
  const title = page.number > 1 ? `${name}: ${pageOf(page, words)}` : name;
  const description = words.t("correctionsDescription", { site: edition.title });
  const status = page.last > 1 ? html`<p class="listing-header__status">${pageOf(page, words)}</p>` : "";
  const policy = model.corrections.policy;
  return documentPage(model, {
    title,
    description,
    url: page.url,
    head: html`${page.items.length ? "" : html`<meta name="robots" content="noindex">\n`}${pageHead(model, { title, description, url: page.url })}`,
    main: html`<header class="listing-header"><h1>${name}</h1>${status}<p class="listing-header__description">${description}</p>${
      policy ? html`<p class="listing-header__policy">${pageLink(policy, edition)}</p>` : ""
    }</header>
${page.items.length ? html`<ul class="correction-list">${page.items.map((c) => entry(c, model))}</ul>` : html`<p class="empty">${words.t("noCorrections")}</p>`}
${pagination(page, words, { newer: words.t("newerCorrections"), older: words.t("olderCorrections") })}`,
  });
}

function entry(c: CorrectionEntry, { edition }: EditionModel): SafeHtml {
  return html`<li class="correction-list__item"><p class="correction-list__date">${timeTag(c.date, edition)}</p><h2 class="correction-list__headline"><a href="${c.article.url}">${c.article.title}</a></h2><p class="correction-list__text">${c.text}</p></li>
`;
}
