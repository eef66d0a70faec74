/** Which text a picture shows and where it came from (src/render/picture-text.ts): the editor's, then XMP, then IIM. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EmbeddedText } from "../../src/images/picture-metadata.ts";
import { inLanguage, pictureText } from "../../src/render/picture-text.ts";

const EMBEDDED: EmbeddedText = {
  xmp: {
    description: { "x-default": "Snow on the Hamilton road.", ckb: "بەفر لەسەر ڕێگای هاملتۆن." },
    altText: { "x-default": "A lorry stuck in deep snow on a mountain road." },
    credit: "Northern Wire",
    creator: ["Rezan Ali"],
    rights: { "x-default": "© 2026 Northern Wire" },
  },
  iim: { caption: "IIM caption.", credit: "IIM Credit", byline: ["IIM Byline"], copyright: "© IIM" },
};

test("with nothing written by the editor, every value comes from XMP, which outranks IIM", () => {
  const text = pictureText({ origin: "frontmatter" }, EMBEDDED, "en");
  assert.deepEqual(text, {
    alt: { value: "A lorry stuck in deep snow on a mountain road.", origin: "xmp" },
    caption: { value: "Snow on the Hamilton road.", origin: "xmp" },
    credit: { value: "Northern Wire", origin: "xmp" },
    creator: { value: ["Rezan Ali"], origin: "xmp" },
    copyright: { value: "© 2026 Northern Wire", origin: "xmp" },
  });
});

test("what the editor wrote wins, field by field; blank text counts as not written", () => {
  const text = pictureText({ origin: "markdown", alt: "Ploughs at work.", caption: "  ", credit: "Photo: Desk" }, EMBEDDED, "en");
  assert.deepEqual([text.alt, text.caption, text.credit], [
    { value: "Ploughs at work.", origin: "markdown" },
    { value: "Snow on the Hamilton road.", origin: "xmp" },
    { value: "Photo: Desk", origin: "markdown" },
  ]);
});

test("a credit at the end of the editor's caption is the editor's credit, and is not shown twice", () => {
  const text = pictureText({ origin: "frontmatter", caption: "Ploughs cleared the pass. (Photo: AFP)" }, EMBEDDED, "en");
  assert.deepEqual([text.caption?.value, text.credit], ["Ploughs cleared the pass.", { value: "Photo: AFP", origin: "frontmatter" }]);
});

test("IIM fills what XMP lacks; IIM's credit may come from the end of its caption", () => {
  const text = pictureText({ origin: "markdown" }, { iim: { caption: "Roads reopen in Duhok. (Photo: Northern Wire)", byline: ["Dara Aziz"] } }, "en");
  assert.deepEqual(text, {
    caption: { value: "Roads reopen in Duhok.", origin: "iim" },
    credit: { value: "Photo: Northern Wire", origin: "iim" },
    creator: { value: ["Dara Aziz"], origin: "iim" },
  });
});

test("alt text is never made from a caption: a picture with only a caption has no alt text", () => {
  assert.equal(pictureText({ origin: "frontmatter", caption: "A caption." }, { iim: { caption: "Another." } }, "en").alt, undefined);
});

test("a lang-alt entry in the story's language, then the default; never another language's", () => {
  const values = { "x-default": "Default", ckb: "سۆرانی", "ar-iq": "عربي" };
  assert.equal(inLanguage(values, "ckb"), "سۆرانی");
  assert.equal(inLanguage(values, "ckb-IQ"), "سۆرانی");
  assert.equal(inLanguage(values, "ar"), "عربي");
  assert.equal(inLanguage(values, "en"), "Default");
  assert.equal(inLanguage({ en: "English only" }, "ar"), undefined);
  assert.equal(pictureText({ origin: "frontmatter" }, EMBEDDED, "ckb").caption?.value, "بەفر لەسەر ڕێگای هاملتۆن.");
});

test("IPTC digital source types: AI-generated, AI-edited, computer-made and composite pictures earn a label; a photograph none", () => {
  const originOf = (term: string) => pictureText({ origin: "markdown" }, { xmp: { digitalSourceType: `http://cv.iptc.org/newscodes/digitalsourcetype/${term}` } }, "en").pictureOrigin;
  assert.equal(originOf("trainedAlgorithmicMedia"), "ai");
  assert.equal(originOf("compositeWithTrainedAlgorithmicMedia"), "aiEdited");
  assert.equal(originOf("algorithmicMedia"), "computer");
  for (const term of ["composite", "compositeSynthetic", "compositeCapture"]) assert.equal(originOf(term), "composite", term);
  for (const term of ["digitalCapture", "negativeFilm", "digitalCreation", "minorHumanEdits"]) assert.equal(originOf(term), undefined, term);
  const text = pictureText({ origin: "markdown" }, { xmp: { digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia" } }, "en");
  assert.equal(text.sourceType, "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
});
