/**
 * Stories whose pictures carry their own text, loaded (src/content/load-article.ts): the hero's alt
 * text, caption and credit from the file when the frontmatter is silent, in the story's language;
 * a body figure without alt text in the Markdown that the picture supplies; and the error when no
 * alt text is anywhere.
 */
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import sharp from "sharp";
import { loadArticle } from "../../src/content/load-article.ts";
import { formatProblem } from "../../src/shared/errors.ts";
import { embedPictureMetadata, type PictureMetadata } from "../support/embed-picture-metadata.ts";
import { testLoadContext } from "../support/load-context.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const root = tempDirFor("dateline-picture-text-");
const ctx = () => testLoadContext({ root, sections: ["World"], authors: [{ name: "A. Writer" }] });

const TALKS: PictureMetadata = {
  xmp: {
    description: { "x-default": "Delegates arrive for the talks. (Photo: Northern Wire)", ar: "وصول المندوبين إلى المحادثات. (صورة: وكالة الشمال)" },
    altText: { "x-default": "Men in dark suits walk up the steps of a stone building.", ar: "رجال ببدلات داكنة يصعدون درج مبنى حجري." },
    creator: ["Rezan Ali"],
  },
  iim: { copyright: "© 2026 Northern Wire", charset: "utf-8" },
};
const ENGLISH_ALT_ONLY: PictureMetadata = { xmp: { altText: { en: "A river in flood under a bridge." } } };

before(async () => {
  await mkdir(root, { recursive: true });
  const write = async (name: string, metadata: PictureMetadata | undefined) => {
    const plain = await sharp({ create: { width: 1200, height: 700, channels: 3, background: "#4a6fa5" } }).jpeg().toBuffer();
    await writeFile(path.join(root, name), metadata ? embedPictureMetadata(plain, metadata) : plain);
  };
  await write("talks.jpg", TALKS);
  await write("flood.jpg", ENGLISH_ALT_ONLY);
  await write("bare.jpg", undefined);
});

async function load(name: string, frontmatter: string, body = "Text.") {
  const file = path.join(root, `${name}.md`);
  const raw = `---\ntitle: A story\nsummary: What happened.\ndate: 2026-01-21T08:00:00+03:00\nauthor: A. Writer\nsection: World\n${frontmatter}---\n\n${body}\n`;
  await writeFile(file, raw);
  return loadArticle(file, raw, ctx());
}

test("a hero named by its path alone: alt text, caption, credit, creator and copyright from the picture, each with its origin", async () => {
  const { article, problems } = await load("talks", "image:\n  src: ./talks.jpg\n");
  assert.equal(problems, undefined);
  const hero = article!.hero!;
  assert.equal(hero.alt, "Men in dark suits walk up the steps of a stone building.");
  assert.deepEqual(hero.caption, { text: "Delegates arrive for the talks.", credit: "Photo: Northern Wire" });
  assert.deepEqual(hero.creator, ["Rezan Ali"]);
  assert.equal(hero.copyright, "© 2026 Northern Wire");
  assert.deepEqual(
    Object.fromEntries(Object.entries(hero.text).map(([field, v]) => [field, (v as { origin: string }).origin])),
    { alt: "xmp", caption: "xmp", credit: "xmp", creator: "xmp", copyright: "iim" },
  );
});

test("the frontmatter's alt text and caption win over the picture's; what it leaves out still comes from the file", async () => {
  const { article } = await load("talks-edited", 'image:\n  src: ./talks.jpg\n  alt: "Two delegates on the steps."\n  caption: "The talks open. (Photo: Desk)"\n');
  const hero = article!.hero!;
  assert.equal(hero.alt, "Two delegates on the steps.");
  assert.deepEqual(hero.caption, { text: "The talks open.", credit: "Photo: Desk" });
  assert.deepEqual(hero.creator, ["Rezan Ali"]);
});

test("an Arabic story takes the picture's Arabic entries", async () => {
  const { article } = await load("talks-ar", "lang: ar\nimage:\n  src: ./talks.jpg\n");
  assert.equal(article!.hero!.alt, "رجال ببدلات داكنة يصعدون درج مبنى حجري.");
  assert.deepEqual(article!.hero!.caption, { text: "وصول المندوبين إلى المحادثات.", credit: "صورة: وكالة الشمال" });
});

test("no alt text anywhere is an error naming the file, the line and the field; an English-only alt text does not serve an Arabic story", async () => {
  const bare = await load("bare", "image:\n  src: ./bare.jpg\n");
  assert.deepEqual(bare.problems?.map(formatProblem), [
    `${bare.problems?.[0]?.file}:7: image.alt: ./bare.jpg: alt text is required: add \`alt:\` (what the picture shows), or embed it in the picture (IPTC Alt Text (Accessibility))`,
  ]);
  assert.match(bare.problems![0]!.file, /bare\.md$/);
  assert.equal((await load("flood-en", "image:\n  src: ./flood.jpg\n")).problems, undefined);
  const arabic = await load("flood-ar", "lang: ar\nimage:\n  src: ./flood.jpg\n");
  assert.deepEqual(arabic.problems?.map((p) => [p.field, p.line]), [["image.alt", 8]]);
});

test("a body figure written without alt text takes the picture's; one whose picture has none is an error at its line", async () => {
  const ok = await load("figure-ok", "", "First paragraph.\n\n![](./talks.jpg)\n\nLast paragraph.");
  assert.equal(ok.problems, undefined);
  const html = ok.article!.html;
  assert.match(html, /alt="Men in dark suits walk up the steps of a stone building\."/);
  assert.match(html, /<span class="caption">Delegates arrive for the talks\.<\/span> <span class="credit">Photo: Northern Wire<\/span>/);
  const missing = await load("figure-missing", "", "First paragraph.\n\n![](./bare.jpg)");
  assert.deepEqual(missing.problems?.map((p) => [p.field, p.line, /alt text is required/.test(p.message)]), [["body", 11, true]]);
});
