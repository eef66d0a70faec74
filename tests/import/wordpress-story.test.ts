/** One WordPress post as one story (src/import/wordpress-story.ts) and its pictures (src/import/wordpress-pictures.ts). */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { isoWithOffset } from "../../src/shared/dates.ts";
import { sectionLines } from "../../src/import/wordpress-report.ts";
import type { ExportChannel, ExportItem } from "../../src/import/wordpress-export.ts";
import type { Attachment } from "../../src/import/wordpress-pictures.ts";
import { firstSentences, postToStory, skippedKind, type PostContext } from "../../src/import/wordpress-story.ts";
import type { Section } from "../../src/site/sections.ts";
import { embedPictureMetadata } from "../support/embed-picture-metadata.ts";
import { tempDirFor } from "../support/temp-dir.ts";
import { testEditions } from "../support/test-site.ts";

const editions = testEditions();
const [ckb, ar] = [editions.find((e) => e.code === "ckb")!, editions.find((e) => e.code === "ar")!];
const section = (name: string, slug: string, lang: string, home = "/"): Section => ({ name, slug, url: `${home}${slug}/`, description: name, lang });
const sections = new Map([
  ["en", [section("World", "world", "en"), section("Culture", "culture", "en")]],
  ["ckb", [section("جیهان", "world", "ckb", "/ckb/")]],
  ["ar", [section("العالم", "world", "ar", "/ar/")]],
]);
const channel: ExportChannel = {
  title: "Northern Ledger",
  siteUrl: "https://ledger.example.org",
  language: "en-GB",
  authors: new Map([["dilan", "Dilan Barzan"], ["karwan", "Karwan Mirkhan"]]),
  categories: new Map([["sport", { name: "Sport", description: "Matches &amp; races." }]]),
};

const uploads = tempDirFor("dateline-wp-uploads-");
mkdirSync(path.join(uploads, "2026/01"), { recursive: true });
const attachments = new Map<string, Attachment>([
  ["101", { url: "https://ledger.example.org/wp-content/uploads/2026/01/pier.jpg", file: "2026/01/pier.jpg", alt: "A ferry at a pier.", caption: "The pier. (Photo: Lake Desk)" }],
  ["102", { url: "https://ledger.example.org/wp-content/uploads/2026/01/gone.jpg", file: "2026/01/gone.jpg", alt: "", caption: "" }],
  ["103", { url: "https://ledger.example.org/wp-content/uploads/2026/01/own-alt.jpg", file: "2026/01/own-alt.jpg", alt: "", caption: "" }],
]);
const ctx: PostContext = { editions, sections, channel, attachments, children: new Map(), guestAuthors: new Map([["jane-doe", "Jane Doe"]]), uploads };
const claimAll = () => true;

const item = (o: Partial<ExportItem> = {}): ExportItem => ({
  line: 10, title: "Ferry service resumes", link: "https://ledger.example.org/2026/01/ferry/", guid: "https://ledger.example.org/?p=11", creator: "dilan",
  content: "The first ferry in nine days left at dawn.", excerpt: "", id: "11", date: "2026-01-26 10:30:00", dateGmt: "2026-01-26 07:30:00",
  modified: "2026-01-26 10:30:00", modifiedGmt: "2026-01-26 07:30:00", name: "ferry-service-resumes", status: "publish", type: "post", parent: "0",
  attachmentUrl: "", terms: [{ domain: "category", nicename: "world", name: "World" }], meta: new Map(), comments: 0, ...o,
});

test("posts only: pages, attachments, revisions, menu items, other types and trashed or automatic posts are skipped by kind", () => {
  assert.equal(skippedKind(item()), undefined);
  assert.equal(skippedKind(item({ status: "draft" })), undefined);
  assert.equal(skippedKind(item({ status: "future" })), undefined);
  assert.deepEqual(
    ["page", "attachment", "revision", "nav_menu_item", "wp_block"].map((type) => skippedKind(item({ type }))),
    ["page", "attachment", "revision", "nav_menu_item", "wp_block"],
  );
  assert.equal(skippedKind(item({ status: "trash" })), "post (trash)");
  assert.equal(skippedKind(item({ status: "auto-draft" })), "post (auto-draft)");
  const zero = "0000-00-00 00:00:00";
  assert.equal(skippedKind(item({ dateGmt: zero, date: zero, modifiedGmt: zero, modified: "" })), "post (no date)");
});

