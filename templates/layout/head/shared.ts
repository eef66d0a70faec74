import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { EditionModel } from "../../../src/model/site-model.ts";

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

/** Open Graph wants language_TERRITORY: `en_GB`, and for a bare `ckb` its likeliest region, `ckb_IQ`. */
export function openGraphLocale(locale: string): string {
  let og = ogLocales.get(locale);
  if (og === undefined) {
    const full = new Intl.Locale(locale).maximize();
    ogLocales.set(locale, (og = full.region ? `${full.language}_${full.region}` : full.language));
  }
  return og;
}

/** Worked out once per locale: every page asks. */
const ogLocales = new Map<string, string>();

/** og:locale for the edition, and og:locale:alternate for the page's other versions. */
export function openGraphLocales(model: EditionModel, url: string): SafeHtml {
  const others = model.alternatesOf(url).filter((a) => a.edition !== model.edition);
  return html`<meta property="og:locale" content="${openGraphLocale(model.edition.locale)}">
${others.map((a) => html`<meta property="og:locale:alternate" content="${openGraphLocale(a.edition.locale)}">\n`)}`;
}
