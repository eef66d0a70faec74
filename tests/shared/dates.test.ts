/** Dates (src/shared/dates.ts): read in the site's time zone when they carry no offset, refused with a message when nonsense, worded in a locale. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { dateWords, isoWithOffset, parseDate, sameDay, type Instant } from "../../src/shared/dates.ts";

const zone = "Asia/Baghdad";
const parse = (v: unknown) => {
  const d = parseDate(v, zone);
  assert.notEqual(typeof d, "string", String(d));
  return d as Instant;
};

test("an ISO date with an offset keeps its instant", () => {
  assert.equal(isoWithOffset(parse("2026-01-28T09:00:00Z")), "2026-01-28T12:00:00+03:00");
});

test("a date without an offset is read in the site's time zone, not UTC", () => {
  assert.equal(isoWithOffset(parse("2026-01-28 12:00")), "2026-01-28T12:00:00+03:00");
  assert.equal(isoWithOffset(parse("2026-01-28")), "2026-01-28T00:00:00+03:00");
});

test("a Date object from YAML is accepted", () => {
  assert.equal(isoWithOffset(parse(new Date("2026-01-28T09:00:00Z"))), "2026-01-28T12:00:00+03:00");
});

test("nonsense dates are refused with a message", () => {
  for (const bad of ["2026-13-01", "yesterday", "", 20260128, null]) {
    assert.equal(typeof parseDate(bad, zone), "string", String(bad));
  }
});

test("dates are worded in the locale and time zone", () => {
  assert.deepEqual(dateWords(parse("2026-01-28T16:45:00+03:00"), "en-GB"), { day: "28 January 2026", time: "16:45 GMT+3" });
});

test("sameDay compares calendar days in the site's zone", () => {
  assert.ok(sameDay(parse("2026-01-28T01:00:00+03:00"), parse("2026-01-28T23:00:00+03:00")));
  assert.ok(!sameDay(parse("2026-01-28T23:00:00+03:00"), parse("2026-01-29T00:30:00+03:00")));
});
