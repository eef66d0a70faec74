/** Frontmatter (src/source/frontmatter.ts): YAML split from the body with every field's line; broken YAML, repeated fields and JavaScript refused. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isProblem, splitSource } from "../../src/source/frontmatter.ts";

const source = ["---", "title: Hi", "date: 2026-01-28 12:00", "image:", "  src: ./a.jpg", "  alt: An image", "---", "", "Body {{ x }}", ""].join("\n");

test("splits YAML from the body and keeps dates as the strings editors wrote", () => {
  const r = splitSource("a.md", source);
  assert.ok(!isProblem(r));
  assert.deepEqual(r.data, { title: "Hi", date: "2026-01-28 12:00", image: { src: "./a.jpg", alt: "An image" } });
  assert.equal(r.body, "\nBody {{ x }}\n");
});

test("knows the file line of every field and of the body", () => {
  const r = splitSource("a.md", source);
  assert.ok(!isProblem(r));
  assert.equal(r.lineOf(["title"]), 2);
  assert.equal(r.lineOf(["image", "alt"]), 6);
  assert.equal(r.lineOf(["image", "caption"]), 4, "a missing nested field points at its parent");
  assert.equal(r.lineOf(["missing"]), undefined);
  assert.equal(r.bodyLine, 8);
});

test("broken YAML is a problem with its line", () => {
  const r = splitSource("b.md", "---\ntitle: ok\ntags: [unclosed\nsection: x\n---\nbody");
  assert.ok(isProblem(r));
  assert.equal(r.field, "yaml");
  assert.equal(r.file, "b.md");
  assert.ok(r.line && r.line >= 3, `line ${r.line}`);
});

test("a field given twice is a YAML problem", () => {
  const r = splitSource("c.md", "---\ntitle: a\ntitle: b\n---\nbody");
  assert.ok(isProblem(r));
  assert.match(r.message, /unique/);
  assert.equal(r.line, 3);
});

test("a file without frontmatter is a problem", () => {
  const r = splitSource("d.md", "Just text");
  assert.ok(isProblem(r));
  assert.equal(r.field, "frontmatter");
});

test("JavaScript frontmatter is refused, never evaluated", () => {
  const r = splitSource("e.md", "---js\n{ title: (globalThis.pwned = 1) }\n---\nbody");
  assert.ok(isProblem(r));
  assert.equal((globalThis as { pwned?: number }).pwned, undefined);
});
