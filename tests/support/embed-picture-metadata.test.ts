/**
 * Writing a picture's words into a JPEG (tests/support/embed-picture-metadata.ts), read back as the
 * build reads them: with exifreader, given @xmldom/xmldom's DOMParser (exifreader's own lookup of it is
 * a dynamic require that bundling breaks), and with sharp. Also: the sample site's pictures carry
 * exactly the words tests/support/make-sample-images.ts lists for them.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import ExifReader from "exifreader";
import sharp from "sharp";
import { REPO } from "../../src/shared/repo.ts";
import { embedPictureMetadata, type PictureMetadata } from "./embed-picture-metadata.ts";
import { SAMPLE_IMAGES } from "./make-sample-images.ts";

const DIGITAL_CREATION = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation";
const SORANI = "ئامێرێکی بەفرماڵین ڕێگایەکی شاخاوی پاک دەکاتەوە";
const ARABIC = "جرافة ثلج تفتح طريقًا جبليًا";

const FULL: PictureMetadata = {
  xmp: {
    description: { en: `Ploughs & lorries: "<the pass>"`, "x-default": "A snowplough clears a mountain road", ckb: SORANI, ar: ARABIC },
    altText: { "x-default": "A yellow snowplough on a winding road", ckb: `وێنە: ${SORANI}` },
    credit: "The Northern Dispatch",
    creator: ["Hêmin Ezîz", "Berivan Osman"],
    rights: { "x-default": "© 2026 Northern Dispatch Media", ar: "© 2026 مؤسسة رسالة الشمال للإعلام" },
    digitalSourceType: DIGITAL_CREATION,
  },
  iim: { caption: SORANI, credit: "رسالة الشمال", byline: ["هێمن عەزیز", "Berivan Osman"], copyright: "© ٢٠٢٦ پەیامی باکوور", charset: "utf-8" },
};

type Tag = { value?: unknown; description?: string; attributes?: Record<string, string> };
type Tags = Record<string, Tag | Tag[] | undefined>;

function read(jpeg: Buffer): { xmp?: Tags; iptc?: Tags; exif?: Tags } {
  return ExifReader.load(jpeg, { expanded: true, domParser: new DOMParser() }) as { xmp?: Tags; iptc?: Tags; exif?: Tags };
}

/** An rdf:Alt as exifreader gives it: an item per language, the language in `attributes.lang`. */
function byLanguage(tag: Tag | Tag[] | undefined): Record<string, string> {
  assert.ok(tag && !Array.isArray(tag) && Array.isArray(tag.value), "a lang-alt property");
  return Object.fromEntries((tag.value as Tag[]).map((item) => [item.attributes?.["lang"], item.value]));
}

function one(tag: Tag | Tag[] | undefined): Tag {
  assert.ok(tag && !Array.isArray(tag), "one value");
  return tag;
}

/** The kinds of the segments before the image data, in order: "exif", "xmp", "iptc", or the marker in hex. */
function segmentKinds(jpeg: Buffer): string[] {
  const kinds: string[] = [];
  for (let at = 2; jpeg[at + 1] !== 0xda; at += 2 + jpeg.readUInt16BE(at + 2)) {
    const head = jpeg.subarray(at + 4, at + 4 + 29).toString("latin1");
    const marker = jpeg[at + 1]!;
    if (marker === 0xe1 && head.startsWith("Exif\0\0")) kinds.push("exif");
    else if (marker === 0xe1 && head.startsWith("http://ns.adobe.com/xap/1.0/\0")) kinds.push("xmp");
    else if (marker === 0xed && head.startsWith("Photoshop 3.0\0")) kinds.push("iptc");
    else kinds.push(marker.toString(16));
  }
  return kinds;
}

/** The packet of the one XMP segment, as text. */
function xmpPacketOf(jpeg: Buffer): string {
  const header = Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1");
  const at = jpeg.indexOf(header);
  assert.ok(at > 0, "an XMP segment");
  return jpeg.subarray(at + header.length, at - 2 + jpeg.readUInt16BE(at - 2)).toString("utf8");
}

