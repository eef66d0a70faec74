import type { StandalonePage } from "../model/standalone-page.ts";
import type { Edition } from "../site/editions.ts";

/**
 * The pages an edition's footer links (About, Corrections policy, Contact): its own, and each page of
 * the first edition it has no translation of, in the first language.
 *
 * Why link a page the reader may not read: the corrections policy and the contact page are how a
 * reader holds the paper to account, and the paper owes them to every reader, whichever edition they
 * read. A page not yet translated is better reached in English than not at all (the BBC's language
 * services do the same); the link says its language (hreflang, lang), so the reader knows before
 * following it, and a screen reader reads its title in English. So every edition's footer lists the
 * same pages in the same order: the first edition's, as its `order` says, each translation standing
 * where the page it translates stands; a page only one edition has comes by its own `order`.
 */
export function footerPages(pages: readonly StandalonePage[], edition: Edition, first: Edition): StandalonePage[] {
  const own = pages.filter((p) => p.edition === edition);
  if (edition === first) return own;
  const originals = new Map(pages.filter((p) => p.edition === first && p.translationKey).map((p) => [p.translationKey!, p]));
  const translated = new Set(own.flatMap((p) => (p.translationKey ? [p.translationKey] : [])));
  const untranslated = pages.filter((p) => p.edition === first && !(p.translationKey && translated.has(p.translationKey)));
  // `pages` is in footer order (by `order`, then URL).
  const place = (p: StandalonePage) => pages.indexOf((p.translationKey && originals.get(p.translationKey)) || p);
  return [...own, ...untranslated].sort((a, b) => place(a) - place(b));
}
