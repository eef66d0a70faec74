/**
 * An edition's corrections page (/corrections/, issue 17): every correction of its published stories,
 * newest first, paginated as the other listings are (an archive of 50,000 stories may hold thousands),
 * and the corrections policy the page points to.
 */
import type { Article } from "../model/article.ts";
import type { CorrectionEntry, CorrectionsList } from "../model/site-model.ts";
import type { StandalonePage } from "../model/standalone-page.ts";
import { paginate } from "../shared/pagination.ts";
import { correctionsPath, pagedUrl, urlPath } from "../site/url-space.ts";
import type { Edition } from "../site/editions.ts";
import { PER_PAGE } from "./limits.ts";

/**
 * The page a site's corrections policy is, by its translationKey or, untranslated, by its file name:
 * content/_pages/corrections-policy.md, as the sample site and EDITING.md name it.
 */
export const POLICY_KEY = "corrections-policy";

/**
 * @param articles the edition's published stories
 * @param footerPages the pages its footer links: its own, and the first edition's it has not translated
 */
export function correctionsList(articles: readonly Article[], edition: Edition, footerPages: readonly StandalonePage[]): CorrectionsList {
  const entries: CorrectionEntry[] = articles.flatMap((article) => article.corrections.map((c) => ({ article, date: c.date, text: c.text })));
  // Newest first; at one moment, stories by URL (the same order on every build) and a story's
  // corrections as written (the sort is stable).
  entries.sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.article.url.localeCompare(b.article.url));
  const base = correctionsPath(edition.home);
  return {
    pages: paginate(entries, PER_PAGE, (n) => pagedUrl(base, n)),
    policy: footerPages.find((p) => p.translationKey === POLICY_KEY || p.url === urlPath(p.edition.home, POLICY_KEY)),
  };
}
