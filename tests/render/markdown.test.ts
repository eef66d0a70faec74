/**
 * Markdown fixtures: each tests/fixtures/markdown/NAME.md renders to NAME.html exactly (NAME.json
 * may give a dateline). A new case is a pair of files, not code. Run with UPDATE_FIXTURES=1 to
 * write the .html files after a deliberate change, then read the diff. The token readers, the
 * typographer and the rules on their own are in tokens.test.ts, typeset.test.ts and rules.test.ts.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { ImagePlan } from "../../src/images/image-plan.ts";
import { english } from "../support/words.ts";
import { imageRefs } from "../../src/render/tokens.ts";
import { leadWithDateline } from "../../src/render/rules/dateline.ts";
import { parseMarkdown, renderMarkdown } from "../../src/render/markdown.ts";
import { FIXTURES } from "../support/fixture-site.ts";

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

test("rendering the same tokens twice (page, then feed) resolves each link once", () => {
  const { tokens, env } = parseMarkdown("See [the other story](/world/other/).\n");
  const links = { page: "https://u.github.io/news/middle-east/story/", prefix: "/news/" };
  const images = new Map();
  const page = renderMarkdown(tokens, { ...env, images, imageBase: "/news/img/", links: { ...links, absolute: false }, words: english });
  const feed = renderMarkdown(tokens, { ...env, images, imageBase: "https://u.github.io/news/img/", links: { ...links, absolute: true }, words: english });
  assert.match(page, /href="\/news\/world\/other\/"/);
  assert.match(feed, /href="https:\/\/u.github.io\/news\/world\/other\/"/);
});
