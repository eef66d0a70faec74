/** Options from the environment (src/eleventy/options-from-env.ts): DATELINE_NOW, DRAFTS, FUTURE and SEARCH read as CI sets them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildOptionsFromEnv } from "../../src/eleventy/options-from-env.ts";

test("an empty environment sets no options", () => {
  assert.deepEqual(buildOptionsFromEnv({}), {});
});

test("DATELINE_NOW fixes the clock as written, and an empty one is ignored", () => {
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_NOW: "2026-01-28T12:00:00+03:00" }), { now: "2026-01-28T12:00:00+03:00" });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_NOW: "" }), {});
});

test("DATELINE_DRAFTS: 1 turns drafts on, 0 and false turn them off, empty leaves them alone", () => {
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_DRAFTS: "1" }), { drafts: true });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_DRAFTS: "0" }), { drafts: false });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_DRAFTS: "false" }), { drafts: false });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_DRAFTS: "" }), {});
});

test("DATELINE_FUTURE and DATELINE_SEARCH are flags the same way", () => {
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_FUTURE: "1" }), { future: true });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_SEARCH: "0" }), { search: false });
  assert.deepEqual(buildOptionsFromEnv({ DATELINE_SEARCH: "1", DATELINE_FUTURE: "false", DATELINE_DRAFTS: "yes", DATELINE_NOW: "2026-02-01" }), {
    now: "2026-02-01",
    drafts: true,
    future: false,
    search: true,
  });
});

test("other variables are ignored", () => {
  assert.deepEqual(buildOptionsFromEnv({ PATH: "/usr/bin", DATELINE_OTHER: "1" }), {});
});
