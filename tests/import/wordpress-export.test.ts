/** The WordPress export reader (src/import/wordpress-export.ts): items and the channel from a stream, the file never held whole. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import { FaultError } from "../../src/shared/errors.ts";
import { emptyChannel, readExport, type ExportItem } from "../../src/import/wordpress-export.ts";
import { FIXTURES } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-wxr-");
const EXPORT = path.join(FIXTURES, "wordpress/export.xml");

/** A WXR file around `items`, written to the test's folder. */
function wxr(name: string, items: string, channel = ""): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>T</title>\n${channel}\n${items}\n</channel>\n</rss>\n`,
  );
  return file;
}

async function all(file: string, o: Parameters<typeof readExport>[3] = {}): Promise<{ items: ExportItem[]; channel: ReturnType<typeof emptyChannel> }> {
  const channel = emptyChannel();
  const items: ExportItem[] = [];
  for await (const item of readExport(file, path.basename(file), channel, o)) items.push(item);
  return { items, channel };
}

test("every item of the fixture in order, with its fields, terms, kept postmeta and comments; the channel's authors and categories", async () => {
  const { items, channel } = await all(EXPORT);
  assert.deepEqual(
    items.map((i) => `${i.type}:${i.id}:${i.status}`),
    ["post:11:publish", "post:12:publish", "post:13:publish", "post:14:draft", "page:2:publish", "revision:15:inherit", "nav_menu_item:16:publish", "post:17:trash", "attachment:101:inherit", "attachment:102:inherit", "attachment:103:inherit", "attachment:104:inherit"],
  );
  const ferry = items[0]!;
  assert.equal(ferry.title, "Ferry service resumes across the lake after the storm");
  assert.equal(ferry.link, "https://ledger.example.org/2026/01/ferry-service-resumes/");
  assert.equal(ferry.guid, "https://ledger.example.org/?p=11");
  assert.equal(ferry.creator, "dilan");
  assert.equal(ferry.dateGmt, "2026-01-26 07:30:00");
  assert.equal(ferry.modifiedGmt, "2026-01-26 11:05:00");
  assert.match(ferry.content, /^The first ferry in nine days[\s\S]*\[caption id="attachment_101"/);
  assert.deepEqual(ferry.terms.map((t) => `${t.domain}/${t.nicename}/${t.name}`), ["author/cap-dilan/dilan", "author/cap-karwan/karwan", "category/world/World", "post_tag/ferries/Ferries", "post_tag/weather/Weather"]);
  assert.deepEqual([...ferry.meta], [["_thumbnail_id", "102"]], "_edit_last is not kept");
  assert.equal(ferry.comments, 1);
  assert.ok(ferry.line > 30 && ferry.line < 40, `item 11 starts at line ${ferry.line}`);
  assert.deepEqual([...items[9]!.meta], [["_wp_attached_file", "2026/01/crossing.jpg"], ["_wp_attachment_image_alt", "Passengers in winter coats lean on the rail of a ferry's upper deck."]]);
  assert.equal(items[9]!.attachmentUrl, "https://ledger.example.org/wp-content/uploads/2026/01/crossing.jpg");
  assert.deepEqual(channel, {
    title: "Northern Ledger",
    siteUrl: "https://ledger.example.org",
    language: "en-GB",
    authors: new Map([["dilan", "Dilan Barzan"], ["karwan", "Karwan Mirkhan"]]),
    categories: new Map([["world", { name: "World", description: "" }], ["sport", { name: "Sport", description: "Matches, races and the people who run them." }]]),
  });
});

test("a pass that needs no bodies keeps none", async () => {
  const { items } = await all(EXPORT, { content: false });
  assert.ok(items.every((i) => i.content === ""));
  assert.equal(items[0]!.excerpt, "The first boat in nine days crossed on Monday, with forty passengers and a lorry of flour.");
});

test("read as a stream: the first item comes out long before the file is read, and memory does not follow the file's size", async () => {
  const body = "<p>" + "A paragraph of a long story. ".repeat(400) + "</p>";
  const item = (i: number) => `<item><title>Post ${i}</title><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_type>post</wp:post_type></item>`;
  const file = wxr("long.xml", Array.from({ length: 1500 }, (_, i) => item(i)).join("\n"));
  let readAtFirst = 0;
  let total = 0;
  let count = 0;
  let before = 0;
  let grew = 0;
  // Collected garbage before each measure, so that only what is still held counts.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const channel = emptyChannel();
  for await (const _ of readExport(file, "long.xml", channel, { onBytes: (done, size) => ((total = size), (readAtFirst ||= done)) })) {
    count++;
    if (count === 100 || count === 1400) gc();
    if (count === 100) before = process.memoryUsage().heapUsed;
    if (count === 1400) grew = process.memoryUsage().heapUsed - before;
  }
  assert.equal(count, 1500);
  assert.ok(total > 15_000_000, `a ${total}-byte export`);
  assert.ok(readAtFirst <= 128 * 1024, `the first item after ${readAtFirst} bytes`);
  // 1,300 items of 12 KB went by: ~16 MB if they were kept.
  assert.ok(grew < 2_000_000, `the heap grew ${grew} bytes over 1,300 items`);
});

test("malformed XML stops with one line naming the file and the line", async () => {
  const file = wxr("broken.xml", "<item><title>One</title><wp:post_type>post</wp:post_type></item>\n<item><title>Two</title>\n<wp:post_type>post</wp:post_typo>\n</item>");
  await assert.rejects(all(file), (error: unknown) => {
    assert.ok(error instanceof FaultError);
    assert.match(error.message, /^broken\.xml:8: not well-formed XML \(unexpected close tag\); export the site again/);
    return true;
  });
});

test("an export cut short names its last line", async () => {
  const file = path.join(dir, "cut.xml");
  writeFileSync(file, `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<item><wp:post_type>post</wp:post_type></item>\n<item><title>Half`);
  await assert.rejects(all(file), /^FaultError: cut\.xml:5: not well-formed XML/);
});

test("a feed that is not a WordPress export says so; a character XML forbids is removed, not fatal", async () => {
  await assert.rejects(all(wxr("feed.xml", "<item><title>News</title></item>")), /feed\.xml: is not a WordPress export \(no item has a wp:post_type\)/);
  const { items } = await all(wxr("tab.xml", "<item><title>Erbil\u000Bnews</title><wp:post_type>post</wp:post_type></item>"));
  assert.equal(items[0]!.title, "Erbilnews");
});
