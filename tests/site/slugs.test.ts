/** URL slugs from headlines (src/site/slugs.ts): ASCII for Latin script, the letters kept for Arabic script. */
import assert from "node:assert/strict";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { test } from "node:test";
import { slugOf } from "../../src/site/slugs.ts";

test("Latin headlines get transliterated ASCII slugs", () => {
  assert.equal(slugOf("Al-Sharaa Heads to Moscow for Meeting With Putin"), "al-sharaa-heads-to-moscow-for-meeting-with-putin");
  assert.equal(slugOf("Café Society & “quotes”"), "cafe-society-and-quotes");
});

test("headlines in Arabic script keep their letters", () => {
  assert.equal(slugOf("سەرۆکی سووریا گەیشتە مۆسکۆ"), "سەرۆکی-سووریا-گەیشتە-مۆسکۆ");
});

test("slugging a slice of a large text keeps nothing of the text alive, and slugging many texts keeps a bounded memo", () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  // A headline or subhead is a slice of its whole article file; V8 keeps the file alive for any slice.
  const before = heap();
  for (let i = 0; i < 40; i++) {
    const file = `Headline number ${i} of the day\n${"A body paragraph of the story. ".repeat(35_000)}`;
    slugOf(file.slice(0, file.indexOf("\n")));
  }
  const afterSlices = heap();
  assert.ok(afterSlices - before < 10, `40 files of ~1 MB: ${(afterSlices - before).toFixed(1)} MB still held`);
  // Texts that never repeat (every headline, every subhead of an archive): the memo stays bounded.
  for (let i = 0; i < 60_000; i++) slugOf(`A subhead that appears once, number ${i}, in a long archive of stories`);
  const afterMany = heap();
  assert.ok(afterMany - afterSlices < 8, `60,000 texts: ${(afterMany - afterSlices).toFixed(1)} MB still held`);
});