test("dates: the UTC date in the edition's zone; a draft's zero UTC date falls back to its local date; updated only when later", () => {
  const published = postToStory(item({ modifiedGmt: "2026-01-26 11:05:00" }), ctx, claimAll).story.fields;
  assert.equal(isoWithOffset(published.date), "2026-01-26T10:30:00+03:00");
  assert.equal(isoWithOffset(published.updated!), "2026-01-26T14:05:00+03:00");
  assert.equal(published.draft, false);
  const draft = postToStory(item({ status: "draft", dateGmt: "0000-00-00 00:00:00", date: "2026-01-28 15:45:00", modifiedGmt: "2026-01-28 12:45:00" }), ctx, claimAll).story.fields;
  assert.equal(isoWithOffset(draft.date), "2026-01-28T15:45:00+03:00");
  assert.equal(draft.updated, undefined, "saved when it was dated");
  assert.equal(draft.draft, true);
  assert.equal(postToStory(item({ status: "private" }), ctx, claimAll).story.fields.draft, true);
});

test("slug: WordPress's percent-encoded Arabic slug decoded; none (a draft) from the title; taken ones get -2", () => {
  const arabic = postToStory(item({ name: "%d8%ac%d8%b3%d8%b1-%d8%ac%d8%af%d9%8a%d8%af", title: "جسر جديد", terms: [{ domain: "category", nicename: "world", name: "World" }, { domain: "language", nicename: "ar", name: "العربية" }] }), ctx, claimAll);
  assert.equal(arabic.story.slug, "جسر-جديد");
  assert.equal(arabic.story.edition, ar, "Polylang's language is the edition");
  assert.equal(arabic.story.section.name, "العالم");
  assert.equal(arabic.url, "/ar/world/%D8%AC%D8%B3%D8%B1-%D8%AC%D8%AF%D9%8A%D8%AF/");
  assert.equal(postToStory(item({ name: "", title: "Ice fishing: the new permits" }), ctx, claimAll).story.slug, "ice-fishing-the-new-permits");
  const taken = new Set(["en/world/ferry-service-resumes", "en/world/ferry-service-resumes-2"]);
  assert.equal(postToStory(item(), ctx, (e, s, slug) => !taken.has(`${e.code}/${s}/${slug}`)).story.slug, "ferry-service-resumes-3");
});

test("authors: display names, the post's author first, co-authors (and guest authors) each once", () => {
  const terms = [
    { domain: "author", nicename: "cap-karwan", name: "karwan" },
    { domain: "author", nicename: "cap-dilan", name: "dilan" },
    { domain: "author", nicename: "cap-jane-doe", name: "cap-jane-doe" },
    { domain: "category", nicename: "world", name: "World" },
  ];
  assert.deepEqual(postToStory(item({ terms }), ctx, claimAll).story.fields.author, ["Dilan Barzan", "Karwan Mirkhan", "Jane Doe"]);
  assert.deepEqual(postToStory(item({ creator: "" }), ctx, claimAll).story.fields.author, ["T"], "no author: the edition's name");
});

test("sections: the first category the site has; otherwise the first, reported with the lines for sections.yaml", () => {
  const known = postToStory(item({ terms: [{ domain: "category", nicename: "uncategorized", name: "Uncategorized" }, { domain: "category", nicename: "culture", name: "Culture" }] }), ctx, claimAll);
  assert.equal(known.story.section.name, "Culture");
  assert.equal(known.unknownSection, undefined);
  const unknown = postToStory(item({ terms: [{ domain: "category", nicename: "sport", name: "Sport" }] }), ctx, claimAll);
  assert.equal(unknown.story.section.name, "Sport");
  assert.equal(unknown.url, "/sport/ferry-service-resumes/");
  assert.deepEqual(sectionLines(unknown.unknownSection!, 2), ["- name: Sport   # 2 stories", '  description: "Matches & races."']);
  const translation = postToStory(item({ terms: [{ domain: "category", nicename: "culture", name: "Culture" }, { domain: "language", nicename: "ckb", name: "کوردی" }] }), ctx, claimAll);
  assert.equal(translation.story.section.slug, "culture");
  assert.deepEqual(sectionLines(translation.unknownSection!, 1), ['# under translations: of "Culture" (1 story):', '    ckb: { name: "Culture", description: "Stories filed under Culture." }']);
  assert.equal(translation.story.edition, ckb);
});

