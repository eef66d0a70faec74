import type { Article } from "../../src/model/article.ts";
import { isoWithOffset } from "../../src/shared/dates.ts";
import type { Edition } from "../../src/site/editions.ts";
import { update } from "../layout/components/live-updates.ts";

/**
 * `updates.json` (FILE.liveUpdates) beside a live story's page: where its script looks for updates
 * the page does not have yet.
 *
 * The story's status and its updates newest first, each with the markup the page gives it (so an
 * update the script puts in looks as it will after the next build), and the words the script says
 * when updates arrive, with the locale to choose their plural form and write the number.
 */
export function liveUpdatesJson(article: Article, edition: Edition): string {
  const live = article.live!;
  return `${JSON.stringify({
    status: live.status,
    // The edition's locale, digits included ("ar-IQ-u-nu-latn"): the script counts in them.
    locale: edition.intl,
    words: edition.words.forms("liveNewUpdates"),
    updates: live.updates.map((u) => ({ id: u.id, time: isoWithOffset(u.time), html: update(article, u, edition).value })),
  })}\n`;
}