/** A photograph-like picture (noise, so a change to any pixel shows) with EXIF and an XMP packet written by sharp. */
const source = await sharp({ create: { width: 96, height: 64, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
  .withExif({ IFD0: { Copyright: "EXIF copyright" } })
  .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Old title</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`)
  .jpeg({ quality: 80 })
  .toBuffer();

test("every XMP field reads back, lang-alt entries by language, Arabic and Sorani included, XML characters escaped", () => {
  const { xmp } = read(embedPictureMetadata(source, FULL));
  assert.ok(xmp);
  assert.deepEqual(byLanguage(xmp["description"]), FULL.xmp!.description);
  assert.deepEqual(byLanguage(xmp["AltTextAccessibility"]), FULL.xmp!.altText);
  assert.deepEqual(byLanguage(xmp["rights"]), FULL.xmp!.rights);
  assert.equal(one(xmp["Credit"]).value, "The Northern Dispatch");
  assert.deepEqual((one(xmp["creator"]).value as Tag[]).map((item) => item.value), ["Hêmin Ezîz", "Berivan Osman"]);
  assert.equal(one(xmp["DigitalSourceType"]).value, DIGITAL_CREATION);
  assert.equal(xmp["title"], undefined, "the packet sharp wrote is gone");
});

test("the XMP packet has its xpacket wrapper, x-default first in each lang-alt, and each namespace it uses", () => {
  const packet = xmpPacketOf(embedPictureMetadata(source, FULL));
  assert.ok(packet.startsWith(`<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`), packet.slice(0, 80));
  assert.ok(packet.endsWith(`<?xpacket end="w"?>`), packet.slice(-40));
  assert.match(packet, /<dc:description><rdf:Alt><rdf:li xml:lang="x-default">A snowplough/);
  assert.match(packet, /xmlns:Iptc4xmpCore="http:\/\/iptc\.org\/std\/Iptc4xmpCore\/1\.0\/xmlns\/"/);
  assert.match(packet, /xmlns:Iptc4xmpExt="http:\/\/iptc\.org\/std\/Iptc4xmpExt\/2008-02-29\/"/);
  assert.match(packet, /Ploughs &amp; lorries: &quot;&lt;the pass&gt;&quot;/);
});

test("UTF-8 IIM: dataset 1:90 is ESC % G; Arabic and Sorani caption, credit and copyright and two bylines read back", () => {
  const { iptc } = read(embedPictureMetadata(source, FULL));
  assert.ok(iptc);
  assert.deepEqual(one(iptc["Coded Character Set"]).value, [0x1b, 0x25, 0x47]);
  assert.equal(one(iptc["Caption/Abstract"]).description, SORANI);
  assert.equal(one(iptc["Credit"]).description, "رسالة الشمال");
  assert.equal(one(iptc["Copyright Notice"]).description, "© ٢٠٢٦ پەیامی باکوور");
  const bylines = iptc["By-line"];
  assert.ok(Array.isArray(bylines), "one By-line dataset each");
  assert.deepEqual(bylines.map((b) => b.description), ["هێمن عەزیز", "Berivan Osman"]);
});

test("Latin-1 IIM: no dataset 1:90, é is one byte, and reads back as é", () => {
  const caption = "Café owners in Umeå clear snow";
  const { iptc, xmp } = read(embedPictureMetadata(source, { iim: { caption, copyright: "© 2026 Northern Dispatch Media", charset: "latin-1" } }));
  assert.ok(iptc);
  assert.equal(iptc["Coded Character Set"], undefined);
  const value = one(iptc["Caption/Abstract"]).value as number[];
  assert.deepEqual(Buffer.from(value), Buffer.from(caption, "latin1"));
  assert.equal(value[3], 0xe9);
  assert.equal(one(iptc["Caption/Abstract"]).description, caption);
  assert.equal(one(iptc["Copyright Notice"]).description, "© 2026 Northern Dispatch Media");
  assert.equal(xmp, undefined, "no XMP asked for, and the one sharp wrote is gone");
});

test("Latin-1 IIM refuses a character ISO-8859-1 cannot hold, naming it", () => {
  assert.throws(() => embedPictureMetadata(source, { iim: { caption: "Price: 5 €", charset: "latin-1" } }), /caption "Price: 5 €" has "€" \(U\+20AC\), which ISO-8859-1 cannot hold/);
  assert.throws(() => embedPictureMetadata(source, { iim: { byline: [SORANI], charset: "latin-1" } }), /IIM byline .*ISO-8859-1/);
});

test("sharp sees the XMP and the IPTC, the same width and height, and decodes the same pixels", async () => {
  const out = embedPictureMetadata(source, FULL);
  const before = await sharp(source).metadata();
  const after = await sharp(out).metadata();
  assert.equal(after.format, "jpeg");
  assert.deepEqual([after.width, after.height], [before.width, before.height]);
  assert.ok(after.xmp?.toString("utf8").includes(SORANI), "sharp's xmp");
  assert.ok(after.iptc?.includes(Buffer.from(SORANI, "utf8")), "sharp's iptc");
  assert.deepEqual(await sharp(out).raw().toBuffer(), await sharp(source).raw().toBuffer());
});

test("the segments go after EXIF; embedding again replaces them, with the same bytes as embedding once", () => {
  assert.deepEqual(segmentKinds(source).filter((k) => k === "exif" || k === "xmp" || k === "iptc"), ["exif", "xmp"]);
  const once = embedPictureMetadata(source, FULL);
  assert.deepEqual(segmentKinds(once).slice(0, 3), ["exif", "xmp", "iptc"]);
  assert.equal(segmentKinds(once).filter((k) => k === "xmp" || k === "iptc").length, 2);
  assert.deepEqual(embedPictureMetadata(once, FULL), once);
  assert.equal(one(read(once).exif?.["Copyright"]).description, "EXIF copyright");
});

test("only what is given is written: new IIM alone drops the old XMP, new XMP alone the old IIM", () => {
  const both = embedPictureMetadata(source, FULL);
  const iimOnly = embedPictureMetadata(both, { iim: { caption: "New caption", charset: "utf-8" } });
  assert.deepEqual(segmentKinds(iimOnly).filter((k) => k === "xmp" || k === "iptc"), ["iptc"]);
  assert.equal(one(read(iimOnly).iptc?.["Caption/Abstract"]).description, "New caption");
  const xmpOnly = embedPictureMetadata(both, { xmp: { credit: "New credit" } });
  assert.deepEqual(segmentKinds(xmpOnly).filter((k) => k === "xmp" || k === "iptc"), ["xmp"]);
  assert.equal(one(read(xmpOnly).xmp?.["Credit"]).value, "New credit");
});

test("too much for one segment or one dataset is refused with an error that says so", () => {
  assert.throws(() => embedPictureMetadata(source, { xmp: { description: { "x-default": "x".repeat(70_000) } } }), /the XMP packet takes \d+ bytes with its header; a JPEG segment holds at most 65533 \(64 KB\)/);
  assert.throws(() => embedPictureMetadata(source, { iim: { byline: ["a".repeat(30_000), "b".repeat(30_000), "c".repeat(30_000)], charset: "utf-8" } }), /the IPTC IIM block takes \d+ bytes .* at most 65533/);
  assert.throws(() => embedPictureMetadata(source, { iim: { caption: "x".repeat(40_000), charset: "utf-8" } }), /IIM caption is 40000 bytes; a dataset holds at most 32767/);
});

test("what XML cannot hold and what is not a JPEG are refused", async () => {
  assert.throws(() => embedPictureMetadata(source, { xmp: { credit: "bell\u0007" } }), /XML cannot hold U\+0007/);
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
  assert.throws(() => embedPictureMetadata(png, FULL), /not a JPEG/);
  assert.throws(() => embedPictureMetadata(source.subarray(0, 40), FULL), /cut short or damaged|runs past the end/);
});

test("the sample site's pictures carry exactly the words make-sample-images.ts gives them", () => {
  for (const image of SAMPLE_IMAGES) {
    const bytes = readFileSync(path.join(REPO, "content", image.file));
    assert.ok(embedPictureMetadata(bytes, image.metadata ?? {}).equals(bytes), `content/${image.file}: run node --import tsx tests/support/make-sample-images.ts --metadata-only`);
  }
});
