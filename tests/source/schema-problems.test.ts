/** Schema problems (src/source/schema-problems.ts): zod issues as problems with a field, a line and a plain message. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { fieldName, nearest, schemaProblems } from "../../src/source/schema-problems.ts";
import { isYamlError, parseYaml } from "../../src/source/yaml-source.ts";

const schema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().optional(),
  date: z.string(),
  image: z.strictObject({ src: z.string(), alt: z.string(), caption: z.string().optional() }).optional(),
  tags: z.array(z.string()).min(1).optional(),
});

function problemsOf(yaml: string) {
  const source = parseYaml(yaml);
  assert.ok(!isYamlError(source));
  const parsed = schema.safeParse(source.value, { reportInput: true });
  assert.ok(!parsed.success);
  return schemaProblems(schema, parsed.error.issues, "a.md", source.lineOf);
}

test("an unknown field is reported with its line and the known name it is nearest to", () => {
  assert.deepEqual(problemsOf("title: Hi\ndate: d\nsumary: x\n"), [
    { file: "a.md", line: 3, field: "sumary", message: "unknown field (did you mean `summary`?)" },
  ]);
});

test("an unknown nested field suggests from its own object's names, and a far-off name gets no suggestion", () => {
  const problems = problemsOf("title: Hi\ndate: d\nimage:\n  src: a.jpg\n  alt: A\n  captoin: c\nwhatsoever: 1\n");
  assert.deepEqual(problems, [
    { file: "a.md", line: 6, field: "image.captoin", message: "unknown field (did you mean `caption`?)" },
    { file: "a.md", line: 7, field: "whatsoever", message: "unknown field" },
  ]);
});

test("a wrong type says what was expected and what was given, at the field's line", () => {
  const problems = problemsOf("title: Hi\ndate: d\nimage:\n  src: a.jpg\n  alt: 3\ntags: [a, [b]]\n");
  assert.deepEqual(problems, [
    { file: "a.md", line: 5, field: "image.alt", message: "expected string, got number 3" },
    { file: "a.md", line: 6, field: "tags.1", message: "expected string, got a list" },
  ]);
});

test("a missing field is required and has no line of its own; empty strings and lists are named", () => {
  const problems = problemsOf("title: ''\ntags: []\n");
  assert.deepEqual(problems, [
    { file: "a.md", line: 1, field: "title", message: "must not be empty" },
    { file: "a.md", line: undefined, field: "date", message: "required" },
    { file: "a.md", line: 2, field: "tags", message: "must list at least one entry" },
  ]);
});

test("fieldName joins a path with dots, and an empty path is the frontmatter", () => {
  assert.equal(fieldName(["corrections", 0, "date"]), "corrections.0.date");
  assert.equal(fieldName([]), "frontmatter");
});

test("nearest suggests only within the allowed distance", () => {
  assert.equal(nearest("titel", ["title", "date"], 2), "title");
  assert.equal(nearest("zzzzz", ["title", "date"], 2), undefined);
  assert.equal(nearest("title", [], 2), undefined);
});
