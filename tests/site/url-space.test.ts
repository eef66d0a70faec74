/** The URL space (src/site/url-space.ts): paths under the site's prefix, percent-encoded, and the files they are written to. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { absoluteUrl, outputPathOf, searchMonth, urlPath } from "../../src/site/url-space.ts";
import type { Instant } from "../../src/shared/dates.ts";

test("URLs carry the site's path prefix and percent-encode non-ASCII slugs", () => {
  assert.equal(urlPath("/news/", "middle-east", "x"), "/news/middle-east/x/");
  assert.equal(urlPath("/", "ckb", "سووریا"), "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/");
  assert.equal(outputPathOf("/news/", "/news/middle-east/x/"), "middle-east/x/index.html");
  assert.equal(outputPathOf("/", "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/"), "ckb/سووریا/index.html");
  assert.equal(absoluteUrl("https://u.github.io/news/", "/news/", "/news/a/"), "https://u.github.io/news/a/");
});

test("a story's search month is its month in UTC, whatever the edition's time zone", () => {
  const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }) as Instant;
  // Just after midnight in Erbil on 1 February is still January in UTC.
  assert.equal(searchMonth(at("2026-02-01T01:30:00", "Asia/Baghdad")), "2026-01");
  assert.equal(searchMonth(at("2026-02-01T03:00:00", "Asia/Baghdad")), "2026-02");
  assert.equal(searchMonth(at("2025-12-31T23:59:59", "UTC")), "2025-12");
  assert.equal(searchMonth(at("0999-03-05T12:00:00", "UTC")), "0999-03");
});
