import { html, type SafeHtml } from "../../src/html.ts";
import type { SiteModel } from "../../src/site-model.ts";

/** What every page adds to <head> besides its own: the icon (feeds follow). */
export function siteHead(model: SiteModel): SafeHtml {
  return html`<link rel="icon" href="${model.site.pathPrefix}assets/favicon.svg" type="image/svg+xml">`;
}
