/** Language facts (src/locale/languages.ts): reading speed, the language a script tells. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { languageOfScript, readingMinutes } from "../../src/locale/languages.ts";

test("reading time depends on the language's reading speed, and is at least a minute", () => {
  assert.equal(readingMinutes(10, "en"), 1);
  assert.equal(readingMinutes(952, "en"), 4);
  assert.ok(readingMinutes(952, "ar") > readingMinutes(952, "en"));
});

test("the language a text's script tells: Sorani by the letters only it writes, Arabic, or none for Latin script", () => {
  const codes = ["en", "ar", "ckb"];
  const sorani = "سەرۆکی هەرێم پێشوازی لە شاندێکی بەغدا دەکات";
  const arabic = "رئيس الإقليم يستقبل وفداً من بغداد في أربيل";
  assert.equal(languageOfScript(sorani, codes), "ckb");
  assert.equal(languageOfScript(arabic, codes), "ar");
  // Arabic copy borrows Persian letters for foreign names: still Arabic.
  assert.equal(languageOfScript("أعلنت شركة گوگل وچين عن اتفاق جديد في العاصمة بغداد اليوم", codes), "ar");
  assert.equal(languageOfScript(sorani, ["en", "ar"]), "ar", "a Sorani text on a site without a Sorani edition");
  assert.equal(languageOfScript(arabic, ["en", "fa"]), "fa", "another language in Arabic script");
  assert.equal(languageOfScript(arabic, ["en"]), undefined);
  assert.equal(languageOfScript("Erbil talks resume with a quote: «أربيل»", codes), undefined, "mostly Latin");
});
