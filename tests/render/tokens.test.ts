/** The token readers (src/render/tokens.ts): image references with their lines, and word counts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMarkdown } from "../../src/render/markdown.ts";
import { countWords, imageRefs } from "../../src/render/tokens.ts";

test("image references carry their body line", () => {
  const { tokens } = parseMarkdown("Para.\n\n![a](./one.jpg)\n\nText ![b](./two.jpg).\n");
  assert.deepEqual(imageRefs(tokens), [
    { src: "./one.jpg", line: 2 },
    { src: "./two.jpg", line: 4 },
  ]);
});

test("words are counted in the text, not in the markup", () => {
  const { tokens } = parseMarkdown("## Two words\n\nOne *two* [three](https://x.example/a-b-c)  four.\n\n![alt words](./a.jpg)\n\n- five\n- six seven\n");
  assert.equal(countWords(tokens), 9);
});

test("punctuation or letters right after inline markup belong to the word before them", () => {
  const words = (md: string) => countWords(parseMarkdown(md).tokens);
  assert.equal(words("See [the report](https://x.example/). Then **un**likely `npm`s go."), 7);
  assert.equal(words("(*Reuters*), she said."), 3);
  // A line break or a new paragraph ends a word.
  assert.equal(words("one\ntwo\n\nthree"), 3);
  assert.equal(words("end  \nstart"), 2);
});
