/**
 * Markdown fixtures: each tests/fixtures/markdown/NAME.md renders to NAME.html exactly (NAME.json
 * may give a dateline). A new case is a pair of files, not code. Run with UPDATE_FIXTURES=1 to
 * write the .html files after a deliberate change, then read the diff.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { ImagePlan } from "../src/images/image-plan.ts";
import { english } from "./support/words.ts";
import { countWords, imageRefs } from "../src/render/tokens.ts";
import { leadWithDateline } from "../src/render/rules/dateline.ts";
import { parseMarkdown, renderMarkdown } from "../src/render/markdown.ts";
import { resolveHref } from "../src/render/rules/links.ts";
import { typeset } from "../src/render/typeset.ts";
import { FIXTURES } from "./support/fixture-site.ts";

const dir = path.join(FIXTURES, "markdown");

/** A stand-in for a planned image: 1200×800 at three widths, named after the source. */
function stubPlan(src: string): ImagePlan {
  const base = path.basename(src, path.extname(src));
  const formats = ["avif", "webp", "jpeg"] as const;
  const ext = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;
  const variants = [480, 800, 1200].flatMap((width) => formats.map((format) => ({ format, width, height: (width * 2) / 3, name: `${base}-${width}.${ext[format]}` })));
  return { source: src, hash: base, width: 1200, height: 800, formats, variants };
}

export function renderFixture(markdown: string, dateline?: { place: string; source?: string }): string {
  const { tokens, env } = parseMarkdown(markdown);
  if (dateline) leadWithDateline(tokens, dateline);
  const images = new Map(imageRefs(tokens).map((r) => [r.src, stubPlan(r.src)]));
  return renderMarkdown(tokens, { ...env, images, imageBase: "/img/", words: english });
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
  const name = file.slice(0, -3);
  test(`markdown fixture: ${name}`, () => {
    const options = existsSync(path.join(dir, `${name}.json`)) ? JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) : {};
    const actual = renderFixture(readFileSync(path.join(dir, file), "utf8"), options.dateline);
    const expectedFile = path.join(dir, `${name}.html`);
    if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, "utf8"));
  });
}

test("image references carry their body line", () => {
  const { tokens } = parseMarkdown("Para.\n\n![a](./one.jpg)\n\nText ![b](./two.jpg).\n");
  assert.deepEqual(imageRefs(tokens), [
    { src: "./one.jpg", line: 2 },
    { src: "./two.jpg", line: 4 },
  ]);
});

test("a dateline needs a paragraph to lead", () => {
  const { tokens } = parseMarkdown("## Only a heading\n");
  assert.equal(leadWithDateline(tokens, { place: "ERBIL" }), false);
});

test("headlines, standfirsts and captions get the body's typography but stay plain text", () => {
  assert.equal(typeset(`Iraq's "budget" -- passed`), "Iraq’s “budget” – passed");
  assert.equal(typeset("*not emphasis* <b>not bold</b> {{ not_template }}"), "*not emphasis* <b>not bold</b> {{ not_template }}");
});

test("words are counted in the text, not in the markup", () => {
  const { tokens } = parseMarkdown("## Two words\n\nOne *two* [three](https://x.example/a-b-c)  four.\n\n![alt words](./a.jpg)\n\n- five\n- six seven\n");
  assert.equal(countWords(tokens), 9);
});

test("links: root-relative ones go under the site's prefix, relative ones resolve from the page, feeds get absolute URLs", () => {
  const page = { page: "https://u.github.io/news/middle-east/story/", prefix: "/news/", absolute: false };
  const feed = { ...page, absolute: true };
  assert.equal(resolveHref("https://example.org/a", page), "https://example.org/a");
  assert.equal(resolveHref("mailto:desk@example.org", feed), "mailto:desk@example.org");
  assert.equal(resolveHref("/world/other/", page), "/news/world/other/");
  assert.equal(resolveHref("/world/other/", feed), "https://u.github.io/news/world/other/");
  assert.equal(resolveHref("../other/?a=1#b", page), "/news/middle-east/other/?a=1#b");
  assert.equal(resolveHref("#h-sub", page), "#h-sub");
  assert.equal(resolveHref("#h-sub", feed), "https://u.github.io/news/middle-east/story/#h-sub");
});

test("rendering the same tokens twice (page, then feed) resolves each link once", () => {
  const { tokens, env } = parseMarkdown("See [the other story](/world/other/).\n");
  const links = { page: "https://u.github.io/news/middle-east/story/", prefix: "/news/" };
  const images = new Map();
  const page = renderMarkdown(tokens, { ...env, images, imageBase: "/news/img/", links: { ...links, absolute: false }, words: english });
  const feed = renderMarkdown(tokens, { ...env, images, imageBase: "https://u.github.io/news/img/", links: { ...links, absolute: true }, words: english });
  assert.match(page, /href="\/news\/world\/other\/"/);
  assert.match(feed, /href="https:\/\/u.github.io\/news\/world\/other\/"/);
});
