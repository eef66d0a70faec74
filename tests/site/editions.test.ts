/**
 * Editions (src/site/editions.ts): one per declared language, where each lives and which words it
 * speaks; every missing translations file in one error; which edition an article's `lang` names; and
 * the one wording for a language code that names none.
 */
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { editionOf, loadEditions, TRANSLATIONS_DIR, undeclaredLanguage, unknownLanguage } from "../../src/site/editions.ts";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { ARABIC, ENGLISH, SORANI, testEditions, testSite } from "../support/test-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-editions-");

test("the first language is the default edition at the site's root; the others live under their folder, all under the path prefix", () => {
  const editions = testEditions([ENGLISH, { ...SORANI, path: "kurdi", digits: "arab" }, { ...ARABIC, locale: "ar-IQ", digits: "latn" }], { url: "https://t.example/news/" });
  assert.deepEqual(
    editions.map((e) => [e.code, e.home, e.isDefault, e.dir, e.intl]),
    [
      ["en", "/news/", true, "ltr", "en-GB"],
      ["ckb", "/news/kurdi/", false, "rtl", "ckb-u-nu-arab"],
      ["ar", "/news/ar/", false, "rtl", "ar-IQ-u-nu-latn"],
    ],
  );
  // Each edition speaks its own language, in the digits its locale asks for.
  assert.deepEqual(editions.map((e) => [e.words.lang, e.words.num(12)]), [["en", "12"], ["ckb", "١٢"], ["ar", "12"]]);
  assert.notEqual(editions[1]!.words.t("search"), editions[0]!.words.t("search"));
});

test("a language with a region (ar-IQ) speaks its language's words", () => {
  const [, arabic] = testEditions([ENGLISH, { ...ARABIC, code: "ar-IQ" }]);
  assert.equal(arabic!.home, "/ar-iq/");
  assert.equal(arabic!.words.t("search"), testEditions([ENGLISH, ARABIC])[1]!.words.t("search"));
});

test("every language without its translations file is named in one error, the files relative to the given root", async () => {
  const dir = path.join(work, "translations");
  await mkdir(dir);
  await copyFile(path.join(TRANSLATIONS_DIR, "en.yaml"), path.join(dir, "en.yaml"));
  const site = testSite([ENGLISH, { code: "tr", name: "Türkçe", description: "D" }, { code: "fa", name: "فارسی", description: "D" }]);
  assert.throws(
    () => loadEditions(site, work, dir),
    (e: unknown) => {
      assert.ok(e instanceof ContentError);
      assert.deepEqual(e.problems.map(formatProblem), [
        'translations/fa.yaml: file: missing: the interface words for language "fa" (copy en.yaml and translate every value)',
        'translations/tr.yaml: file: missing: the interface words for language "tr" (copy en.yaml and translate every value)',
      ]);
      return true;
    },
  );
});

test("an article's lang names an edition by its code in any letter case, or by a more specific tag when only one edition has the language", () => {
  const editions = testEditions([ENGLISH, SORANI, { ...ARABIC, code: "ar-IQ" }]);
  const codeOf = (lang: string) => editionOf(editions, lang)?.code;
  assert.equal(codeOf("CKB"), "ckb");
  assert.equal(codeOf("ar-iq"), "ar-IQ");
  assert.equal(codeOf("en-US"), "en");
  assert.equal(codeOf("ckb-IR"), "ckb");
  // Only the Iraqi Arabic edition has Arabic: plain "ar" and another region are in it.
  assert.equal(codeOf("ar"), "ar-IQ");
  assert.equal(codeOf("ar-SY"), "ar-IQ");
  assert.equal(codeOf("fa"), undefined);
});

test("a tag of a language two editions share names neither, unless it is one of their codes", () => {
  const editions = testEditions([ENGLISH, ARABIC, { ...ARABIC, code: "ar-IQ", name: "العربية (العراق)" }]);
  assert.equal(editionOf(editions, "ar-SY"), undefined);
  assert.equal(editionOf(editions, "ar")?.code, "ar");
  assert.equal(editionOf(editions, "AR-iq")?.code, "ar-IQ");
});

test("an unknown code lists the codes it may be, and suggests only a near miss (one edit for short codes, two for longer ones)", () => {
  const codes = ["ckb", "ar-IQ"];
  assert.equal(unknownLanguage("ckx", codes), `"ckx" is not one of the site's languages (ckb, ar-IQ); did you mean "ckb"?`);
  assert.equal(unknownLanguage("cxx", codes), `"cxx" is not one of the site's languages (ckb, ar-IQ)`);
  assert.equal(unknownLanguage("ar-XX", codes), `"ar-XX" is not one of the site's languages (ckb, ar-IQ); did you mean "ar-IQ"?`);
  // A code in the wrong letter case is a near miss too.
  assert.equal(unknownLanguage("CKB", codes), `"CKB" is not one of the site's languages (ckb, ar-IQ); did you mean "ckb"?`);
  assert.equal(unknownLanguage("ar", [], { which: "other languages", otherwise: "; add one" }), `"ar" is not one of the site's other languages (none declared); add one`);
});

test("an article in an undeclared language is told how to add it, unless its code is a near miss", () => {
  const editions = testEditions();
  assert.equal(undeclaredLanguage("fa", editions), `"fa" is not one of the site's languages (en, ckb, ar); to publish in it, add it to \`languages\` in content/_data/site.yaml`);
  assert.equal(undeclaredLanguage("ckv", editions), `"ckv" is not one of the site's languages (en, ckb, ar); did you mean "ckb"?`);
});
