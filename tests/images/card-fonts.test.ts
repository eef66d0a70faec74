/**
 * The share cards' fonts (src/images/card-fonts.ts, truetype-names.ts): static TrueType instances of
 * the site's Noto faces under family names of their own, read back with harfbuzz, and kept in the store.
 */
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import * as hb from "harfbuzzjs";
import { CARD_FAMILY, cardFonts } from "../../src/images/card-fonts.ts";
import { Store } from "../../src/store/store.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const store = new Store(path.join(tempDirFor("dateline-card-fonts-"), "cache"));
let files: string[];

before(async () => {
  files = await cardFonts(store);
});

function read(file: string) {
  const bytes = readFileSync(file);
  const face = new hb.Face(new hb.Blob(bytes));
  const os2 = face.referenceTable("OS/2")!;
  return {
    bytes,
    face,
    family: face.getName(1, "en"),
    // OS/2 usWeightClass, the weight fontconfig reads.
    weight: (os2[4]! << 8) | os2[5]!,
    covers: (text: string) => [...text].every((c) => face.collectUnicodes().includes(c.codePointAt(0)!)),
  };
}

test("each file is a static TrueType instance under a family name only Dateline uses, its licence kept", () => {
  assert.equal(files.length, 9);
  for (const file of files) {
    const font = read(file);
    assert.equal(font.bytes.readUInt32BE(0), 0x00010000, `${file}: TrueType outlines`);
    assert.equal(font.face.referenceTable("fvar"), undefined, `${file}: no variation axes left`);
    assert.ok((Object.values(CARD_FAMILY) as string[]).includes(font.family), `${file}: ${font.family}`);
    assert.doesNotMatch(font.face.getName(6, "en"), /\s/, "PostScript names have no spaces");
    assert.match(font.face.getName(14, "en"), /openfontlicense\.org|scripts\.sil\.org\/OFL/, "the licence's address");
    assert.match(font.face.getName(0, "en"), /Noto Project Authors/, "the copyright");
    assert.ok([400, 600, 700].includes(font.weight), `${file}: weight ${font.weight}`);
  }
});

test("the Latin faces cover Kurmanji's letters; the Arabic-script faces Sorani's, with their joining forms", () => {
  const family = (name: string) => files.map(read).filter((f) => f.family === name);
  const serif = family(CARD_FAMILY.serif);
  assert.ok(serif.some((f) => f.covers("Aa0")) && serif.some((f) => f.covers("şŞ")), "latin and latin-ext");
  for (const f of family(CARD_FAMILY.naskh)) {
    assert.ok(f.covers("ەڕۆێڵ٢"), "Sorani letters and Arabic-Indic digits");
    for (const feature of ["init", "medi", "fina", "rlig"]) assert.ok(f.face.getTableFeatureTags("GSUB").includes(feature), feature);
  }
  assert.deepEqual(family(CARD_FAMILY.sans).map((f) => f.weight).sort(), [400, 400, 600, 600]);
});

test("a second call makes no font: the store's files are used as they are", async () => {
  const before = files.map((f) => statSync(f).mtimeMs);
  assert.deepEqual(await cardFonts(store), files);
  assert.deepEqual(files.map((f) => statSync(f).mtimeMs), before);
});
