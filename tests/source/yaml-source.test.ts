/** YAML source (src/source/yaml-source.ts): parsed values that keep dates as strings, lines of fields, and errors with their line. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isYamlError, parseYaml } from "../../src/source/yaml-source.ts";

const text = ["name: Dateline", "sections:", "  - slug: world", "    title: World", "  - slug: business", "    title: Business", "owner:", "  contact:", "    email: a@b.c", ""].join("\n");

test("parses the value and dates stay the strings the editor wrote", () => {
  const r = parseYaml("title: Hi\ndate: 2026-01-28 12:00\nday: 2026-01-28\ncount: 3\n");
  assert.ok(!isYamlError(r));
  assert.deepEqual(r.value, { title: "Hi", date: "2026-01-28 12:00", day: "2026-01-28", count: 3 });
});

test("lineOf finds nested fields, in maps and in lists", () => {
  const r = parseYaml(text);
  assert.ok(!isYamlError(r));
  assert.equal(r.lineOf(["name"]), 1);
  assert.equal(r.lineOf(["owner", "contact", "email"]), 9);
  assert.equal(r.lineOf(["sections", 1]), 5);
  assert.equal(r.lineOf(["sections", 1, "title"]), 6);
});

test("lineOf gives the deepest existing key for a missing field, and nothing when even the first is missing", () => {
  const r = parseYaml(text);
  assert.ok(!isYamlError(r));
  assert.equal(r.lineOf(["owner", "contact", "phone"]), 8);
  assert.equal(r.lineOf(["sections", 5, "title"]), 2);
  assert.equal(r.lineOf(["missing"]), undefined);
});

test("a YAML error carries a message and its line", () => {
  const r = parseYaml("title: a\ntags: [x\nb: 1\n");
  assert.ok(isYamlError(r));
  assert.equal(r.line, 3);
  assert.match(r.message, /Flow sequence/);
});

test("a key given twice is an error on the second one's line", () => {
  const r = parseYaml("a: 1\nb: 2\na: 3\n");
  assert.ok(isYamlError(r));
  assert.equal(r.message, "Map keys must be unique: a field is written twice; keep one");
  assert.equal(r.line, 3);
});

test("the parser's words come with what they usually mean in a story, and the fix", () => {
  const reason = (text: string) => (parseYaml(text) as { message: string }).message;
  assert.equal(reason("title: Erbil: talks resume\n"), "Nested mappings are not allowed in compact mappings: usually a colon in unquoted text (title: Erbil: talks resume); put the text in double quotes");
  assert.match(reason('title: "He said "no" today"\n'), /: usually a double quote inside double quotes; write \\" or use curly quotes “ ”$/);
  assert.match(reason('title: "Erbil talks\nsummary: x\n'), /: a quote is opened and never closed; close it at the end of the text$/);
  assert.match(reason("image:\n\tsrc: x\n"), /: indent with spaces, not tabs$/);
  assert.match(reason("image:\n  src: x\n alt: y\n"), /: the fields of a group \(under image:, say\) must start at the same column$/);
});
