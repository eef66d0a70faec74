/**
 * Placeholder text from `npm run new` (src/content/placeholders.ts): read from the archetype, and a
 * story that would be published still holding it is refused, on the line.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { placeholderProblems, readPlaceholders } from "../../src/content/placeholders.ts";
import { formatProblem } from "../../src/shared/errors.ts";
import { REPO } from "../../src/shared/repo.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const placeholders = readPlaceholders(path.join(REPO, "content"));

test("the archetype's standfirst and first line of text are its placeholders", () => {
  assert.match(placeholders.summary!, /^Replace this with one or two sentences/);
  assert.match(placeholders.body!, /^Write the story here, in Markdown/);
});

test("a story still holding them is refused on their lines; one with its own text is not", () => {
  const body = `\nERBIL – Talks resumed.\n\n${placeholders.body}\nmore of the template.\n`;
  const story = { file: "content/world/x/index.md", summary: placeholders.summary!, body, bodyLine: 12, summaryLine: () => 4 };
  assert.deepEqual(placeholderProblems(story, placeholders).map(formatProblem), [
    "content/world/x/index.md:4: summary: still the placeholder `npm run new` wrote: write the standfirst (or keep `draft: true`)",
    "content/world/x/index.md:15: body: still holds the placeholder text `npm run new` wrote: write the story (or keep `draft: true`)",
  ]);
  assert.deepEqual(placeholderProblems({ ...story, summary: "Talks resumed in Erbil on Tuesday after a week.", body: "Talks resumed." }, placeholders), []);
});

test("a content folder without an archetype has no placeholders", () => {
  assert.deepEqual(readPlaceholders(tempDirFor("dateline-no-archetype-")), { summary: undefined, body: undefined });
});
