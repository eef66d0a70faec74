/**
 * The editing form's words (src/admin/form-words.ts), one YAML file per language: a language without
 * a file has no words (the form shows English); words for a field no form has, a malformed file or a
 * wrong key are build errors naming the file, the line and the field.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadFormWords } from "../../src/admin/form-words.ts";
import { ContentError, type Problem } from "../../src/shared/errors.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const root = tempDirFor("dateline-form-words-");
const PATHS = new Set(["title", "image", "image.alt", "body"]);
let made = 0;

/** A folder of words files (name → lines), inside `root`. */
function wordsDir(files: Record<string, string[]>): string {
  const dir = path.join(root, `form-${++made}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(files)) writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);
  return dir;
}

function problemsOf(load: () => unknown): readonly Problem[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail("the words were accepted");
}

const ENGLISH = ["stories:", "  label: Stories", "fields:", "  title:", "    label: Headline", "  image.alt:", "    label: Alt text", "    hint: What it shows."];

test("each language's words by code, English always read; a language without a file has none", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH, "ckb.yaml": ["fields:", "  title:", "    label: مانشێت"] });
  const words = loadFormWords(["en", "ckb", "ar"], PATHS, root, dir);
  assert.deepEqual([...words.keys()], ["en", "ckb", "ar"]);
  assert.deepEqual(words.get("en"), { stories: { label: "Stories" }, fields: { title: { label: "Headline" }, "image.alt": { label: "Alt text", hint: "What it shows." } } });
  assert.deepEqual(words.get("ckb"), { fields: { title: { label: "مانشێت" } } });
  assert.deepEqual(words.get("ar"), {});
});

test("English is read even when the site has no English edition", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH });
  assert.deepEqual([...loadFormWords(["ar"], PATHS, root, dir).keys()], ["en", "ar"]);
});

test("an empty file is a language with no words", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH, "ar.yaml": ["# nothing yet"] });
  assert.deepEqual(loadFormWords(["ar"], PATHS, root, dir).get("ar"), {});
});

test("words for a field no form has: the file, the line of that field and its path", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH, "ckb.yaml": ["fields:", "  title:", "    label: مانشێت", "  kicker:", "    label: سەردێڕ"] });
  assert.deepEqual(problemsOf(() => loadFormWords(["en", "ckb"], PATHS, root, dir)), [
    { file: `form-${made}/ckb.yaml`, line: 4, field: "fields.kicker", message: "no form has this field: rename or remove its words" },
  ]);
});

test("unknown fields in two files are all reported in one error", () => {
  const dir = wordsDir({ "en.yaml": [...ENGLISH, "  image.src:", "    label: Picture"], "ar.yaml": ["fields:", "  dateline:", "    label: مكان الخبر"] });
  const problems = problemsOf(() => loadFormWords(["en", "ar"], PATHS, root, dir));
  assert.deepEqual(
    problems.map((p) => [p.file, p.line, p.field]),
    [
      [`form-${made}/ar.yaml`, 2, "fields.dateline"],
      [`form-${made}/en.yaml`, 9, "fields.image.src"],
    ],
  );
});

test("a file that is not YAML: the YAML error at its line (an unquoted colon, as editors make it)", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH, "ckb.yaml": ["fields:", "  title:", "    label: مانشێت: ڕۆژ", "  image:", "    label: وێنە"] });
  const problems = problemsOf(() => loadFormWords(["ckb"], PATHS, root, dir));
  assert.deepEqual(
    problems.map((p) => [p.file, p.line, p.field]),
    [[`form-${made}/ckb.yaml`, 3, "yaml"]],
  );
  assert.match(problems[0]!.message, /colon/);
});

test("a wrong key and an empty label: each named by file, line and field", () => {
  const dir = wordsDir({ "en.yaml": ENGLISH, "ar.yaml": ["fields:", "  title:", "    label: العنوان", "    tip: extra", "  image:", '    label: ""'] });
  assert.deepEqual(
    problemsOf(() => loadFormWords(["ar"], PATHS, root, dir)).map((p) => [p.file, p.line, p.field]),
    [
      [`form-${made}/ar.yaml`, 4, "fields.title.tip"],
      [`form-${made}/ar.yaml`, 6, "fields.image.label"],
    ],
  );
});

test("the repo's own words files: Sorani and Arabic word only fields English words", () => {
  const anyField = { has: () => true } as unknown as ReadonlySet<string>;
  const words = loadFormWords(["en", "ckb", "ar"], anyField, root);
  const english = new Set(Object.keys(words.get("en")!.fields!));
  for (const code of ["ckb", "ar"]) {
    const own = Object.keys(words.get(code)!.fields!);
    assert.deepEqual(own.filter((k) => !english.has(k)), [], code);
    assert.ok(own.length > 0, code);
  }
});
