import type { SiteModel } from "../../src/site-model.ts";

/** The publisher as schema.org wants it, with its logo when the site has one. */
export function organization(model: SiteModel) {
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
