import type { Article, Correction } from "../../../src/model/article.ts";
import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { Edition } from "../../../src/site/editions.ts";
import { correctedTag, timeTag, updatedTag } from "./dates.ts";

/** The id of the corrections box's heading (templates/pages/article.ts), which "Corrected" links to. */
export const CORRECTIONS_HEADING_ID = "corrections-title";

/**
 * The times a byline gives (issue 17): a story never changed, its date alone; one with `updated` or
 * corrections, its history: "Published 28 January 2026, 12:00 GMT+3", "Updated 16:45 GMT+3",
 * "Corrected 29 January 2026" (the latest correction, linked to the box that lists them all).
 *
 * The history takes the place of the byline's times rather than following on a line of its own: the
 * byline already said when the story was published and updated, and a second line would say both
 * again (DESIGN.md asks for byline and times on one quiet line). "Published" names the first date
 * only once there is another beside it. The parts are joined by the byline's separator.
 */
export function historyParts(article: Article, edition: Edition): SafeHtml[] {
  const { words } = edition;
  const latest = article.corrections.reduce<Correction | undefined>((a, c) => (!a || c.date > a.date ? c : a), undefined);
  if (!article.updated && !latest) return [timeTag(article.date, edition)];
  return [
    html`<span class="byline__published">${words.t("published")} ${timeTag(article.date, edition)}</span>`,
    ...(article.updated ? [html`<span class="byline__updated">${words.t("updated")} ${updatedTag(article.date, article.updated, edition)}</span>`] : []),
    ...(latest ? [html`<span class="byline__corrected">${words.t("corrected")} <a href="#${CORRECTIONS_HEADING_ID}">${correctedTag(article.date, latest.date, edition)}</a></span>`] : []),
  ];
}
