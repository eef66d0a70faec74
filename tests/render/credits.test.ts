/** Picture credits (src/render/credits.ts): a trailing "(Photo: X)" split from a caption, in the newsroom's languages, and an explicit credit. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { splitCaption } from "../../src/render/credits.ts";

test("a trailing (Graphics: X) is the credit, split from the caption", () => {
  assert.deepEqual(splitCaption("Putin shaking hands with al-Sharaa. (Graphics: Kurdistan24)"), {
    text: "Putin shaking hands with al-Sharaa.",
    credit: "Graphics: Kurdistan24",
  });
});

test("Photo, Photograph and Credit labels are recognised, case-insensitively", () => {
  assert.equal(splitCaption("Tanks. (photo: AFP)").credit, "Photo: AFP");
  assert.equal(splitCaption("Tanks. (Photograph: Reuters / A. Name)").credit, "Photograph: Reuters / A. Name");
  assert.equal(splitCaption("Tanks. (Credit: Courtesy of the ministry)").credit, "Credit: Courtesy of the ministry");
});

test("a parenthesis that is not a credit stays in the caption", () => {
  assert.deepEqual(splitCaption("Talks in Moscow (the second this year)"), { text: "Talks in Moscow (the second this year)", credit: undefined });
});

test("an explicit credit wins, and is not shown twice", () => {
  assert.deepEqual(splitCaption("Handshake. (Graphics: Kurdistan24)", "Kurdistan24"), { text: "Handshake.", credit: "Graphics: Kurdistan24" });
  assert.deepEqual(splitCaption("Handshake. (Photo: AFP)", "Reuters"), { text: "Handshake.", credit: "Reuters" });
  assert.deepEqual(splitCaption(undefined, "AFP"), { text: "", credit: "AFP" });
});

test("credits are recognised in the newsroom's other languages", () => {
  assert.deepEqual(splitCaption("الرئيسان في موسكو. (تصوير: كوردستان24)"), { text: "الرئيسان في موسكو.", credit: "تصوير: كوردستان24" });
  assert.deepEqual(splitCaption("سەرۆکەکان لە مۆسکۆ. (وێنە: کوردستان24)"), { text: "سەرۆکەکان لە مۆسکۆ.", credit: "وێنە: کوردستان24" });
  assert.equal(splitCaption("Liderler Moskova'da. (fotoğraf: AFP)").credit, "Fotoğraf: AFP");
  assert.equal(splitCaption("Not a credit (Photographer's note: later)").credit, undefined);
});
