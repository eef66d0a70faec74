/**
 * Interface words: every translations file is complete (the test the issue asks for), and a file
 * with a missing key, a missing placeholder, a missing plural form or an unknown key is refused with
 * the file, the key and the language named.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { TRANSLATIONS_DIR } from "../../src/site/editions.ts";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { checkWords, loadWords, WORDS } from "../../src/locale/words.ts";
import { REPO } from "../support/fixture-site.ts";

const files = (await readdir(TRANSLATIONS_DIR)).filter((f) => f.endsWith(".yaml")).sort();

test("Dateline ships English, Sorani and Arabic interface words", () => {
  for (const lang of ["en", "ckb", "ar"]) assert.ok(files.includes(`${lang}.yaml`), lang);
});

for (const file of files) {
  const lang = file.replace(/\.yaml$/, "");
  test(`translations file ${file} is complete: every key, placeholder and plural form of "${lang}"`, () => {
    const problems: string[] = [];
    const source = readFileSync(path.join(TRANSLATIONS_DIR, file), "utf8");
    // loadWords refuses an incomplete file; checkWords says exactly what is wrong.
    const words = loadWords(TRANSLATIONS_DIR, REPO, lang, lang);
    checkWords(jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA }), lang, (key, message) => problems.push(`${key}: ${message}`));
    assert.deepEqual(problems, []);
    // Every plural key has exactly the language's categories, and the forms differ from English where the language is not English.
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, spec] of Object.entries(WORDS)) {
      if (spec.kind === "plural") assert.deepEqual(Object.keys(words.forms(key as "minRead")).sort(), [...categories].sort(), key);
    }
  });
}

test("the non-English files are translated, not copied: no value is the English one, apart from names", () => {
  const english = loadWords(TRANSLATIONS_DIR, REPO, "en", "en");
  const sameEverywhere = new Set(["feedRss", "feedAtom", "feedJson"]);
  for (const lang of ["ckb", "ar"]) {
    const words = loadWords(TRANSLATIONS_DIR, REPO, lang, lang);
    for (const [key, spec] of Object.entries(WORDS)) {
      if (spec.kind !== "text" || sameEverywhere.has(key)) continue;
      const vars = Object.fromEntries(spec.vars.map((v) => [v, `{${v}}`]));
      const t = (w: typeof words) => (w.t as (k: string, v: Record<string, string>) => string)(key, vars);
      assert.notEqual(t(words), t(english), `${lang}: ${key}`);
    }
  }
});

test("numbers and lists follow the language: Arabic-Indic digits in Sorani, Intl's list pattern in Arabic, the file's 'and' and comma where Intl has none", () => {
  const ckb = loadWords(TRANSLATIONS_DIR, REPO, "ckb", "ckb-u-nu-arab");
  assert.match(ckb.n("minRead", 12), /١٢/);
  assert.deepEqual(ckb.list(["A", "B", "C"]).join(""), "A، B و C");
  const ar = loadWords(TRANSLATIONS_DIR, REPO, "ar", "ar-IQ-u-nu-latn");
  assert.match(ar.n("minRead", 12), /12/);
  assert.equal(ar.list(["A", "B", "C"]).join(""), new Intl.ListFormat("ar", { type: "conjunction" }).format(["A", "B", "C"]));
  const en = loadWords(TRANSLATIONS_DIR, REPO, "en", "en-GB");
  assert.equal(en.list(["A", "B", "C"]).join(""), "A, B and C");
  assert.equal(en.n("minRead", 1), "1 min read");
  assert.equal(en.t("taggedWith", { tag: "Oil" }), "Stories tagged “Oil”");
  // The items come back as given (not stringified), for links in bylines.
  const items = [{ n: 1 }, { n: 2 }];
  assert.deepEqual(en.list(items).filter((p) => typeof p !== "string"), items);
});

test("a broken translations file is refused: missing key, missing placeholder, missing plural form, unknown key, unknown placeholder", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-words-"));
  try {
    const english = readFileSync(path.join(TRANSLATIONS_DIR, "en.yaml"), "utf8");
    const broken = english
      .replace(/^updated: .*\n/m, "")
      .replace(/^storiesBy: .*$/m, "storiesBy: Stories by her")
      .replace(/^minRead:\n {2}one: .*\n/m, "minRead:\n")
      .replace(/^tags: .*$/m, "tags: Tags\ntagz: Tags")
      .replace(/^pages: .*$/m, "pages: Pages {count}");
    await writeFile(path.join(dir, "en.yaml"), broken);
    const error = (() => {
      try {
        loadWords(dir, dir, "en", "en");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof ContentError, String(error));
    assert.deepEqual(error.problems.map(formatProblem).sort(), [
      'en.yaml: updated: missing translation in "en"',
      `en.yaml:${lineOf(broken, "minRead:")}: minRead: missing the "one" form ("en" has one, other)`,
      `en.yaml:${lineOf(broken, "pages:")}: pages: unknown placeholder {count}`,
      `en.yaml:${lineOf(broken, "storiesBy:")}: storiesBy: missing the placeholder {name}`,
      `en.yaml:${lineOf(broken, "tagz:")}: tagz: not an interface word; did you mean "tags"?`,
    ].sort());
    // A language without a file says which file to make.
    assert.throws(() => loadWords(dir, dir, "tr", "tr"), (e: unknown) => e instanceof ContentError && /tr\.yaml: file: missing: the interface words for language "tr"/.test(formatProblem(e.problems[0]!)));
    // Arabic needs all six forms.
    await writeFile(path.join(dir, "ar.yaml"), readFileSync(path.join(TRANSLATIONS_DIR, "ar.yaml"), "utf8").replace(/^( {2})two: .*\n/m, ""));
    assert.throws(() => loadWords(dir, dir, "ar", "ar"), (e: unknown) => e instanceof ContentError && e.problems.some((p) => /missing the "two" form \("ar" has few, many, one, two, zero, other\)/.test(p.message)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function lineOf(text: string, start: string): number {
  return text.split("\n").findIndex((l) => l.startsWith(start)) + 1;
}
