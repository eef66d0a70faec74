/**
 * A plain-text file's bytes as the text an editor sees: UTF-8 with or without a byte-order mark,
 * Windows (CRLF) and old Mac (CR) line ends as line feeds. Anything else is refused in one line an
 * editor can act on: a binary file (a Word document, a picture) and text in another encoding (Windows
 * Arabic, Latin-1), which would otherwise come out as mojibake in a story.
 */

export type DecodedText = { text: string; refused?: undefined } | { text?: undefined; refused: string };

export function decodeText(bytes: Uint8Array): DecodedText {
  // A NUL never occurs in text; every binary format has them early on.
  if (bytes.includes(0)) return { refused: "a binary file, not plain text (save the copy as plain text, UTF-8)" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { refused: "not UTF-8 text (save it as plain text in UTF-8: in Notepad, Save as… with Encoding UTF-8)" };
  }
  // Word pastes a line break as a vertical tab and a page break as a form feed: both are line ends
  // here. Other control characters are invisible and invalid in feeds (src/source/control-characters.ts).
  text = text
    .replace(/\r\n?|[\u000b\u000c\u2028]/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .replace(/[\u0001-\u0008\u000e-\u001f\u007f]/g, "");
  return { text };
}
