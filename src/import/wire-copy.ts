/**
 * Wire copy as an agency's web page gives it in plain text, taken apart: the headline (the first
 * line), the standfirst (the next paragraph), the pictures' captions, the dateline opening the first
 * paragraph, subheads, and the paragraphs, in order. Pure: text in, parts out.
 *
 *   Syria's leader flies to Moscow for talks with Putin              ← headline
 *
 *   Syria's president meets Vladimir Putin as Russia pulls out …      ← standfirst
 *
 *   Putin greets al-Sharaa at the Kremlin. (Graphics: Kurdistan24)    ← a caption, shown twice by
 *   Putin greets al-Sharaa at the Kremlin. (Graphics: Kurdistan24)      the page dump (kept once)
 *
 *   ERBIL (Kurdistan24) - Syria's president landed in Moscow …        ← dateline, then the story
 *
 *   A shrinking presence in the northeast                             ← a subhead
 *
 * A caption is a line repeated (a page dump gives a picture's text twice) or a short line ending in a
 * credit with its label, `(Photo: AFP)`, `(Graphics: Kurdistan24)`, `(وێنە: …)` (src/render/credits.ts
 * knows the labels): a paragraph that merely ends "(AFP)" is text.
 */
import { splitCaption } from "../render/credits.ts";
import { splitDateline, type WireDateline } from "./wire-dateline.ts";

export type WirePart =
  /** Its lines as typed (a hard-wrapped paragraph keeps its line breaks). */
  | { kind: "paragraph"; text: string }
  | { kind: "subhead"; text: string }
  | { kind: "caption"; text: string };

export interface WireCopy {
  headline: string;
  /** Undefined when the story opens right under the headline (or is a single paragraph). */
  standfirst: string | undefined;
  dateline: WireDateline | undefined;
  /** The story in order, the dateline taken off its first paragraph; captions where they stood. */
  parts: WirePart[];
}

export type WireResult = { copy: WireCopy; refused?: undefined } | { copy?: undefined; refused: string };

export const LIMITS = {
  /** Longer than this, a first line is a paragraph, not a headline. */
  headline: 200,
  /** A caption with a credit is a line at most this long (one sentence or two). */
  caption: 300,
  /** A block with a line longer than this is one paragraph a line: hard-wrapped copy has shorter lines. */
  wrappedLine: 100,
  /** A subhead: a short line of at most this many words, without a sentence's final stop. */
  subheadWords: 12,
  subheadLength: 100,
} as const;

export function parseWireCopy(text: string): WireResult {
  const lines = text.split("\n").map((line) => line.trim());
  const first = lines.findIndex((line) => line !== "");
  if (first === -1) return { refused: "empty: no text at all" };
  const headline = lines[first]!;
  const why = notAHeadline(headline);
  if (why) return { refused: `no headline: ${why}` };

  const parts = partsOf(lines.slice(first + 1)).filter((part, i) => !(i === 0 && part.text === headline));
  const paragraphs = parts.filter((p) => p.kind === "paragraph");
  if (!paragraphs.length) return { refused: "no story under the headline: only captions, or nothing" };
  // The standfirst is the first paragraph, unless the story opens there (its dateline says so, or it is all there is).
  const opening = paragraphs[0]!;
  const standfirst = paragraphs.length > 1 && !splitDateline(opening.text) ? opening : undefined;
  const story = parts.filter((part) => part !== standfirst);

  const lead = story.findIndex((part) => part.kind === "paragraph");
  const found = splitDateline(story[lead]!.text);
  if (found) {
    if (found.rest.trim()) story[lead] = { kind: "paragraph", text: found.rest };
    else story.splice(lead, 1);
  }
  if (!story.some((part) => part.kind === "paragraph")) return { refused: "no story under the headline: only a dateline" };
  return {
    copy: {
      headline,
      standfirst: standfirst && standfirst.text.replace(/\s*\n\s*/g, " "),
      dateline: found?.dateline,
      parts: story.map((part, i) => (isSubhead(story, i) ? { kind: "subhead", text: part.text } : part)),
    },
  };
}

/** Why a first line cannot be a headline, or undefined. */
function notAHeadline(line: string): string | undefined {
  if (!/\p{L}/u.test(line)) return `the first line, "${line}", has no words`;
  if (line.length > LIMITS.headline) return `the first line is ${line.length} characters long, a paragraph (the headline comes first, on a line of its own)`;
  if (splitDateline(line)) return "the copy starts with its dateline (the headline comes first, on a line of its own)";
  if (isCaptionLine(line)) return "the first line is a picture's caption (the headline comes first, on a line of its own)";
  return undefined;
}

/** A short line ending in a labelled credit: "… al-Sharaa. (Graphics: Kurdistan24)". */
export function isCaptionLine(line: string): boolean {
  return line.length <= LIMITS.caption && splitCaption(line).credit !== undefined;
}

/**
 * Lines (blank lines between paragraphs) as parts. In a block whose lines are all short, the lines
 * are one hard-wrapped paragraph; a block with a long line has a paragraph per line (copy pasted with
 * single line breaks). Captions are taken out wherever they stand; a line repeating the line before
 * it makes that line a caption, kept once.
 */
function partsOf(lines: readonly string[]): WirePart[] {
  const parts: WirePart[] = [];
  let block: string[] = [];
  const flush = () => {
    const wrapped = block.every((line) => line.length <= LIMITS.wrappedLine);
    let paragraph: string[] = [];
    const end = () => {
      if (paragraph.length) parts.push({ kind: "paragraph", text: paragraph.join("\n") });
      paragraph = [];
    };
    for (const line of block) {
      const previous = paragraph.length ? (paragraph.length === 1 ? paragraph[0] : undefined) : parts.at(-1)?.text;
      if (line === previous) {
        // A picture's text given twice: one caption (the line already taken may be a caption or a paragraph).
        if (paragraph.length) paragraph = [];
        else parts.pop();
        parts.push({ kind: "caption", text: line });
      } else if (isCaptionLine(line)) {
        end();
        parts.push({ kind: "caption", text: line });
      } else {
        paragraph.push(line);
        if (!wrapped) end();
      }
    }
    end();
    block = [];
  };
  for (const line of lines) {
    if (line) block.push(line);
    else flush();
  }
  flush();
  return parts;
}

/**
 * A one-line paragraph with paragraphs before and after it, short and without a final stop, as the subheads of a web
 * story come out in plain text ("A shrinking presence in the northeast"). Never the story's opening.
 */
function isSubhead(parts: readonly WirePart[], i: number): boolean {
  const part = parts[i]!;
  const text = part.text;
  return (
    part.kind === "paragraph" &&
    parts.slice(0, i).some((p) => p.kind === "paragraph") &&
    parts.slice(i + 1).some((p) => p.kind === "paragraph") &&
    !text.includes("\n") &&
    text.length <= LIMITS.subheadLength &&
    text.split(/\s+/).length <= LIMITS.subheadWords &&
    !/[.!?…:;,؟،؛۔"'”’»)\]]$/u.test(text) &&
    // Speech that lost its stop ("“We will stay,” he said") is not a subhead.
    !/^["'“‘«„]/u.test(text)
  );
}
