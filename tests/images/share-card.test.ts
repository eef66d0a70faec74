/**
 * Share cards (src/images/share-card.ts, card-drawing.ts, card-fonts.ts, share-card-drawer.ts): their
 * size, format and weight, the typographic card, the mirrored layout, the cache, and proof that
 * Pango shapes and orders Arabic script and sets every character in the card's own fonts. Whole
 * cards against reference pictures: share-card-reference.test.ts.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import sharp from "sharp";
import { CARD_TYPE, typeset, useFonts } from "../../src/images/card-drawing.ts";
import { CARD_FAMILY, cardFonts } from "../../src/images/card-fonts.ts";
import { CARD_SIZE, shareCard, type ShareCard, type ShareCardText } from "../../src/images/share-card.ts";
import { ShareCardDrawer } from "../../src/images/share-card-drawer.ts";
import { Store } from "../../src/store/store.ts";
import { inkOf, mismatch } from "../support/pixels.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-share-card-");
const store = new Store(path.join(work, "cache"));
const picture = path.join(work, "picture.jpg");

const ENGLISH: ShareCardText = {
  headline: "Al-Sharaa heads to Moscow for talks with Putin as troops leave the north",
  section: "Middle East",
  siteName: "The Northern Dispatch",
  credit: "Photo: AFP",
  lang: "en",
  dir: "ltr",
  picture: undefined,
};
const SORANI: ShareCardText = {
  headline: "شەرع لە مۆسکۆ لەگەڵ پوتین کۆبووەوە",
  section: "ڕۆژهەڵاتی ناوەڕاست",
  siteName: "پەیامی باکوور",
  credit: "وێنە: ئەی ئێف پی",
  lang: "ckb",
  dir: "rtl",
  picture: undefined,
};

before(async () => {
  // A bright picture (a white sky over green): the text must stay readable over it.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#ffffff"/><rect y="560" width="1600" height="340" fill="#3c8d2f"/></svg>`;
  await writeFile(picture, await sharp(Buffer.from(svg)).jpeg().toBuffer());
  await useFonts(await cardFonts(store));
});

const withPicture = (text: ShareCardText): ShareCardText => ({ ...text, picture: { source: picture, hash: "0123456789ab" } });
const card = (text: ShareCardText): ShareCard => shareCard(text, text.headline);

test("cards are 1200×630 JPEGs under 200 KB, with a picture and without, in both directions", async () => {
  const cards = [ENGLISH, SORANI, withPicture(ENGLISH), withPicture(SORANI)].map(card);
  await new ShareCardDrawer(store).draw(cards);
  for (const c of cards) {
    const file = store.path("cards", c.name);
    const meta = await sharp(file).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", CARD_SIZE.width, CARD_SIZE.height], c.headline);
    const bytes = statSync(file).size;
    assert.ok(bytes < 200 * 1024, `${c.headline}: ${bytes} bytes`);
    assert.match(c.name, /^[0-9a-f]{16}-card\.jpg$/);
  }
});

test("a second draw of the same cards draws nothing: each is kept in the store by its name", async () => {
  // Headlines no other test draws: the store is the file's.
  const cards = [card({ ...ENGLISH, headline: "Drawn once" }), card({ ...SORANI, headline: "یەک جار" }), card({ ...ENGLISH, headline: "Drawn once" })];
  const drawer = new ShareCardDrawer(store);
  assert.deepEqual(await drawer.draw(cards), { drawn: 2, reused: 0 });
  assert.deepEqual(await drawer.draw(cards), { drawn: 0, reused: 2 });
});

test("a card's name changes with everything it shows, and not with its alt text", () => {
  const name = card(withPicture(ENGLISH)).name;
  const changed: Partial<ShareCardText>[] = [
    { headline: "Another headline" },
    { section: "World" },
    { siteName: "Another paper" },
    { credit: "Photo: Reuters" },
    { credit: undefined },
    { lang: "en-GB" },
    { dir: "rtl" },
    { picture: { source: picture, hash: "ba9876543210" } },
    { picture: undefined },
  ];
  for (const change of changed) assert.notEqual(card({ ...withPicture(ENGLISH), ...change }).name, name, JSON.stringify(change));
  // The same picture elsewhere (its content hash) is the same card; what the alt text says is not drawn.
  assert.equal(card({ ...withPicture(ENGLISH), picture: { source: "/elsewhere.jpg", hash: "0123456789ab" } }).name, name);
  assert.equal(shareCard(withPicture(ENGLISH), "other words").name, name);
});

test("a typographic card is set on the site's ink; the section label starts at the left in English and at the right in Sorani", async () => {
  const [english, sorani, photo] = [card(ENGLISH), card(SORANI), card(withPicture(ENGLISH))];
  await new ShareCardDrawer(store).draw([english, sorani, photo]);
  const at = async (c: ShareCard, left: number, top: number) => [...(await sharp(store.path("cards", c.name)).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())];
  const near = (rgb: number[], want: number[]) => rgb.every((v, i) => Math.abs(v - want[i]!) < 24);
  const INK = [0x14, 0x14, 0x14];
  const ACCENT = [0xb3, 0x12, 0x2e];
  assert.ok(near(await at(english, 600, 20), INK), "ink at the top of a typographic card");
  assert.ok(near(await at(photo, 600, 20), [255, 255, 255]), "the picture at the top of a picture card");
  // The label's box starts 64 px from the side, 64 px from the top of a typographic card.
  assert.ok(near(await at(english, 68, 68), ACCENT), "English label at the left");
  assert.ok(near(await at(english, 1200 - 68, 68), INK), "nothing at the right");
  assert.ok(near(await at(sorani, 1200 - 68, 68), ACCENT), "Sorani label at the right");
  assert.ok(near(await at(sorani, 68, 68), INK), "nothing at the left");
});

test("white type over a white picture keeps a contrast of at least 4.5:1, from the section label down", async () => {
  const c = card(withPicture(ENGLISH));
  await new ShareCardDrawer(store).draw([c]);
  const { data } = await sharp(store.path("cards", c.name)).raw().toBuffer({ resolveWithObject: true });
  const rgb = (x: number, y: number) => [...data.subarray((y * CARD_SIZE.width + x) * 3, (y * CARD_SIZE.width + x) * 3 + 3)];
  // The label's red box, 64 px from the left; then the card's edge, where no text is, below it.
  const labelTop = Array.from({ length: CARD_SIZE.height }, (_, y) => y).find((y) => rgb(70, y)[0]! > 150 && rgb(70, y)[1]! < 60);
  assert.ok(labelTop !== undefined && labelTop > 100, `label at ${labelTop}`);
  for (let y = labelTop; y < CARD_SIZE.height - 8; y++) {
    const backdrop = Math.max(...rgb(4, y));
    assert.ok(contrast(255, backdrop) >= 4.5, `row ${y}: white on ${backdrop} is ${contrast(255, backdrop).toFixed(1)}:1`);
  }
});

test("Pango shapes Arabic and orders it right to left: the same as its joined forms laid out by hand", async () => {
  const o = { font: `${CARD_FAMILY.naskh} Bold 64`, lang: "ar", dir: "rtl" as const };
  // "بيت كبير": what Pango must work out (each letter's joining form, the words from the right).
  const shaped = await inkOf(await typeset("بيت كبير", o));
  // The same as presentation forms (initial, medial, final, each its own code point) in visual
  // order under a left-to-right override (U+202D … U+202C): neither shaping nor bidi has anything to do.
  const byHand = await inkOf(await typeset("\u202d\ufeae\ufef4\ufe92\ufedb \ufe96\ufef4\ufe91\u202c", o));
  // The letters unjoined (isolated forms), and the words joined but in the wrong order.
  const isolated = await inkOf(await typeset("\u202d\ufead\ufef1\ufe8f\ufed9 \ufe95\ufef1\ufe8f\u202c", o));
  const wrongOrder = await inkOf(await typeset("\u202d\ufe96\ufef4\ufe91 \ufeae\ufef4\ufe92\ufedb\u202c", o));
  assert.ok(mismatch(shaped, byHand, { slack: 1 }) < 0.02, `joined by hand: ${mismatch(shaped, byHand, { slack: 1 })}`);
  assert.ok(mismatch(shaped, isolated, { slack: 1 }) > 0.1, "unjoined letters differ");
  assert.ok(mismatch(shaped, wrongOrder, { slack: 1 }) > 0.1, "the words in the wrong order differ");
});

test("digits and Latin words in an Arabic headline, and Arabic in an English one, are set in the card's own fonts", async () => {
  const set = async (text: string, family: string, dir: "ltr" | "rtl") => inkOf(await typeset(text, { font: `${family} Bold 48`, lang: dir === "rtl" ? "ar" : "en", dir }));
  // Falling back through the headline's family list gives what the card's face for that script gives alone.
  const latinInArabic = await set("BBC 2026", CARD_TYPE.rtl.headline, "rtl");
  assert.ok(mismatch(latinInArabic, await set("BBC 2026", CARD_FAMILY.serif, "rtl"), { slack: 1 }) < 0.02);
  const arabicInEnglish = await set("موسكو", CARD_TYPE.ltr.headline, "ltr");
  assert.ok(mismatch(arabicInEnglish, await set("موسكو", CARD_FAMILY.naskh, "ltr"), { slack: 1 }) < 0.02);
  // Kurmanji's letters come from the Latin face's latin-ext file.
  const kurmanji = await set("Şer û aştî", CARD_TYPE.ltr.headline, "ltr");
  assert.ok(mismatch(kurmanji, await set("Şer û aştî", CARD_FAMILY.serif, "ltr"), { slack: 1 }) < 0.02);
  assert.ok(kurmanji.width > 100, "the letters are drawn, not left out");
});

test("markup in a headline is drawn as the text it is: Pango's markup is escaped", async () => {
  const o = { font: `${CARD_FAMILY.serif} Bold 40`, lang: "en", dir: "ltr" as const };
  const [tag, letter] = await Promise.all([inkOf(await typeset("<i>x</i> & 'y'", o)), inkOf(await typeset("x & 'y'", o))]);
  assert.ok(tag.width > letter.width + 100, `${tag.width} px against ${letter.width} px: the tags are drawn`);
});

/** WCAG 2's contrast ratio of two greys (0–255). */
function contrast(a: number, b: number): number {
  const luminance = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
