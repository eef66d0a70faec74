/**
 * Self-hosted Arabic-script fonts (src/assets/fonts.ts): subsets of exactly the characters a page
 * uses, that shape like the source fonts, their @font-face rules, and the store's cache of them.
 */
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { before, test } from "node:test";
import * as hb from "harfbuzzjs";
import { decompress } from "wawoff2";
import { arabicScriptCodePoints, arabicScriptFonts, preloadFont, unicodeRange, type ScriptFonts } from "../../src/assets/fonts.ts";
import { Store } from "../../src/store/store.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const require = createRequire(import.meta.url);
const NASKH_SOURCE = "@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2";
const SANS_SOURCE = "@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2";

/** Sorani and Arabic news text with Latin mixed in, as on a real page. It has no ظ (U+0638) and no ڤ (U+06A4). */
const SAMPLE = [
  "<h1>هەواڵی ئەمڕۆ: کۆبوونەوەی پەرلەمان لە هەولێر</h1>",
  "<p>ئەمڕۆ پەرلەمانی کوردستان کۆبوونەوەیەکی نائاسایی ئەنجامدا بۆ گفتوگۆکردن لەسەر بودجەی ساڵی ٢٠٢٦.",
  "بەپێی ڕاپۆرتی Reuters، زیاتر لە ۱۲۰ ئەندام بەشدار بوون؛ ئایا یاساکە پەسەند دەکرێت؟</p>",
  "<p>الأخبار العاجلة: بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ — اجتمع مجلس الوزراء في بغداد اليوم، وناقش الموازنة العامة.</p>",
  "<p>قال المتحدث باسم الحكومة إنّ المفاوضات مستمرة، وإنّ الاتفاق قريب؟ ـــ مراسلنا في أربيل</p>",
].join("\n");
/** Shaping checks: joining forms (init/medi/fina), the lam-alef and allah ligatures, marks positioned by GPOS, Sorani letters. */
const WORDS = ["بِسْمِ", "اللَّهِ", "الأخبار", "هەولێر", "ڕاپۆرتی", "کۆبوونەوەیەکی", "بەپێی"];

const work = tempDirFor("dateline-fonts-");
let sample: ScriptFonts;
before(async () => {
  sample = await arabicScriptFonts(SAMPLE, { base: "/news/fonts/", store: new Store(path.join(work, "cache-sample")) });
});

/** woff2 → TrueType. wawoff2 answers with a view of its wasm heap that the next call overwrites: copy it. */
async function sfnt(woff2: Buffer): Promise<Uint8Array> {
  return new Uint8Array(await decompress(woff2));
}

/** Glyph count, advances and offsets of `word` shaped by harfbuzz at a weight: the same for a faithful subset. */
function shape(font: Uint8Array, word: string, wght: number): { glyphs: number[]; layout: string } {
  const hbFont = new hb.Font(new hb.Face(new hb.Blob(font)));
  hbFont.setVariations([new hb.Variation("wght", wght)]);
  const buffer = new hb.Buffer();
  buffer.addText(word);
  buffer.guessSegmentProperties();
  hb.shape(hbFont, buffer);
  const out = buffer.getGlyphInfosAndPositions();
  return {
    glyphs: out.map((g) => g.codepoint),
    layout: JSON.stringify(out.map((g) => [g.cluster, g.xAdvance, g.xOffset, g.yOffset])),
  };
}

test("Sorani and Arabic text gives two woff2 files, a fraction of the source size", async () => {
  assert.deepEqual(
    sample.files.map((f) => f.fileName.replace(/-[0-9a-f]{8}\.woff2$/, "")),
    ["noto-naskh-arabic", "noto-sans-arabic"],
  );
  const sources = [await readFile(require.resolve(NASKH_SOURCE)), await readFile(require.resolve(SANS_SOURCE))];
  sample.files.forEach((file, i) => {
    assert.equal(file.data.toString("latin1", 0, 4), "wOF2", file.fileName);
    assert.ok(file.data.length * 3 < sources[i]!.length, `${file.fileName}: ${file.data.length} B from ${sources[i]!.length} B`);
  });
  assert.equal(preloadFont(sample), sample.files[0]);
});

test("the subset maps every Arabic-script character used and no unused letter", async () => {
  const used = arabicScriptCodePoints(SAMPLE);
  assert.ok(used.includes(0x06d5) && used.includes(0x0644) && used.includes(0x0640), "sample has ە, ل and tatweel");
  for (const file of sample.files) {
    const mapped = new Set(new hb.Face(new hb.Blob(await sfnt(file.data))).collectUnicodes());
    for (const c of used) {
      if (c === 0x200f) continue; // neither font has RLM; the browser never draws it
      assert.ok(mapped.has(c), `${file.fileName} lacks U+${c.toString(16)}`);
    }
    assert.ok(!mapped.has(0x0638), `${file.fileName} kept unused ظ`);
    assert.ok(!mapped.has(0x06a4), `${file.fileName} kept unused ڤ`);
    assert.ok(!mapped.has(0x0041), `${file.fileName} kept Latin A`);
  }
});

