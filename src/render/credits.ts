/**
 * Captions and credits. Wire captions carry the credit as a trailing parenthesis,
 * "Putin shaking hands with al-Sharaa. (Graphics: Kurdistan24)": we split it off so it can be
 * set apart typographically, and never show it twice when the editor also gives `credit:`.
 */

export interface Caption {
  /** The caption sentence(s) without the credit, or "" when there is none. */
  text: string;
  /** "Photo: AFP", "Graphics: Kurdistan24", or a bare name from `credit:`. */
  credit: string | undefined;
}

/**
 * Credit labels in the languages the newsroom publishes in: English, Arabic, Sorani and Kurmanji
 * Kurdish, Persian and Turkish ("Photo", "تصوير", "وێنە", "Wêne", "عکس", "Fotoğraf", ...).
 */
const LABELS = [
  "Photo", "Photograph", "Photos", "Graphic", "Graphics", "Credit", "Image", "Illustration", "Video", "Map",
  "تصوير", "صورة", "الصورة", "غرافيك", "رسم", "فيديو", "خريطة", "المصدر",
  "وێنە", "گرافیک", "ڤیدیۆ", "نەخشە",
  "Wêne", "Grafîk", "Vîdyo",
  "عکس", "گرافیک", "ویدیو", "نقشه",
  "Fotoğraf", "Grafik", "Görsel", "Harita",
];
// A trailing "(Label: Source)", with an ASCII or fullwidth colon; labels matched whole, ignoring case.
const TRAILING_CREDIT = new RegExp(`\\s*\\(\\s*(${LABELS.join("|")})\\s*[:：]\\s*([^()]+?)\\s*\\)\\s*$`, "iu");

export function splitCaption(caption: string | undefined, explicitCredit?: string): Caption {
  const source = (caption ?? "").trim();
  const match = TRAILING_CREDIT.exec(source);
  const text = match ? source.slice(0, match.index).trim() : source;
  const fromCaption = match ? `${capitalise(match[1]!)}: ${match[2]!}` : undefined;
  // An explicit credit wins; when it names the same source as the caption's, keep the caption's label.
  let credit = fromCaption;
  if (explicitCredit) {
    credit = match && match[2]!.trim().toLowerCase() === explicitCredit.trim().toLowerCase() ? fromCaption : explicitCredit.trim();
  }
  return { text, credit };
}

/** "photo" → "Photo"; scripts without case are left as written. */
function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1).toLocaleLowerCase();
}
