import type { Article } from "../src/article.ts";
import { html } from "../src/html.ts";
import type { Listing, SiteModel } from "../src/site-model.ts";
import { storyList } from "./components/story-list.ts";
import { localeFor } from "./article.ts";
import { documentPage } from "./layout.ts";
import { words } from "./words.ts";

const sectionUrl = (a: Article) => a.section.url;

/** The front page: every published story, newest first (issue #3 turns this into a real front page). */
export function frontPage(model: SiteModel): string {
  const locale = localeFor(model, model.site.language);
  return documentPage(model, {
    title: model.site.name,
    description: model.site.description,
    url: model.site.pathPrefix,
    main: html`<h1 class="visually-hidden">${model.site.name}</h1>
<section aria-labelledby="latest"><h2 id="latest" class="listing__title">${words.latest}</h2>
${storyList(model.articles, locale, sectionUrl)}
</section>`,
  });
}

export function sectionPage(listing: Listing, model: SiteModel): string {
  return listingPage(listing, model, listing.term.name);
}

export function tagPage(listing: Listing, model: SiteModel): string {
  return listingPage(listing, model, `${words.taggedWith} “${listing.term.name}”`);
}

function listingPage(listing: Listing, model: SiteModel, title: string): string {
  const locale = localeFor(model, model.site.language);
  return documentPage(model, {
    title,
    description: `${title} – ${model.site.name}`,
    url: listing.term.url,
    main: html`<h1 class="listing__title">${title}</h1>
${storyList(listing.articles, locale, sectionUrl)}`,
  });
}
