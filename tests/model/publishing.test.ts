/** Publication state (src/model/publishing.ts): published, embargoed until its time, or a draft; what previews and production builds include. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDate, type Instant } from "../../src/shared/dates.ts";
import { isIncluded, publicationState } from "../../src/model/publishing.ts";

const at = (iso: string) => parseDate(iso, "Asia/Baghdad") as Instant;
const now = at("2026-01-28T12:00:00+03:00");
const story = (date: string, draft = false) => ({ date: at(date), draft });

test("an article dated at or before now is published", () => {
  assert.equal(publicationState(story("2026-01-28T12:00:00+03:00"), now), "published");
  assert.equal(publicationState(story("2026-01-01T00:00:00+03:00"), now), "published");
});

test("an article dated after now is embargoed until then", () => {
  assert.equal(publicationState(story("2026-01-28T12:00:01+03:00"), now), "embargoed");
  assert.equal(publicationState(story("2026-01-28T12:00:01+03:00"), at("2026-01-28T12:00:01+03:00")), "published");
});

test("a draft is a draft whatever its date", () => {
  assert.equal(publicationState(story("2026-01-01T00:00:00+03:00", true), now), "draft");
  assert.equal(publicationState(story("2027-01-01T00:00:00+03:00", true), now), "draft");
});

test("previews may include drafts and embargoed articles; a production build includes neither", () => {
  const production = { now, drafts: false, future: false };
  const preview = { now, drafts: true, future: true };
  for (const s of [story("2026-01-01", true), story("2026-02-01")]) {
    assert.equal(isIncluded(s, production), false);
    assert.equal(isIncluded(s, preview), true);
  }
  assert.equal(isIncluded(story("2026-02-01", true), { now, drafts: false, future: true }), false, "a future draft is still a draft");
});
