/**
 * Writes the photo desk's words into a JPEG (issue 19): an XMP packet (APP1) and an IPTC IIM block
 * (APP13, Photoshop's 8BIM resource 0x0404), for the sample site's pictures (make-sample-images.ts)
 * and for tests that need pictures carrying real embedded metadata.
 *
 * Hand-written on purpose: the libraries that write IPTC IIM into a JPEG are unmaintained for Node,
 * and sharp writes XMP and EXIF but not IIM. The job is small: the compressed image data is copied
 * byte for byte (never re-encoded, so the decoded pixels are the same), the picture's old XMP and
 * APP13 segments are dropped, and the new ones go right after SOI and any leading APP0 (JFIF) and
 * APP1 (EXIF) segments, where readers expect them.
 *
 * Specs: XMP part 1 (packet wrapper, lang-alt, rdf:Seq) and part 3 (the JPEG APP1 header);
 * IPTC IIM 4.2 (datasets; 1:90 "ESC % G" declares UTF-8), https://iptc.org/std/IIM/4.2/specification/IIMV4.2.pdf;
 * IPTC Photo Metadata (Iptc4xmpCore:AltTextAccessibility, Iptc4xmpExt:DigitalSourceType and where
 * IIM sits in a JPEG), https://iptc.org/std/photometadata/specification/.
 */

export interface PictureMetadata {
  xmp?: {
    /** dc:description, lang-alt: text by xml:lang ("x-default", "en", "ar", "ckb"). */
    description?: Record<string, string>;
    /** Iptc4xmpCore:AltTextAccessibility, lang-alt. */
    altText?: Record<string, string>;
    /** photoshop:Credit. */
    credit?: string;
    /** dc:creator, an rdf:Seq. */
    creator?: string[];
    /** dc:rights, lang-alt. */
    rights?: Record<string, string>;
    /** Iptc4xmpExt:DigitalSourceType: a full URI of IPTC's vocabulary, e.g. http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation */
    digitalSourceType?: string;
  };
  iim?: {
    /** 2:120 Caption/Abstract. */
    caption?: string;
    /** 2:110 Credit. */
    credit?: string;
    /** 2:80 By-line, one dataset each. */
    byline?: string[];
    /** 2:116 Copyright Notice. */
    copyright?: string;
    /** "utf-8": dataset 1:90 = ESC % G and UTF-8 bytes; "latin-1": no 1:90, ISO-8859-1 bytes (throws if a character does not fit). */
    charset: "utf-8" | "latin-1";
  };
}

const XMP_HEADER = Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1");
const XMP_EXTENSION_HEADER = Buffer.from("http://ns.adobe.com/xmp/extension/\0", "latin1");
const EXIF_HEADER = Buffer.from("Exif\0\0", "latin1");
const PHOTOSHOP_HEADER = Buffer.from("Photoshop 3.0\0", "latin1");
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP13 = 0xed;
const SOS = 0xda;
/** A segment's length field counts itself: 0xffff - 2 bytes are left for the header and the data. */
const MAX_SEGMENT_DATA = 0xffff - 2;
/** An IIM dataset's length field is 15 bits (the top bit marks the extended form, not written here). */
const MAX_DATASET = 0x7fff;

/** `jpeg` with exactly `metadata`'s XMP and IIM: whatever XMP and APP13 it had are dropped, the image data is copied as is. */
export function embedPictureMetadata(jpeg: Uint8Array, metadata: PictureMetadata): Buffer {
  const bytes = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  const { segments, rest } = splitSegments(bytes);
  const kept = segments.filter((s) => !isOldMetadata(s));
  const at = kept.findIndex((s) => !(s.marker === APP0 || (s.marker === APP1 && startsWith(s.data, EXIF_HEADER))));
  const added: Buffer[] = [];
  if (metadata.xmp) added.push(segment(APP1, Buffer.concat([XMP_HEADER, Buffer.from(xmpPacket(metadata.xmp), "utf8")]), "the XMP packet"));
  if (metadata.iim) added.push(segment(APP13, Buffer.concat([PHOTOSHOP_HEADER, photoshopResource(0x0404, iimBlock(metadata.iim))]), "the IPTC IIM block"));
  const whole = (s: Segment) => bytes.subarray(s.start, s.end);
  const split = at === -1 ? kept.length : at;
  return Buffer.concat([bytes.subarray(0, 2), ...kept.slice(0, split).map(whole), ...added, ...kept.slice(split).map(whole), rest]);
}

