/** URL slugs from headlines (src/site/slugs.ts): ASCII for Latin script, the letters kept for Arabic script. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { slugOf } from "../../src/site/slugs.ts";

test("Latin headlines get transliterated ASCII slugs", () => {
  assert.equal(slugOf("Al-Sharaa Heads to Moscow for Meeting With Putin"), "al-sharaa-heads-to-moscow-for-meeting-with-putin");
  assert.equal(slugOf("Café Society & “quotes”"), "cafe-society-and-quotes");
});

test("headlines in Arabic script keep their letters", () => {
  assert.equal(slugOf("سەرۆکی سووریا گەیشتە مۆسکۆ"), "سەرۆکی-سووریا-گەیشتە-مۆسکۆ");
});
