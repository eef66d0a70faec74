/** Pages (src/model/page.ts): output paths two pages would both be written to are reported, each once. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { outputClashes } from "../../src/model/page.ts";

test("each path written twice or more is reported once, in the order it first clashes", () => {
  const problems = outputClashes(["a/index.html", "b/index.html", "b/index.html", "c/index.html", "a/index.html", "b/index.html"]);
  assert.deepEqual(problems.map((p) => p.file), ["b/index.html", "a/index.html"]);
  assert.deepEqual(problems[0], {
    file: "b/index.html",
    field: "url",
    message: "two pages would be written here: rename a section, page or slug",
  });
});

test("distinct paths clash with nothing", () => {
  assert.deepEqual(outputClashes(["index.html", "a/index.html", "a/page/2/index.html"]), []);
  assert.deepEqual(outputClashes([]), []);
});
