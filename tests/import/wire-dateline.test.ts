/** The dateline opening wire copy's first paragraph (src/import/wire-dateline.ts): each form the desks receive, and what is not one. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { splitDateline } from "../../src/import/wire-dateline.ts";

test("Latin script: the place in capitals, the agency in brackets, then a hyphen, en dash, em dash or colon", () => {
  const cases: [string, string, string, string][] = [
    ["ERBIL (Kurdistan24) - Syria's president landed.", "ERBIL", "Kurdistan24", "Syria's president landed."],
    ["WASHINGTON (AP) – The Pentagon said…", "WASHINGTON", "AP", "The Pentagon said…"],
    ["DUHOK, Kurdistan Region (AFP) — Snow closed roads.", "DUHOK, Kurdistan Region", "AFP", "Snow closed roads."],
    ["SULAIMANI (Rudaw): Talks resumed.", "SULAIMANI", "Rudaw", "Talks resumed."],
    ["NEW YORK (AP)—A jury found…", "NEW YORK", "AP", "A jury found…"],
    ["ERBIL, Jan 28 (Reuters) - Oil exports resumed.", "ERBIL, Jan 28", "Reuters", "Oil exports resumed."],
    ["ŞIRNAK (AFP) - Border crossings reopened.", "ŞIRNAK", "AFP", "Border crossings reopened."],
  ];
  for (const [paragraph, place, source, rest] of cases) {
    assert.deepEqual(splitDateline(paragraph), { dateline: { place, source }, rest }, paragraph);
  }
});

test("Arabic script, which has no capitals: the few words before the bracket at the start, any separator", () => {
  assert.deepEqual(splitDateline("أربيل (كوردستان 24) - استقبل رئيس الإقليم وفداً."), { dateline: { place: "أربيل", source: "كوردستان 24" }, rest: "استقبل رئيس الإقليم وفداً." });
  assert.deepEqual(splitDateline("هەولێر (کوردستان24): سەرۆکی هەرێم پێشوازی کرد."), { dateline: { place: "هەولێر", source: "کوردستان24" }, rest: "سەرۆکی هەرێم پێشوازی کرد." });
  assert.deepEqual(splitDateline("دهوك، إقليم كوردستان (أ ف ب) — أغلقت الثلوج الطرق."), { dateline: { place: "دهوك، إقليم كوردستان", source: "أ ف ب" }, rest: "أغلقت الثلوج الطرق." });
  assert.deepEqual(splitDateline("\u200fبغداد (AFP) – قال مسؤولون."), { dateline: { place: "بغداد", source: "AFP" }, rest: "قال مسؤولون." }, "a direction mark first");
});

test("not a dateline: a place not in capitals, no separator, a bracket in a sentence, a long run of Arabic words", () => {
  for (const paragraph of [
    "Erbil (Kurdistan24) - talks resumed.",
    "ERBIL (Kurdistan24) talks resumed.",
    "The talks (AFP) - resumed.",
    "A (B) - c.",
    "President al-Sharaa met Putin (AFP) - in Moscow.",
    "قال رئيس الإقليم في بيان صادر اليوم الأحد (كوردستان 24) - إن",
    "Syria’s president landed in Moscow on Wednesday (AFP).",
  ]) {
    assert.equal(splitDateline(paragraph), undefined, paragraph);
  }
});
