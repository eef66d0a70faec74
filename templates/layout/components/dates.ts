import { dateWords, isoWithOffset, sameDay, weekdayName, type Instant } from "../../../src/shared/dates.ts";
import { html, type SafeHtml } from "../../../src/shared/html.ts";
import type { Edition } from "../../../src/site/editions.ts";

/** `<time datetime="2026-01-28T12:00:00+03:00">28 January 2026, 12:00 GMT+3</time>`, in the edition's words and zone. */
export function timeTag(date: Instant, edition: Edition, o: { timeOnly?: boolean } = {}): SafeHtml {
  return html`<time datetime="${isoWithOffset(date)}">${dateText(date, edition, o)}</time>`;
}

/** "28 January 2026, 12:00 GMT+3", "٢٨ی کانوونی دووەمی ٢٠٢٦، ١٢:٠٠": the language's comma between day and time. */
export function dateText(date: Instant, edition: Edition, o: { timeOnly?: boolean } = {}): string {
  const w = dateWords(date.setZone(edition.timeZone) as Instant, edition.intl);
  return o.timeOnly ? w.time : `${w.day}${edition.words.t("comma")} ${w.time}`;
}

/** "Updated 16:45 GMT+3" on the day of publication, the full date after it. */
export function updatedTag(published: Instant, updated: Instant, edition: Edition): SafeHtml {
  return timeTag(updated, edition, { timeOnly: sameDay(published.setZone(edition.timeZone) as Instant, updated.setZone(edition.timeZone) as Instant) });
}

/**
 * "Corrected 14:10 GMT+3" on the day of publication, else the day alone ("Corrected 29 January
 * 2026"): the corrections box gives each correction's time.
 */
export function correctedTag(published: Instant, corrected: Instant, edition: Edition): SafeHtml {
  const local = corrected.setZone(edition.timeZone) as Instant;
  if (sameDay(published.setZone(edition.timeZone) as Instant, local)) return timeTag(corrected, edition, { timeOnly: true });
  return html`<time datetime="${isoWithOffset(corrected)}">${dateWords(local, edition.intl).day}</time>`;
}

/** The calendar day of an instant where the edition's readers are: "2026-12-07". */
export function dayOf(date: Instant, edition: Edition): string {
  return date.setZone(edition.timeZone).toISODate()!;
}

/** `<time datetime="2026-12-07">Monday 7 December 2026</time>`, "دووشەممە ٧ی کانونی یەکەمی ٢٠٢٦": a day with its weekday, in the edition's words and zone. */
export function dayTag(date: Instant, edition: Edition): SafeHtml {
  const local = date.setZone(edition.timeZone) as Instant;
  const words = { weekday: weekdayName(local, edition.intl), day: dateWords(local, edition.intl).day };
  return html`<time datetime="${dayOf(date, edition)}">${edition.words.t("weekdayAndDay", words)}</time>`;
}
