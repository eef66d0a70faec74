/**
 * Frontmatter cases: each tests/fixtures/frontmatter/NAME.md is loaded as an article; NAME.json
 * holds either fields the Article must have (dates as ISO strings) or the exact problems.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadArticle } from "../../src/content/load-article.ts";
import type { Article } from "../../src/model/article.ts";
import { formatProblem, sortProblems } from "../../src/shared/errors.ts";
import { FIXTURES } from "../support/fixture-site.ts";
import { testLoadContext } from "../support/load-context.ts";

const dir = path.join(FIXTURES, "frontmatter");
const ctx = testLoadContext({ root: dir, sections: ["World", "Middle East"], authors: [{ name: "A. Writer" }] });

/** The article as JSON-able data: instants become ISO strings with their offset. */
function plain(article: Article): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(article, function (this: Record<string, unknown>, key, value) {
      const original = this[key] as { toISO?: (o: object) => string } | undefined;
      return typeof original?.toISO === "function" ? original.toISO({ suppressMilliseconds: true }) : value;
    }),
  );
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
  const name = file.slice(0, -3);
  test(`frontmatter case: ${name}`, async () => {
    const expected = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8"));
    const result = await loadArticle(path.join(dir, file), readFileSync(path.join(dir, file), "utf8"), ctx);
    if (expected.problems) {
      assert.deepEqual(sortProblems(result.problems ?? []).map(formatProblem), expected.problems);
    } else {
      assert.deepEqual(result.problems, undefined);
      const actual = plain(result.article!);
      for (const [key, value] of Object.entries(expected.article)) assert.deepEqual(actual[key], value, key);
    }
  });
}
