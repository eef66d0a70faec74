import { html, type SafeHtml } from "../../src/html.ts";
import type { SiteModel } from "../../src/site-model.ts";
import { words } from "../words.ts";

/** What every page adds to <head> besides its own: the icon and the site's feeds. */
export function siteHead(model: SiteModel): SafeHtml {
  return html`<link rel="icon" href="${model.site.pathPrefix}assets/favicon.svg" type="image/svg+xml">
${feedLinks(model, model.site.name, model.site.pathPrefix)}`;
}

/** `<link rel="alternate">` to the RSS, Atom and JSON feeds under `base` (the site's, or a section's). */
export function feedLinks(model: SiteModel, name: string, base: string): SafeHtml {
  const title = name === model.site.name ? name : `${name} – ${model.site.name}`;
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (${words.feedRss})" href="${base}feed.xml">
<link rel="alternate" type="application/atom+xml" title="${title} (${words.feedAtom})" href="${base}atom.xml">
<link rel="alternate" type="application/feed+json" title="${title} (${words.feedJson})" href="${base}feed.json">`;
}
