/** A plain-text file's bytes as text (src/import/decode-text.ts): UTF-8 with or without a BOM, any line ends; binary and other encodings refused. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeText } from "../../src/import/decode-text.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

test("UTF-8 with or without a byte-order mark; CRLF and CR line ends become line feeds", () => {
  assert.deepEqual(decodeText(bytes("\ufeffHeadline\r\n\r\nText — “quoted”.\r\n")), { text: "Headline\n\nText — “quoted”.\n" });
  assert.deepEqual(decodeText(bytes("Headline\r\rسەرۆکی هەرێم\r")), { text: "Headline\n\nسەرۆکی هەرێم\n" });
});

test("Word's line break (a vertical tab) is a line end; other control characters are dropped", () => {
  assert.deepEqual(decodeText(bytes("One\u000bTwo\u0007 three")), { text: "One\nTwo three" });
});

test("a binary file and text in another encoding are refused, in words an editor can act on", () => {
  assert.match(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))!.refused!, /^a binary file, not plain text/);
  // "café" in Latin-1, and Arabic in Windows-1256: not UTF-8.
  assert.match(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))!.refused!, /^not UTF-8 text/);
  assert.match(decodeText(new Uint8Array([0xc3, 0xc8, 0xe1, 0x20, 0x41]))!.refused!, /^not UTF-8 text/);
});
