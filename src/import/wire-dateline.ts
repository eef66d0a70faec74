/**
 * The dateline that opens wire copy's first paragraph: the place, the agency in brackets, a dash or a
 * colon, then the story.
 *
 *   ERBIL (Kurdistan24) - Syria's president landed …
 *   DUHOK, Kurdistan Region (AFP) — Snow closed …
 *   WASHINGTON (AP) – The Pentagon …
 *   ERBIL, Jan 28 (Reuters): The talks …
 *   أربيل (كوردستان 24) - وصل الرئيس …
 *
 * In Latin script the place is written in capitals (with the region after a comma as the agency writes
 * it); Arabic script has no capitals, so there it is the few words before the bracket at the very start
 * of the paragraph. The place is kept as the agency wrote it: the site's renderer puts it back in
 * front of the first paragraph, with the source and an en dash (src/render/rules/dateline.ts), so the
 * page reads as the wire did.
 */

export interface WireDateline {
  place: string;
  source: string;
}

const SPACE = "[ \\t\\u00a0]";
/** Hyphen, en dash, em dash, colon (a fullwidth colon too). */
const SEPARATOR = `${SPACE}*[-–—:：]${SPACE}*`;
const SOURCE = `\\((?<source>[^()\\n]{1,40})\\)`;
// A word in capitals (NEW YORK, ST. PETERSBURG, SANLIURFA with its accents), then at most two parts
// after commas in any case (", Kurdistan Region", ", Jan 28").
const CAPITALS = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*";
const LATIN = new RegExp(`^(?<place>${CAPITALS}(?:${SPACE}+${CAPITALS}){0,4}(?:,${SPACE}*[^,()\\n]{1,40}?){0,2})${SPACE}*${SOURCE}${SEPARATOR}`, "u");
// Up to five words of Arabic script (with their vowel marks and joiners), separated by spaces or commas.
const ARABIC_WORD = "[\\p{Script=Arabic}\\p{M}\\u200c\\u200d]+";
const ARABIC = new RegExp(`^(?<place>${ARABIC_WORD}(?:[ \\u00a0،,]+${ARABIC_WORD}){0,4})${SPACE}*${SOURCE}${SEPARATOR}`, "u");
/** Direction marks a right-to-left paragraph may start with. */
const MARKS = /^[\u200e\u200f\u061c]+/;

/** The dateline opening `paragraph`, and the paragraph after it; undefined when it opens with none. */
export function splitDateline(paragraph: string): { dateline: WireDateline; rest: string } | undefined {
  const text = paragraph.replace(MARKS, "");
  const match = LATIN.exec(text) ?? ARABIC.exec(text);
  if (!match) return undefined;
  const place = match.groups!.place!.trim();
  const source = match.groups!.source!.trim();
  // A Latin place needs two capitals in a row: "A (B) - c" is not a dateline.
  if (!place || !source || (/^\p{Script=Latin}/u.test(place) && !/\p{Lu}{2}/u.test(place))) return undefined;
  return { dateline: { place, source }, rest: text.slice(match[0].length) };
}