interface Segment {
  marker: number;
  /** The segment's data, after the marker and the length. */
  data: Buffer;
  start: number;
  end: number;
}

/** The marker segments between SOI and SOS, and everything from SOS on (scans, tables between them, EOI). */
function splitSegments(bytes: Buffer): { segments: Segment[]; rest: Buffer } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("embedPictureMetadata: not a JPEG (no SOI marker)");
  const segments: Segment[] = [];
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length || bytes[at] !== 0xff) throw new Error(`embedPictureMetadata: no marker at byte ${at}; the JPEG is cut short or damaged`);
    const marker = bytes[at + 1]!;
    // A marker may be preceded by any number of 0xff fill bytes (ITU T.81 B.1.1.2).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === SOS) return { segments, rest: bytes.subarray(at) };
    const end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length) throw new Error(`embedPictureMetadata: the segment at byte ${at} runs past the end of the file`);
    segments.push({ marker, data: bytes.subarray(at + 4, end), start: at, end });
    at = end;
  }
}

/** XMP (and its extension segments, which belong to the packet they extend) and APP13, which is replaced whole. */
function isOldMetadata(s: Segment): boolean {
  return (s.marker === APP1 && (startsWith(s.data, XMP_HEADER) || startsWith(s.data, XMP_EXTENSION_HEADER))) || (s.marker === APP13 && startsWith(s.data, PHOTOSHOP_HEADER));
}

function startsWith(data: Buffer, header: Buffer): boolean {
  return data.subarray(0, header.length).equals(header);
}

function segment(marker: number, data: Buffer, what: string): Buffer {
  if (data.length > MAX_SEGMENT_DATA) {
    throw new Error(`embedPictureMetadata: ${what} takes ${data.length} bytes with its header; a JPEG segment holds at most ${MAX_SEGMENT_DATA} (64 KB)`);
  }
  const head = Buffer.alloc(4);
  head.writeUInt8(0xff, 0);
  head.writeUInt8(marker, 1);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

// ---- XMP

const NAMESPACES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  dc: "http://purl.org/dc/elements/1.1/",
  photoshop: "http://ns.adobe.com/photoshop/1.0/",
  Iptc4xmpCore: "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
  Iptc4xmpExt: "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
};

/**
 * A read-only packet (`end="w"` says it may be rewritten in place, but no padding is left for that:
 * these pictures are rewritten whole). The begin attribute is U+FEFF, which tells readers scanning
 * for the packet that it is UTF-8.
 */
