import { html, type SafeHtml } from "../../src/html.ts";
import type { EditionModel } from "../../src/site-model.ts";

/** The publisher as schema.org wants it, with its logo when the site has one. */
export function organization(model: EditionModel) {
  const { site } = model;
  return {
    "@type": "NewsMediaOrganization",
    name: site.publisher.name,
    url: site.url,
    logo: site.publisher.logo ? { "@type": "ImageObject", url: new URL(site.publisher.logo.slice(1), site.url).href } : undefined,
  };
}

/** Open Graph wants `en_GB`; a language without a region stays as it is (`ckb`). */
export function openGraphLocale(locale: string): string {
  return locale.replace("-", "_");
}

/** og:locale for the edition, and og:locale:alternate for the page's other versions. */
export function openGraphLocales(model: EditionModel, url: string): SafeHtml {
  const others = model.alternatesOf(url).filter((a) => a.edition !== model.edition);
  return html`<meta property="og:locale" content="${openGraphLocale(model.edition.locale)}">
${others.map((a) => html`<meta property="og:locale:alternate" content="${openGraphLocale(a.edition.locale)}">\n`)}`;
}
