/**
 * Gives a TrueType font a family name of its own. The share cards' faces are instances of Noto
 * fonts that a machine may also have installed under the same names (fonts-noto on Debian): fontconfig
 * would then pick either copy, and a card would depend on the machine. Under a name only Dateline
 * uses, Pango can find no other font for it (src/images/card-fonts.ts).
 *
 * The `name` table is rebuilt with the family (IDs 1 and 16), full name (4) and PostScript name (6)
 * replaced, in Windows Unicode (platform 3) records, and the typographic subfamily (17) dropped so
 * that the style is read from the weight class alone; every other record (copyright, version,
 * licence) is kept. Table checksums are recomputed; `head.checkSumAdjustment` is not (FreeType and
 * fontconfig do not read it). https://learn.microsoft.com/typography/opentype/spec/name
 */

/** Name IDs this replaces or drops. */
const REPLACED = new Set([1, 4, 6, 16, 17]);
/** Windows, Unicode BMP, US English: the records fontconfig and FreeType read first. */
const WINDOWS = { platform: 3, encoding: 1, language: 0x409 } as const;

interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  nameId: number;
  bytes: Buffer;
}

/** `font` with its family called `family` (a name without style words such as "Bold", which Pango would read as a style). */
export function renameFamily(font: Buffer, family: string): Buffer {
  const tables = readTables(font);
  const name = tables.get("name");
  if (!name) throw new Error("not a TrueType font with a name table");
  const kept = readNames(name).filter((r) => !REPLACED.has(r.nameId));
  const utf16 = (text: string) => Buffer.from(text, "utf16le").swap16();
  const postScript = family.replace(/[^A-Za-z0-9-]/g, "");
  const added = ([[1, family], [4, family], [6, postScript], [16, family]] as const).map(([nameId, text]) => ({ ...WINDOWS, nameId, bytes: utf16(text) }));
  tables.set("name", writeNames([...kept, ...added]));
  return writeTables(font.readUInt32BE(0), tables);
}

function readTables(font: Buffer): Map<string, Buffer> {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    tables.set(font.toString("latin1", at, at + 4), font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  return tables;
}

function readNames(table: Buffer): NameRecord[] {
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 12;
    const start = storage + table.readUInt16BE(at + 10);
    return {
      platform: table.readUInt16BE(at),
      encoding: table.readUInt16BE(at + 2),
      language: table.readUInt16BE(at + 4),
      nameId: table.readUInt16BE(at + 6),
      bytes: table.subarray(start, start + table.readUInt16BE(at + 8)),
    };
  });
}

/** A format 0 name table; records sorted as the specification asks. */
function writeNames(records: NameRecord[]): Buffer {
  records.sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const header = Buffer.alloc(6 + records.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + i * 12;
    for (const [k, value] of [r.platform, r.encoding, r.language, r.nameId, r.bytes.length, offset].entries()) header.writeUInt16BE(value, at + k * 2);
    offset += r.bytes.length;
  });
  return Buffer.concat([header, ...records.map((r) => r.bytes)]);
}

/** The font file: the table directory, sorted by tag, then each table padded to four bytes. */
function writeTables(version: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const header = Buffer.alloc(12 + tags.length * 16);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
    const at = 12 + i * 16;
    header.write(tag, at, "latin1");
    header.writeUInt32BE(checksum(padded), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.length, at + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

function checksum(padded: Buffer): number {
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}
