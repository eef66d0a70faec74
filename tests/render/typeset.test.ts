/** The plain-text typographer (src/render/typeset.ts), for text that is not Markdown. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { typeset } from "../../src/render/typeset.ts";

test("headlines, standfirsts and captions get the body's typography but stay plain text", () => {
  assert.equal(typeset(`Iraq's "budget" -- passed`), "Iraq’s “budget” – passed");
  assert.equal(typeset("*not emphasis* <b>not bold</b> {{ not_template }}"), "*not emphasis* <b>not bold</b> {{ not_template }}");
});
