/**
 * Whole share cards against reference pictures (tests/fixtures/cards/*.png), within a pixel
 * tolerance: an English card and a Sorani one, each over a drawn picture, with its credit. The
 * references were looked at by a person: the Sorani headline joined and set from the right, the
 * label and the site's name at the right, the credit at the left.
 *
 * fontconfig is given a configuration without font folders (tests/fixtures/cards/fonts.conf) before
 * anything is drawn: the cards use no font of the machine, and its font settings (hinting) do not
 * move a pixel.
 *
 * After a deliberate change to the drawing, write new references and look at them before committing:
 *   DATELINE_UPDATE_CARDS=1 node --import tsx tests/run.ts tests/images/share-card-reference.test.ts
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import sharp from "sharp";
import { drawCard } from "../../src/images/card-drawing.ts";
import { cardFonts } from "../../src/images/card-fonts.ts";
import type { ShareCardText } from "../../src/images/share-card.ts";
import { Store } from "../../src/store/store.ts";
import { FIXTURES } from "../support/fixture-site.ts";
import { mismatch, pixelsOf } from "../support/pixels.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const REFERENCES = path.join(FIXTURES, "cards");
// Read when Pango first sets text, which nothing in this process has done yet.
process.env.FONTCONFIG_FILE = path.join(REFERENCES, "fonts.conf");
const UPDATE = process.env.DATELINE_UPDATE_CARDS === "1";
/** Pixels whose colour differs by more than 48 in a channel, out of all: JPEG and rasteriser rounding stay far below it. */
const TOLERANCE = 0.005;

const work = tempDirFor("dateline-card-references-");
const picture = path.join(work, "picture.jpg");
let fonts: string[];

const ENGLISH: ShareCardText = {
  headline: "Al-Sharaa heads to Moscow for talks with Putin as Russian troops leave the north",
  section: "Middle East",
  siteName: "The Northern Dispatch",
  credit: "Photo: AFP",
  lang: "en",
  dir: "ltr",
  picture: { source: picture, hash: "reference" },
};
// With a Latin abbreviation and Arabic-Indic digits, set in the card's fonts like the rest.
const SORANI: ShareCardText = {
  headline: "شەرع لە مۆسکۆ لەگەڵ پوتین کۆبووەوە؛ هێزەکانی ڕووسیا لە ٢ بنکەی باکوور دەکشێنەوە (AFP)",
  section: "ڕۆژهەڵاتی ناوەڕاست",
  siteName: "پەیامی باکوور",
  credit: "وێنە: ئەی ئێف پی",
  lang: "ckb",
  dir: "rtl",
  picture: { source: picture, hash: "reference" },
};

before(async () => {
  // Hills under an evening sky with a sun: flat shapes, so that the references stay small.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
<defs><linearGradient id="sky" x2="0" y2="1"><stop offset="0" stop-color="#f2c48d"/><stop offset="1" stop-color="#c76b4a"/></linearGradient></defs>
<rect width="1600" height="900" fill="url(#sky)"/><circle cx="1150" cy="300" r="110" fill="#fff1c9"/>
<path d="M0 560 Q400 420 800 560 T1600 520 V900 H0 Z" fill="#5b4a6b"/><path d="M0 700 Q500 600 1000 700 T1600 680 V900 H0 Z" fill="#2f2a3d"/></svg>`;
  await writeFile(picture, await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer());
  fonts = await cardFonts(new Store(path.join(work, "cache")));
});

for (const [name, card] of [["english", ENGLISH], ["sorani", SORANI]] as const) {
  test(`the ${name} card matches its reference (tests/fixtures/cards/${name}.png)`, async () => {
    const drawn = await drawCard(card, fonts);
    const reference = path.join(REFERENCES, `${name}.png`);
    if (UPDATE) await sharp(drawn).png({ compressionLevel: 9 }).toFile(reference);
    const share = mismatch(await pixelsOf(drawn), await pixelsOf(reference), { threshold: 48 });
    assert.ok(share <= TOLERANCE, `${(share * 100).toFixed(2)}% of the pixels differ from the reference`);
  });
}

test("the comparison notices a headline set wrong: the Sorani letters left unjoined", async () => {
  // A zero-width non-joiner between every two letters: the same letters, each in its unjoined form.
  const unjoined = { ...SORANI, headline: [...SORANI.headline].join("\u200c") };
  const share = mismatch(await pixelsOf(await drawCard(unjoined, fonts)), await pixelsOf(path.join(REFERENCES, "sorani.png")), { threshold: 48 });
  assert.ok(share > 10 * TOLERANCE, `only ${(share * 100).toFixed(2)}% differ`);
});
