/**
 * The site unit tests load against, made in memory as site.yaml would make it: English (the default,
 * at /), Sorani and Arabic (both right to left), in Asia/Baghdad, with the repo's interface words.
 */
import { REPO } from "../../src/shared/repo.ts";
import { loadEditions, type Edition } from "../../src/site/editions.ts";
import { resolveSite, siteSchema, type SiteConfig } from "../../src/site/site-config.ts";

export const ENGLISH = { code: "en", name: "English", locale: "en-GB" };
export const SORANI = { code: "ckb", name: "کوردی", description: "ماڵپەڕی تاقیکردنەوە" };
export const ARABIC = { code: "ar", name: "العربية", description: "موقع الاختبار" };

/** A site in `languages` (English, Sorani, Arabic unless told), resolved as site.yaml would be; `fields` replace the defaults. */
export function testSite(languages: readonly object[] = [ENGLISH, SORANI, ARABIC], fields: Record<string, unknown> = {}): SiteConfig {
  return resolveSite(siteSchema.parse({ name: "T", description: "D", url: "https://t.example/", timeZone: "Asia/Baghdad", publisher: { name: "P" }, languages, ...fields }));
}

/** The editions of `testSite(languages, fields)`, with the repo's interface words. */
export function testEditions(languages?: readonly object[], fields?: Record<string, unknown>): Edition[] {
  return loadEditions(testSite(languages, fields), REPO);
}
