/**
 * The text a picture carries (src/images/picture-metadata.ts): XMP and IPTC IIM read back from JPEGs
 * written by tests/support/embed-picture-metadata.ts, in Latin and Arabic script, IIM decoded by its
 * dataset 1:90; kept with the picture's plan; never copied into the encoded variants.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { ImageEncoder } from "../../src/images/image-encoder.ts";
import { readPlan, withCrops, variantsOf } from "../../src/images/image-plan.ts";
import { readEmbeddedText } from "../../src/images/picture-metadata.ts";
import { Store } from "../../src/store/store.ts";
import { embedPictureMetadata, type PictureMetadata } from "../support/embed-picture-metadata.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-picture-metadata-");

async function photo(metadata: PictureMetadata, width = 320, height = 200): Promise<Buffer> {
  const plain = await sharp({ create: { width, height, channels: 3, background: "#5a7d9a" } }).jpeg().toBuffer();
  return embedPictureMetadata(plain, metadata);
}

const AGENCY: PictureMetadata = {
  xmp: {
    description: { "x-default": "Delegates take their seats before the talks in Erbil.", ar: "المندوبون يأخذون مقاعدهم قبل المحادثات في أربيل.", ckb: "نوێنەران پێش گفتوگۆکان لە هەولێر دادەنیشن." },
    altText: { "x-default": "Six people sit at a long table under a row of flags.", ar: "ستة أشخاص يجلسون إلى طاولة طويلة تحت صف من الأعلام." },
    credit: "Northern Wire",
    creator: ["Rezan Ali", "Dara Aziz"],
    rights: { "x-default": "© 2026 Northern Wire" },
    digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
  },
  iim: { caption: "IIM caption that XMP outranks.", credit: "IIM Credit", byline: ["IIM Byline"], copyright: "© IIM", charset: "utf-8" },
};

test("XMP: each lang-alt entry by its language, the credit, every creator in order, the rights and the source type", async () => {
  const text = readEmbeddedText(await photo(AGENCY));
  assert.deepEqual(text?.xmp, {
    description: AGENCY.xmp!.description,
    altText: AGENCY.xmp!.altText,
    credit: "Northern Wire",
    creator: ["Rezan Ali", "Dara Aziz"],
    rights: { "x-default": "© 2026 Northern Wire" },
    digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
  });
  assert.deepEqual(text?.iim, { caption: "IIM caption that XMP outranks.", credit: "IIM Credit", byline: ["IIM Byline"], copyright: "© IIM" });
});

test("IIM in UTF-8 (dataset 1:90 says so): Arabic and Sorani captions read whole, not as Latin-1", async () => {
  const caption = "نوێنەرانی هەرێمی کوردستان لە کۆبوونەوەکەدا — صورة من أربيل";
  const text = readEmbeddedText(await photo({ iim: { caption, credit: "وێنە: پەیامی باکوور", byline: ["ڕێزان عەلی", "دارا عەزیز"], charset: "utf-8" } }));
  assert.deepEqual(text, { iim: { caption, credit: "وێنە: پەیامی باکوور", byline: ["ڕێزان عەلی", "دارا عەزیز"] } });
});

test("IIM without 1:90, in Latin-1 as older desk software writes it: é and © read as written", async () => {
  const text = readEmbeddedText(await photo({ iim: { caption: "Café owners reopen in Duhok.", copyright: "© Agence Nord", charset: "latin-1" } }));
  assert.deepEqual(text, { iim: { caption: "Café owners reopen in Duhok.", copyright: "© Agence Nord" } });
});

test("a picture with no metadata says nothing; line breaks and runs of spaces in a field are one space", async () => {
  assert.equal(readEmbeddedText(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).jpeg().toBuffer()), undefined);
  const text = readEmbeddedText(await photo({ xmp: { description: { "x-default": "First line\n  second   line " } } }));
  assert.deepEqual(text, { xmp: { description: { "x-default": "First line second line" } } });
});

test("damaged metadata does not stop a build: a broken XMP packet reads as none", async () => {
  const good = await photo({ xmp: { credit: "Northern Wire" } });
  const at = good.indexOf("<rdf:RDF");
  assert.ok(at > 0);
  const broken = Buffer.from(good);
  broken.write("<rdf:RDX", at, "latin1"); // the opening tag no longer matches its end
  assert.doesNotThrow(() => readEmbeddedText(broken));
  assert.equal(readEmbeddedText(broken)?.xmp, undefined);
});

test("the plan keeps the text, so a warm build reads no picture for it; the encoded variants and crops carry none of it", async () => {
  const file = path.join(work, "agency.jpg");
  await writeFile(file, await photo(AGENCY, 640, 400));
  const plan = withCrops(await readPlan(file));
  assert.equal(plan.embedded?.xmp?.credit, "Northern Wire");
  const store = new Store(path.join(work, "store"));
  await new ImageEncoder(store).encode([plan]);
  for (const variant of variantsOf(plan)) {
    const meta = await sharp(store.path("images", variant.name)).metadata();
    assert.deepEqual([meta.xmp, meta.iptc, meta.exif], [undefined, undefined, undefined], `${variant.name} carries metadata`);
  }
});
