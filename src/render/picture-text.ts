/**
 * What a picture's caption, credit, alt text, creator and copyright are, and where each came from:
 * what the editor wrote (the story's frontmatter for the picture at the top, the Markdown image for
 * one in the body) wins, then the picture's XMP, then its IPTC IIM. Pictures from agencies and staff
 * photographers arrive with this text embedded (src/images/picture-metadata.ts), so an editor need
 * not retype it, and `npm run check -- --explain-images` shows which text came from the file.
 *
 * Alt text is never made from a caption: a caption tells the news around a picture, alt text what
 * it shows to a reader who cannot see it. IIM has no alt text, so it comes from the editor or XMP.
 */
import type { EmbeddedText, LangAlt } from "../images/picture-metadata.ts";
import { splitCaption } from "./credits.ts";
import { typeset } from "./typeset.ts";

/** Where a value came from, in the order they win. */
export type TextOrigin = "frontmatter" | "markdown" | "xmp" | "iim";

/** What the editor wrote about a picture; `caption` may end in a credit, "(Photo: AFP)". */
export interface EditorText {
  origin: "frontmatter" | "markdown";
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/**
 * What IPTC's digital source type says a reader should be told: a picture made or changed by a
 * model, made by software, or put together from several pictures. A photograph says nothing.
 */
export type PictureOrigin = "ai" | "aiEdited" | "computer" | "composite";

/** https://cv.iptc.org/newscodes/digitalsourcetype/: the terms that earn a label on the page. */
const ORIGIN_OF_SOURCE_TYPE: Readonly<Record<string, PictureOrigin>> = {
  trainedAlgorithmicMedia: "ai",
  compositeWithTrainedAlgorithmicMedia: "aiEdited",
  algorithmicMedia: "computer",
  composite: "composite",
  compositeSynthetic: "composite",
  compositeCapture: "composite",
};

export interface Sourced<T> {
  readonly value: T;
  readonly origin: TextOrigin;
}

export interface PictureText {
  readonly alt?: Sourced<string>;
  /** The caption without its credit. */
  readonly caption?: Sourced<string>;
  readonly credit?: Sourced<string>;
  readonly creator?: Sourced<readonly string[]>;
  readonly copyright?: Sourced<string>;
  /** The digital source type's URI, when the picture gives one. */
  readonly sourceType?: string;
  /** The label the source type earns, when it earns one. */
  readonly pictureOrigin?: PictureOrigin;
}

/** The fields `PictureText` resolves, as `check --explain-images` lists them. */
export const PICTURE_FIELDS = ["alt", "caption", "credit", "creator", "copyright"] as const;

/** The picture's text for a story in `lang`: the editor's, else its XMP (in `lang`, else the default), else its IIM. */
export function pictureText(editor: EditorText, embedded: EmbeddedText | undefined, lang: string): PictureText {
  const xmp = embedded?.xmp;
  const iim = embedded?.iim;
  const typesetted = (text: string | undefined) => (present(text) ? typeset(text!, lang) : undefined);
  const mine = splitCaption(typesetted(editor.caption), present(editor.credit) ? editor.credit : undefined);
  const xmpCaption = splitCaption(typesetted(inLanguage(xmp?.description, lang)));
  const iimCaption = splitCaption(typesetted(iim?.caption));
  const sourceType = xmp?.digitalSourceType;
  const pictureOrigin = sourceType ? ORIGIN_OF_SOURCE_TYPE[sourceType.replace(/\/+$/, "").split("/").pop()!] : undefined;
  return pruned({
    alt: first([editor.origin, present(editor.alt) ? editor.alt!.trim() : undefined], ["xmp", inLanguage(xmp?.altText, lang)]),
    caption: first([editor.origin, mine.text || undefined], ["xmp", xmpCaption.text || undefined], ["iim", iimCaption.text || undefined]),
    // A credit at the end of a caption counts as the caption's origin's credit.
    credit: first([editor.origin, mine.credit], ["xmp", xmp?.credit ?? xmpCaption.credit], ["iim", iim?.credit ?? iimCaption.credit]),
    creator: first<readonly string[]>(["xmp", xmp?.creator], ["iim", iim?.byline]),
    copyright: first(["xmp", inLanguage(xmp?.rights, lang)], ["iim", iim?.copyright]),
    sourceType,
    pictureOrigin,
  });
}

/**
 * The entry of a lang-alt value for a story in `lang`: the language's own ("ckb" for "ckb", or for
 * "ckb-IQ"), else the default. Never another language's: an English caption under an Arabic story
 * is a mistake for the editor to see, not a fallback.
 */
export function inLanguage(values: LangAlt | undefined, lang: string): string | undefined {
  if (!values) return undefined;
  const wanted = lang.toLowerCase();
  const base = wanted.split("-")[0]!;
  return values[wanted] ?? values[base] ?? Object.entries(values).find(([key]) => key.split("-")[0] === base)?.[1] ?? values["x-default"];
}

function first<T>(...candidates: [TextOrigin, T | undefined][]): Sourced<T> | undefined {
  const found = candidates.find(([, value]) => value !== undefined);
  return found && { value: found[1]!, origin: found[0] };
}

function present(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== "";
}

function pruned<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}
