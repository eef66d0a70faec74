/** Language facts (src/locale/languages.ts): reading speed. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readingMinutes } from "../../src/locale/languages.ts";

test("reading time depends on the language's reading speed, and is at least a minute", () => {
  assert.equal(readingMinutes(10, "en"), 1);
  assert.equal(readingMinutes(952, "en"), 4);
  assert.ok(readingMinutes(952, "ar") > readingMinutes(952, "en"));
});
