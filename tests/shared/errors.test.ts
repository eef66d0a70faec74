/** Problems and faults (src/shared/errors.ts): one message format, sorted like a compiler's, found inside wrappers. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ContentError, FaultError, findContentError, findFaultError, formatFinding, formatProblem, shownPath, sortProblems } from "../../src/shared/errors.ts";

test("a problem prints as file:line: field: message, and without a line when none is known", () => {
  assert.equal(
    formatProblem({ file: "content/world/moscow/index.md", line: 7, field: "image.alt", message: "required" }),
    "content/world/moscow/index.md:7: image.alt: required",
  );
  assert.equal(formatProblem({ file: "content/_data/site.yaml", field: "name", message: "required" }), "content/_data/site.yaml: name: required");
});

test("a warning finding says so before its message; an error finding prints as a problem", () => {
  const base = { file: "a.md", line: 3, field: "summary", message: "182 characters" };
  assert.equal(formatFinding({ ...base, severity: "warning" }), "a.md:3: summary: warning: 182 characters");
  assert.equal(formatFinding({ ...base, severity: "error" }), "a.md:3: summary: 182 characters");
});

test("problems sort by file, then line, then field, without changing the input", () => {
  const input = [
    { file: "b.md", line: 2, field: "x", message: "" },
    { file: "a.md", line: 10, field: "x", message: "" },
    { file: "a.md", line: 2, field: "z", message: "" },
    { file: "a.md", line: 2, field: "y", message: "" },
    { file: "a.md", field: "w", message: "" },
  ];
  const before = [...input];
  const sorted = sortProblems(input);
  assert.deepEqual(
    sorted.map((p) => `${p.file}:${p.line ?? "-"}:${p.field}`),
    ["a.md:-:w", "a.md:2:y", "a.md:2:z", "a.md:10:x", "b.md:2:x"],
  );
  assert.deepEqual(input, before);
});

test("a ContentError counts its problems and lists them sorted", () => {
  const error = new ContentError([
    { file: "b.md", line: 1, field: "title", message: "required" },
    { file: "a.md", line: 4, field: "date", message: "not a date" },
  ]);
  assert.equal(error.message, "2 problems in content:\n  a.md:4: date: not a date\n  b.md:1: title: required");
  assert.deepEqual(error.problems.map((p) => p.file), ["a.md", "b.md"]);
  assert.equal(new ContentError([{ file: "a.md", field: "f", message: "m" }]).message, "1 problem in content:\n  a.md: f: m");
});

test("findContentError finds a ContentError itself, as a cause, or as an originalError, and nothing elsewhere", () => {
  const inner = new ContentError([{ file: "a.md", field: "f", message: "m" }]);
  assert.equal(findContentError(inner), inner);
  assert.equal(findContentError(new Error("wrapper", { cause: inner })), inner);
  const eleventyStyle = Object.assign(new Error("data"), { originalError: new Error("mid", { cause: inner }) });
  assert.equal(findContentError(eleventyStyle), inner);
  assert.equal(findContentError(new Error("plain", { cause: new Error("also plain") })), undefined);
  assert.equal(findContentError("a string"), undefined);
  assert.equal(findContentError(undefined), undefined);
});

test("findContentError stops on a cycle of causes", () => {
  const a = new Error("a");
  const b = new Error("b", { cause: a });
  (a as { cause?: unknown }).cause = b;
  assert.equal(findContentError(a), undefined);
});

test("a file is shown relative to the root, even outside it; the root itself is `.`", () => {
  assert.equal(shownPath("/srv/news", "/srv/news/content/_data/site.yaml"), "content/_data/site.yaml");
  assert.equal(shownPath("/srv/news", "/srv/templates/translations/fa.yaml"), "../templates/translations/fa.yaml");
  assert.equal(shownPath("/srv/news", "/srv/news"), ".");
});

test("a fault is one line: the file, what happened, what to do; it is found inside wrappers", () => {
  const fault = new FaultError("_site/img", "the disk is full", "free some space and build again");
  assert.equal(fault.message, "_site/img: the disk is full; free some space and build again");
  const wrapped = Object.assign(new Error("Problem writing Eleventy templates"), { originalError: new Error("x", { cause: fault }) });
  assert.equal(findFaultError(wrapped), fault);
  assert.equal(findFaultError(new Error("plain")), undefined);
});
