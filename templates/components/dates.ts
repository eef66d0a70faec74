import { dateWords, isoWithOffset, sameDay, type Instant } from "../../src/dates.ts";
import { html, type SafeHtml } from "../../src/html.ts";

/** `<time datetime="2026-01-28T12:00:00+03:00">28 January 2026, 12:00 GMT+3</time>` */
export function timeTag(date: Instant, locale: string, o: { timeOnly?: boolean } = {}): SafeHtml {
  const w = dateWords(date, locale);
  const text = o.timeOnly ? w.time : `${w.day}, ${w.time}`;
  return html`<time datetime="${isoWithOffset(date)}">${text}</time>`;
}

/** "Updated 16:45 GMT+3" on the day of publication, the full date after it. */
export function updatedTag(published: Instant, updated: Instant, locale: string): SafeHtml {
  return timeTag(updated, locale, { timeOnly: sameDay(published, updated) });
}
