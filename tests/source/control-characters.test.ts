/**
 * Invisible characters XML cannot hold (src/source/control-characters.ts) are refused where they are
 * typed: in an article's frontmatter or body, and in a data file, on their line, with what to do.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { controlCharacterProblem } from "../../src/source/control-characters.ts";
import { splitSource } from "../../src/source/frontmatter.ts";
import { formatProblem, type Problem } from "../../src/shared/errors.ts";

const article = (title: string, body: string) => `---\ntitle: "${title}"\nsummary: S\n---\n\n${body}\n`;
const problemOf = (raw: string) => formatProblem(splitSource("content/world/x.md", raw) as Problem);

test("a vertical tab in a headline (Word's pasted line break) is refused on its line, naming the field", () => {
  assert.equal(
    problemOf(article("Talks\u000Bresume", "Text.")),
    "content/world/x.md:2: title: holds a vertical tab, as Word pastes a line break (U+000B), invisible here and invalid in feeds: delete it",
  );
});

test("in the body, the problem is the body's, on the file's line", () => {
  assert.equal(problemOf(article("Talks", "First.\n\nA bell\u0007 here.")), "content/world/x.md:8: body: holds a bell character (U+0007), invisible here and invalid in feeds: delete it");
});

test("a form feed is named; others are control characters by their code", () => {
  assert.match(problemOf(article("A\fB", "x")), /title: holds a form feed, as some editors paste a page break \(U\+000C\)/);
  assert.match(problemOf(article("A\u0001B", "x")), /title: holds a control character \(U\+0001\)/);
  assert.match(problemOf(article("A\uFFFEB", "x")), /title: holds a control character \(U\+FFFE\)/);
});

test("tabs, line ends of either kind and every script's letters are text, not problems", () => {
  const raw = "---\r\ntitle: \"\tکۆبوونەوە في موسكو\"\r\nsummary: S\r\n---\r\n\r\nText\twith a tab.\r\n";
  assert.equal(controlCharacterProblem("x.md", raw), undefined);
  assert.ok(!("message" in splitSource("x.md", raw)));
});

test("in a data file the field is the key the line starts with, also in a list", () => {
  const yaml = "- name: World\n  description: \"News\u000Bfrom everywhere\"\n";
  assert.equal(
    formatProblem(controlCharacterProblem("content/_data/sections.yaml", yaml)!),
    "content/_data/sections.yaml:2: description: holds a vertical tab, as Word pastes a line break (U+000B), invisible here and invalid in feeds: delete it",
  );
  assert.equal(controlCharacterProblem("x.yaml", "- name: A\u0007\n")!.field, "name");
});