function xmpPacket(xmp: NonNullable<PictureMetadata["xmp"]>): string {
  const properties = [
    xmp.description && langAlt("dc:description", xmp.description),
    xmp.creator && `<dc:creator><rdf:Seq>${xmp.creator.map((name) => `<rdf:li>${escapeXml(name)}</rdf:li>`).join("")}</rdf:Seq></dc:creator>`,
    xmp.rights && langAlt("dc:rights", xmp.rights),
    xmp.credit !== undefined && `<photoshop:Credit>${escapeXml(xmp.credit)}</photoshop:Credit>`,
    xmp.altText && langAlt("Iptc4xmpCore:AltTextAccessibility", xmp.altText),
    xmp.digitalSourceType !== undefined && `<Iptc4xmpExt:DigitalSourceType>${escapeXml(xmp.digitalSourceType)}</Iptc4xmpExt:DigitalSourceType>`,
  ].filter((p): p is string => typeof p === "string");
  const xmlns = Object.entries(NAMESPACES)
    .filter(([prefix]) => prefix !== "rdf")
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join("");
  return [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    ` <rdf:RDF xmlns:rdf="${NAMESPACES.rdf}">`,
    `  <rdf:Description rdf:about=""${xmlns}>`,
    ...properties.map((p) => `   ${p}`),
    `  </rdf:Description>`,
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="w"?>`,
  ].join("\n");
}

/** XMP part 1, 8.2.2.2: the x-default item, when there is one, comes first. */
function langAlt(name: string, texts: Record<string, string>): string {
  const items = Object.entries(texts).sort(([a], [b]) => Number(b === "x-default") - Number(a === "x-default"));
  const li = items.map(([lang, text]) => `<rdf:li xml:lang="${escapeXml(lang)}">${escapeXml(text)}</rdf:li>`).join("");
  return `<${name}><rdf:Alt>${li}</rdf:Alt></${name}>`;
}

function escapeXml(text: string): string {
  // XML 1.0 has no way to write most control characters, not even as character references.
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(text);
  if (bad) throw new Error(`embedPictureMetadata: XML cannot hold U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} in ${JSON.stringify(text)}`);
  // Quotes are escaped too, so one function serves text and attribute values; CR would be read back as LF.
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;");
}

// ---- IPTC IIM

/** ESC % G: ISO 2022's designation of UTF-8, the value of dataset 1:90 (Coded Character Set). */
const UTF8_DESIGNATION = Buffer.from([0x1b, 0x25, 0x47]);

/** Record 1 (the envelope: only the character set), then record 2 in ascending dataset order, led by 2:00 Record Version. */
function iimBlock(iim: NonNullable<PictureMetadata["iim"]>): Buffer {
  const text = (name: string, value: string) => encode(name, value, iim.charset);
  return Buffer.concat([
    ...(iim.charset === "utf-8" ? [dataset(1, 90, UTF8_DESIGNATION)] : []),
    // Version 4 of the record, as IIM 4.2 writers put it; a two-byte binary number.
    dataset(2, 0, Buffer.from([0, 4])),
    ...(iim.byline ?? []).map((name) => dataset(2, 80, text("byline", name))),
    ...(iim.credit !== undefined ? [dataset(2, 110, text("credit", iim.credit))] : []),
    ...(iim.copyright !== undefined ? [dataset(2, 116, text("copyright", iim.copyright))] : []),
    ...(iim.caption !== undefined ? [dataset(2, 120, text("caption", iim.caption))] : []),
  ]);
}

function encode(name: string, value: string, charset: "utf-8" | "latin-1"): Buffer {
  if (charset === "latin-1") {
    // Buffer's "latin1" would silently keep only the low byte of anything above U+00FF.
    const outside = [...value].find((c) => c.codePointAt(0)! > 0xff);
    if (outside) {
      const code = outside.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      throw new Error(`embedPictureMetadata: IIM ${name} ${JSON.stringify(value)} has "${outside}" (U+${code}), which ISO-8859-1 cannot hold; use charset "utf-8"`);
    }
  }
  const bytes = Buffer.from(value, charset === "utf-8" ? "utf8" : "latin1");
  if (bytes.length > MAX_DATASET) throw new Error(`embedPictureMetadata: IIM ${name} is ${bytes.length} bytes; a dataset holds at most ${MAX_DATASET}`);
  return bytes;
}

/** Tag marker 0x1C, record, dataset number, 16-bit length, data. */
function dataset(record: number, number: number, data: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, number, 0, 0]);
  head.writeUInt16BE(data.length, 3);
  return Buffer.concat([head, data]);
}

/** A Photoshop image resource block: "8BIM", id, an empty Pascal name padded to even length, size, data padded to even length. */
function photoshopResource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write("8BIM", 0, "latin1");
  head.writeUInt16BE(id, 4);
  // Bytes 6 and 7: the name's length (0) and the pad byte that makes the name field even.
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}
