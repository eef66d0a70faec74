/**
 * Dates are instants with a time zone. Editors write ISO 8601; a date written without a UTC offset
 * is read in its edition's time zone (the site's, unless the edition sets its own), never silently
 * in UTC (the reason YAML timestamps are off, see yaml-source.ts). Luxon does the zone arithmetic;
 * Intl does the wording.
 */
import { DateTime } from "luxon";

export type Instant = DateTime<true>;

/** Accepts `2026-01-28T12:00:00+03:00`, `2026-01-28 12:00`, `2026-01-28`, or a `Date`. */
export function parseDate(value: unknown, zone: string): Instant | string {
  if (value instanceof Date) {
    const dt = DateTime.fromJSDate(value, { zone });
    return dt.isValid ? dt : "not a valid date";
  }
  if (typeof value !== "string" || !value.trim()) return "expected an ISO 8601 date such as 2026-01-28T12:00:00+03:00";
  const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, "$1T$2");
  const dt = DateTime.fromISO(text, { zone, setZone: false });
  if (!dt.isValid) {
    return `"${value}" is not an ISO 8601 date (expected e.g. 2026-01-28T12:00:00+03:00)`;
  }
  return dt.setZone(zone) as Instant;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** `2026-01-28T12:00:00+03:00`: ISO 8601 with seconds and the offset, as feeds and JSON-LD want. */
export function isoWithOffset(date: Instant): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true });
}

export interface DateWords {
  /** "28 January 2026" */
  day: string;
  /** "12:00 GMT+3" */
  time: string;
}

const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** Words for a date in a locale and time zone; formatters are cached because Intl is slow to build. */
export function dateWords(date: Instant, locale: string): DateWords {
  const key = `${locale}|${date.zoneName}`;
  let f = formatters.get(key);
  if (!f) {
    const timeZone = date.zoneName ?? "UTC";
    f = {
      day: new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "long", year: "numeric" }),
      // A newsroom clock is 24-hour in every language (Arabic locales default to 12-hour with م/ص).
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }),
    };
    formatters.set(key, f);
  }
  const js = date.toJSDate();
  return { day: f.day.format(js), time: f.time.format(js) };
}

const weekdays = new Map<string, Intl.DateTimeFormat>();

/**
 * "Monday", "دووشەممە": the day of the week on its own, to stand before `dateWords(...).day`. Not
 * one Intl pattern with the weekday: ICU's Sorani one reads "٢٠٢٦ کانونی یەکەم ٧, دووشەممە".
 */
export function weekdayName(date: Instant, locale: string): string {
  const key = `${locale}|${date.zoneName}`;
  let f = weekdays.get(key);
  if (!f) weekdays.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: date.zoneName ?? "UTC", weekday: "long" })));
  return f.format(date.toJSDate());
}

export function sameDay(a: Instant, b: Instant): boolean {
  return a.setZone(b.zoneName ?? "UTC").toISODate() === b.toISODate();
}
