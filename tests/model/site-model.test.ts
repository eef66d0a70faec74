/**
 * lastChange and lastModified (src/model/site-model.ts): when a list of stories, or one story, last
 * changed: the latest first publication, update or correction, as sitemaps' lastmod, feeds' updated
 * date and JSON-LD's dateModified give it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { lastChange, lastModified } from "../../src/model/site-model.ts";
import { isoWithOffset } from "../../src/shared/dates.ts";
import { article, instant } from "../support/model-values.ts";

const iso = (value: ReturnType<typeof lastChange>) => value && isoWithOffset(value);

test("no stories: no date", () => {
  assert.equal(lastChange([]), undefined);
});

test("an update counts instead of the story's first publication", () => {
  const updatedOlder = article({ slug: "a", date: "2026-01-10T09:00:00+03:00", updated: "2026-01-25T18:30:00+03:00" });
  const newer = article({ slug: "b", date: "2026-01-20T09:00:00+03:00" });
  assert.equal(iso(lastChange([newer, updatedOlder])), "2026-01-25T18:30:00+03:00");
  assert.equal(iso(lastChange([updatedOlder, newer])), "2026-01-25T18:30:00+03:00");
});

test("a story published after another's update is the last change", () => {
  const updated = article({ slug: "a", date: "2026-01-10T09:00:00+03:00", updated: "2026-01-12T09:00:00+03:00" });
  const newest = article({ slug: "b", date: "2026-01-20T09:00:00+03:00" });
  assert.equal(iso(lastChange([updated, newest])), "2026-01-20T09:00:00+03:00");
});

test("instants are compared, not clock times, and the date keeps its story's offset", () => {
  // 12:00 in Baghdad is 09:00 UTC; 10:30 in Berlin is 09:30 UTC, later although its clock reads earlier.
  const baghdad = article({ slug: "a", date: "2026-01-20T12:00:00+03:00" });
  const berlin = article({ slug: "b", date: "2026-01-20T10:30:00+01:00" });
  assert.equal(iso(lastChange([baghdad, berlin])), "2026-01-20T10:30:00+01:00");
  assert.equal(iso(lastChange([berlin, baghdad])), "2026-01-20T10:30:00+01:00");
});

test("the same instant in two stories: the first listed gives the date, so the output is the same on every build", () => {
  const erbil = article({ slug: "a", date: "2026-01-20T12:00:00+03:00" });
  const berlin = article({ slug: "b", date: "2026-01-20T10:00:00+01:00" });
  assert.equal(iso(lastChange([erbil, berlin])), "2026-01-20T12:00:00+03:00");
  assert.equal(iso(lastChange([berlin, erbil])), "2026-01-20T10:00:00+01:00");
});

test("a story's last change is its latest correction when that follows its update, else its update, else its publication", () => {
  const fix = (date: string) => ({ date: instant(date), text: "Fixed." });
  const plain = article({ date: "2026-01-20T09:00:00+03:00" });
  const updated = article({ date: "2026-01-20T09:00:00+03:00", updated: "2026-01-21T09:00:00+03:00" });
  assert.equal(isoWithOffset(lastModified(plain)), "2026-01-20T09:00:00+03:00");
  assert.equal(isoWithOffset(lastModified(updated)), "2026-01-21T09:00:00+03:00");
  const correctedLater = { ...updated, corrections: [fix("2026-01-23T10:00:00+03:00"), fix("2026-01-22T10:00:00+03:00")] };
  assert.equal(isoWithOffset(lastModified(correctedLater)), "2026-01-23T10:00:00+03:00", "the latest correction, wherever the list has it");
  const correctedBefore = { ...updated, corrections: [fix("2026-01-20T18:00:00+03:00")] };
  assert.equal(isoWithOffset(lastModified(correctedBefore)), "2026-01-21T09:00:00+03:00");
  assert.equal(iso(lastChange([article({ slug: "newer", date: "2026-01-22T09:00:00+03:00" }), correctedLater])), "2026-01-23T10:00:00+03:00");
});
