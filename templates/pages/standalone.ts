import { html, raw } from "../../src/shared/html.ts";
import type { EditionModel } from "../../src/model/site-model.ts";
import type { StandalonePage } from "../../src/model/standalone-page.ts";
import { documentPage } from "../layout/layout.ts";

/** About, Contact, Corrections policy: a title, a standfirst and text. */
export function standalonePage(page: StandalonePage, model: EditionModel): string {
  return documentPage(model, {
    title: page.title,
    description: page.summary,
    url: page.url,
    main: html`<article class="article article--page"><header class="article__header"><h1 class="article__headline">${page.title}</h1><p class="standfirst">${page.summary}</p></header>
<div class="article__body">
${raw(page.html)}
</div></article>`,
  });
}
