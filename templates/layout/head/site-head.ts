import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { EditionModel } from "../../../src/model/site-model.ts";
import { faviconPath, FILE } from "../../../src/site/url-space.ts";

/** What every page adds to <head> besides its own: the icon and the site's feeds. */
export function siteHead(model: EditionModel): SafeHtml {
  return html`<link rel="icon" href="${faviconPath(model.site.pathPrefix)}" type="image/svg+xml">
${feedLinks(model, model.edition.title, model.edition.home)}`;
}

/** `<link rel="alternate">` to the RSS, Atom and JSON feeds under `base` (the edition's, or a section's). */
export function feedLinks(model: EditionModel, name: string, base: string): SafeHtml {
  const { title: site, words } = model.edition;
  const title = name === site ? name : `${name} – ${site}`;
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (${words.t("feedRss")})" href="${base}${FILE.rss}">
<link rel="alternate" type="application/atom+xml" title="${title} (${words.t("feedAtom")})" href="${base}${FILE.atom}">
<link rel="alternate" type="application/feed+json" title="${title} (${words.t("feedJson")})" href="${base}${FILE.jsonFeed}">`;
}