test("tags, each once and with letters; the excerpt is the summary, else the body's first sentences up to 160 characters", () => {
  const terms = [{ domain: "category", nicename: "world", name: "World" }, ...["Ferries", "ferries", "Q&amp;A", "🔥"].map((name) => ({ domain: "post_tag", nicename: name, name }))];
  const story = postToStory(item({ terms, excerpt: "<p>The first boat in <em>nine</em> days.</p>" }), ctx, claimAll).story;
  assert.deepEqual(story.fields.tags, ["Ferries", "Q&A"]);
  assert.equal(story.fields.summary, "The first boat in nine days.");
  const long = "The rowing clubs have agreed to hold this year's regatta in April. Ice on the western shore made the January course unsafe. Entries stay open until March, the clubs said on Tuesday.";
  assert.equal(postToStory(item({ content: `<p>${long}</p>` }), ctx, claimAll).story.fields.summary, "The rowing clubs have agreed to hold this year's regatta in April. Ice on the western shore made the January course unsafe.");
  assert.equal(firstSentences("One sentence that goes on and on without a stop until it is far too long for any summary at all", "en", 40), "One sentence that goes on and on…");
});

test("the featured picture is the hero with its alt text and caption, shown once; body pictures are copied, found by the attachment's original", async () => {
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#246" } }).jpeg().toFile(path.join(uploads, "2026/01/pier.jpg"));
  const content = `<p>Text.</p>\n\n<figure class="wp-block-image"><img src="https://ledger.example.org/wp-content/uploads/2026/01/pier-640x400.jpg" alt="" class="wp-image-101"/></figure>`;
  const post = postToStory(item({ content, meta: new Map([["_thumbnail_id", "101"]]) }), ctx, claimAll);
  assert.deepEqual(post.story.fields.image, { src: "./pier.jpg", alt: "A ferry at a pier.", caption: "The pier. (Photo: Lake Desk)" });
  assert.equal(post.story.body, "Text.", "the featured picture is not shown twice");
  assert.deepEqual(post.story.pictures, [{ from: path.join(uploads, "2026/01/pier.jpg"), name: "pier.jpg" }]);
  assert.deepEqual(post.pictures, []);
});

test("a picture not in the uploads folder, or with no alt text anywhere, waits in a picture-needed block; alt text the file carries is enough", async () => {
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#642" } }).jpeg().toFile(path.join(uploads, "2026/01/no-alt.jpg"));
  const withAlt = path.join(uploads, "2026/01/own-alt.jpg");
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#462" } }).jpeg().toFile(withAlt);
  writeFileSync(withAlt, embedPictureMetadata(readFileSync(withAlt), { xmp: { altText: { "x-default": "Boats on a frozen beach." } } }));
  const content = [
    `<img src="https://ledger.example.org/wp-content/uploads/2026/01/gone.jpg" class="wp-image-102" alt="Rowers carry a boat.">`,
    `[caption id="attachment_9"]<img src="https://ledger.example.org/wp-content/uploads/2026/01/no-alt.jpg" alt="">Rowers at dawn. Photo: Club[/caption]`,
    `<img src="https://ledger.example.org/wp-content/uploads/2026/01/own-alt.jpg" class="wp-image-103">`,
    `<img src="https://elsewhere.example/logo.png" alt="A logo">`,
    `<img src="https://ledger.example.org/wp-content/uploads/../../secret.jpg" alt="x">`,
  ].join("\n\n");
  const post = postToStory(item({ content, meta: new Map([["_thumbnail_id", "102"]]) }), ctx, claimAll);
  assert.equal(post.story.fields.image, undefined);
  assert.equal(
    post.story.body,
    [
      "::: picture-needed gone.jpg\nWithout a caption on the old site.\n:::",
      "::: picture-needed no-alt.jpg\nRowers at dawn. (Photo: Club)\n:::",
      "![](./own-alt.jpg)",
      "::: picture-needed logo.png\nWithout a caption on the old site.\n:::",
      "::: picture-needed secret.jpg\nWithout a caption on the old site.\n:::",
    ].join("\n\n"),
  );
  assert.deepEqual(post.pictures.map((p) => `${p.reason}: ${p.name} from ${p.source}${p.alt ? ` (${p.alt})` : ""}`), [
    "missing: gone.jpg from 2026/01/gone.jpg (Rowers carry a boat.)",
    "no alt text: no-alt.jpg from 2026/01/no-alt.jpg",
    "missing: logo.png from https://elsewhere.example/logo.png (A logo)",
    "missing: secret.jpg from ../../secret.jpg (x)",
  ]);
  assert.deepEqual(post.story.pictures!.map((p) => p.name).sort(), ["no-alt.jpg", "own-alt.jpg"], "a picture waiting for alt text is there already");
  assert.match(post.story.notes!.join("\n"), /Picture gone\.jpg was not in the uploads folder \(2026\/01\/gone\.jpg\); its alt text on the old site: "Rowers carry a boat\."/);
});