test("the subset keeps the wght axis (400–700) and shapes exactly like the source font", async () => {
  const pairs = [
    [await sfnt(sample.files[0]!.data), await sfnt(await readFile(require.resolve(NASKH_SOURCE)))],
    [await sfnt(sample.files[1]!.data), await sfnt(await readFile(require.resolve(SANS_SOURCE)))],
  ] as const;
  for (const [subset, source] of pairs) {
    const face = new hb.Face(new hb.Blob(subset));
    const wght = face.getAxisInfos()["wght"];
    assert.deepEqual([wght?.min, wght?.max], [400, 700]);
    for (const feature of ["init", "medi", "fina", "rlig"]) assert.ok(face.getTableFeatureTags("GSUB").includes(feature), feature);
    assert.ok(face.getTableFeatureTags("GPOS").includes("mark"));
    for (const word of WORDS) {
      for (const weight of [400, 700]) {
        const got = shape(subset, word, weight);
        assert.ok(!got.glyphs.includes(0), `${word} has a missing glyph`);
        assert.equal(got.layout, shape(source, word, weight).layout, `${word} at ${weight}`);
      }
    }
    // Bold is really bolder: the axis varies outlines and advances, it is not a static instance.
    assert.notEqual(shape(subset, "بەپێی", 400).layout, shape(subset, "بەپێی", 700).layout);
  }
});

test("Latin-only text gives no files and empty css", async () => {
  const cacheDir = path.join(work, "cache-latin");
  const none = await arabicScriptFonts("Breaking news: the Eiffel Tower — “closed” 🎉 \u200c\u200f", { base: "/fonts/", store: new Store(cacheDir) });
  assert.deepEqual(none, { css: "", files: [] });
  assert.deepEqual(arabicScriptCodePoints(""), []);
});

test("css has one rule per face with swap, 400–700, woff2 urls under base and the kept unicode-range", async () => {
  const rules = sample.css.trim().split("\n");
  assert.equal(rules.length, 2);
  const range = unicodeRange(arabicScriptCodePoints(SAMPLE));
  rules.forEach((rule, i) => {
    const family = ["Noto Naskh Arabic", "Noto Sans Arabic"][i]!;
    assert.equal(
      rule,
      `@font-face{font-family:"${family}";font-style:normal;font-weight:400 700;font-display:swap;` +
        `src:url("/news/fonts/${sample.files[i]!.fileName}") format("woff2");unicode-range:${range}}`,
    );
  });
  assert.doesNotMatch(range, /U\+00[0-7]/, "no Latin in the range");
});

test("unicode-range lists exactly the kept code points, runs collapsed, joiners always in", () => {
  assert.equal(unicodeRange(arabicScriptCodePoints("Salam سلام")), "U+0627,U+0633,U+0644-0645,U+200C-200D");
  // A supplementary character whose low surrogate is not mistaken for anything, and marks kept only with Arabic.
  assert.deepEqual(arabicScriptCodePoints("😀\u200fب"), [0x0628, 0x200c, 0x200d, 0x200f]);
  // Many MB collapse to the few distinct characters.
  assert.deepEqual(arabicScriptCodePoints("بە ".repeat(2_000_000)), [0x0628, 0x06d5, 0x200c, 0x200d]);
});

test("a base that could escape url(\"…\") is refused", async () => {
  for (const base of ['/fonts")}body{x:url("/', "/fonts/</style>/", "fonts/", "/fonts", "javascript:alert(1)/"]) {
    await assert.rejects(arabicScriptFonts("سلام", { base, store: new Store(path.join(work, "cache-bad")) }), /base must be/, base);
  }
});

test("same characters give byte-identical files and css, whatever their order or cache", async () => {
  const shuffled = [...SAMPLE].reverse().join("");
  const again = await arabicScriptFonts(shuffled, { base: "/news/fonts/", store: new Store(path.join(work, "cache-determinism")) });
  assert.equal(again.css, sample.css);
  assert.deepEqual(
    again.files.map((f) => [f.fileName, f.data]),
    sample.files.map((f) => [f.fileName, f.data]),
  );
});

test("a second call with the same characters reads the cache instead of subsetting again", async () => {
  const store = new Store(path.join(work, "cache-reuse"));
  const first = await arabicScriptFonts(SAMPLE, { base: "/fonts/", store });
  const entries = store.list("fonts").sort();
  assert.deepEqual(entries.map((e) => e.replace(/-[0-9a-f]{32}\.woff2$/, "")), ["noto-naskh-arabic", "noto-sans-arabic"]);
  // Mark the cached Naskh subset (a whole record, as the store writes them): if harfbuzz ran again the mark would be gone.
  const marked = Buffer.concat([store.readBytes("fonts", entries[0]!)!, Buffer.from("cached")]);
  store.writeBytes("fonts", entries[0]!, marked);
  const second = await arabicScriptFonts(SAMPLE, { base: "/fonts/", store: new Store(store.dir) });
  assert.deepEqual(second.files[0]!.data, marked);
  assert.notEqual(second.files[0]!.fileName, first.files[0]!.fileName, "names follow the served bytes");
  assert.deepEqual(second.files[1], first.files[1]);
  assert.deepEqual(store.list("fonts").sort(), entries, "no temp files left, nothing new written");
});

test("a damaged cached subset is never served: it is made again", async () => {
  const store = new Store(path.join(work, "cache-damaged"));
  const first = await arabicScriptFonts(SAMPLE, { base: "/fonts/", store });
  const naskh = store.path("fonts", store.list("fonts").sort()[0]!);
  await writeFile(naskh, Buffer.concat([await readFile(naskh), Buffer.from("garbage")]));
  const second = await arabicScriptFonts(SAMPLE, { base: "/fonts/", store: new Store(store.dir) });
  assert.deepEqual(second, first);
  assert.ok(store.readBytes("fonts", path.basename(naskh)), "the entry is whole again");
});

test("a deleted cache is rebuilt with the same output", async () => {
  const store = new Store(path.join(work, "cache-deleted"));
  const first = await arabicScriptFonts(SAMPLE, { base: "/news/fonts/", store });
  await rm(store.dir, { recursive: true });
  const second = await arabicScriptFonts(SAMPLE, { base: "/news/fonts/", store: new Store(store.dir) });
  assert.deepEqual(second, first);
  assert.equal(store.list("fonts").length, 2);
});
