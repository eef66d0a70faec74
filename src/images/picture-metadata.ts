/**
 * The words a photographer or an agency embedded in a picture: caption, credit line, creator,
 * copyright notice, accessibility alt text and the IPTC digital source type, from its XMP packet
 * and its IPTC IIM block, read once with the picture's plan (src/images/image-plan.ts) and kept
 * with it. Which of them a page shows is decided later, against what the editor wrote
 * (src/render/picture-text.ts).
 *
 * exifreader does the parsing: it decodes XMP as the UTF-8 XML it is, and IIM by its dataset 1:90
 * (UTF-8 only when 1:90 says so). Without 1:90 it takes the bytes as UTF-8 when they are valid
 * UTF-8 and as Windows-1252 otherwise, as WordPress's `wp_read_image_metadata` does: older desk
 * software writes Latin-1 without saying so, and a Latin-1 caption is practically never valid
 * multi-byte UTF-8. exifr, the other maintained reader, takes IIM as Latin-1 whatever 1:90 says,
 * which garbles every Arabic and Kurdish caption.
 */
import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import ExifReader from "exifreader";

/** A lang-alt value (`dc:description`, `dc:rights`, the alt text): text by `xml:lang`, "x-default" among them. */
export type LangAlt = Readonly<Record<string, string>>;

export interface XmpText {
  /** `dc:description`: the caption. */
  readonly description?: LangAlt;
  /** `Iptc4xmpCore:AltTextAccessibility` (IPTC 2021): XMP only, IIM has no such dataset. */
  readonly altText?: LangAlt;
  /** `photoshop:Credit`: the credit line, "AFP", "Kurdistan24". */
  readonly credit?: string;
  /** `dc:creator`: the photographer(s). */
  readonly creator?: readonly string[];
  /** `dc:rights`: the copyright notice. */
  readonly rights?: LangAlt;
  /** `Iptc4xmpExt:DigitalSourceType`, a URI of IPTC's digital source type vocabulary. */
  readonly digitalSourceType?: string;
}

export interface IimText {
  /** 2:120 Caption/Abstract. */
  readonly caption?: string;
  /** 2:110 Credit. */
  readonly credit?: string;
  /** 2:80 By-line, repeatable. */
  readonly byline?: readonly string[];
  /** 2:116 Copyright Notice. */
  readonly copyright?: string;
}

/** What a picture says about itself; a part is left out when the picture has none of it. */
export interface EmbeddedText {
  readonly xmp?: XmpText;
  readonly iim?: IimText;
}

type Tag = { value?: unknown; description?: string; attributes?: Record<string, string> };
type Tags = Record<string, Tag | Tag[] | undefined>;

/**
 * The embedded text of the picture in `bytes`, or undefined when it has none (or none that can be
 * read: damaged metadata never stops a build, the picture is then treated as saying nothing).
 */
export function readEmbeddedText(bytes: Buffer): EmbeddedText | undefined {
  let tags: { xmp?: Tags; iptc?: Tags };
  try {
    // The DOM parser is handed over: exifreader's own lookup of @xmldom/xmldom is a dynamic require
    // that bundlers drop, after which it silently reads no XMP at all. Malformed XML stops the parse
    // quietly (xmldom's default prints to the console) and the XMP counts as absent.
    tags = ExifReader.load(bytes, { expanded: true, domParser: new DOMParser({ onError: onErrorStopParsing }) }) as { xmp?: Tags; iptc?: Tags };
  } catch {
    return undefined;
  }
  const xmp = tags.xmp ? xmpText(tags.xmp) : undefined;
  const iim = tags.iptc ? iimText(tags.iptc) : undefined;
  if (!xmp && !iim) return undefined;
  return { ...(xmp && { xmp }), ...(iim && { iim }) };
}

function xmpText(tags: Tags): XmpText | undefined {
  const text: XmpText = pruned({
    description: langAlt(tags["description"]),
    altText: langAlt(tags["AltTextAccessibility"]),
    credit: plain(tags["Credit"]),
    creator: list(tags["creator"]),
    rights: langAlt(tags["rights"]),
    digitalSourceType: plain(tags["DigitalSourceType"]),
  });
  return Object.keys(text).length ? text : undefined;
}

function iimText(tags: Tags): IimText | undefined {
  const text: IimText = pruned({
    caption: plain(tags["Caption/Abstract"]),
    credit: plain(tags["Credit"]),
    byline: list(tags["By-line"]),
    copyright: plain(tags["Copyright Notice"]),
  });
  return Object.keys(text).length ? text : undefined;
}

/** An `rdf:Alt` by language; a plain value (some tools write one) stands as the default. */
function langAlt(tag: Tag | Tag[] | undefined): LangAlt | undefined {
  if (!tag || Array.isArray(tag)) return undefined;
  if (typeof tag.value === "string") {
    const value = clean(tag.value);
    return value ? { "x-default": value } : undefined;
  }
  if (!Array.isArray(tag.value)) return undefined;
  const entries: [string, string][] = [];
  for (const item of tag.value as Tag[]) {
    const value = clean(typeof item.value === "string" ? item.value : item.description);
    if (value) entries.push([(item.attributes?.["lang"] ?? "x-default").toLowerCase(), value]);
  }
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** An `rdf:Seq`/`rdf:Bag` (XMP) or a repeated dataset (IIM): its non-empty members. */
function list(tag: Tag | Tag[] | undefined): string[] | undefined {
  if (!tag) return undefined;
  // A repeated IIM dataset is a list of tags; a single one's value is its bytes; an XMP list's value is its members.
  const isList = (one: Tag) => Array.isArray(one.value) && one.value.every((v: unknown) => typeof v === "object");
  const items = Array.isArray(tag) ? tag : isList(tag) ? (tag.value as Tag[]) : [tag];
  const values = items.map((item) => clean(typeof item.value === "string" ? item.value : item.description)).filter((v): v is string => !!v);
  return values.length ? [...new Set(values)] : undefined;
}

function plain(tag: Tag | Tag[] | undefined): string | undefined {
  if (!tag) return undefined;
  const one = Array.isArray(tag) ? tag[0] : tag;
  return clean(one?.description);
}

/** Text as a page can show it: line breaks, tabs and runs of spaces in desk software's fields are one space. */
function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/[\s\u0000]+/g, " ").trim();
  return text || undefined;
}

function pruned<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}
