/**
 * Site language settings beyond the three-edition fixture: a site in one language (no `languages`)
 * builds as a single edition at the root, with no switcher, hreflang or sitemap alternates; an
 * edition with its own time zone reads and shows its dates in it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { editFile } from "../support/edit-file.ts";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";

describe("a site in one language", () => {
  let root: string;
  const page = (file: string) => readFileSync(path.join(root, "_site", file), "utf8");

  before(async () => {
    root = await makeFixtureSite();
    await editFile(path.join(root, "content/_data/site.yaml"), (text) => text.replace(/languages:[\s\S]*?(?=timeZone:)/, "language: en\nlocale: en-GB\n"));
    await editFile(path.join(root, "content/_data/sections.yaml"), (text) => text.replace(/ {2}translations:\n(?: {4}.*\n)+/, ""));
    await buildFixture(root, { search: false });
  });
  after(() => removeSite(root));

  test("pages are at the root, in English, with no language switcher, hreflang or sitemap alternates", () => {
    const article = page("middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html");
    assert.match(article, /<html lang="en" dir="ltr">/);
    assert.ok(!article.includes('class="editions"'));
    assert.ok(!article.includes("hreflang"));
    assert.ok(!page("index.html").includes("hreflang"));
    assert.ok(!page("sitemap.xml").includes("xhtml"));
    assert.equal(page("robots.txt").match(/^Sitemap:/gm)?.length, page("robots.txt").includes("news-sitemap") ? 2 : 1);
  });

  test("a story in a language the site does not publish in is refused, saying how to add it", async () => {
    await writeFile(
      path.join(root, "content/world/arabic.md"),
      "---\ntitle: عنوان\nsummary: ملخص قصير للخبر.\ndate: 2026-01-28T12:00:00+03:00\nauthor: مراسل\nsection: World\nlang: ar\n---\n\nنص.\n",
    );
    await assert.rejects(buildFixture(root, { search: false }), (e: unknown) => {
      assert.ok(e instanceof ContentError);
      assert.deepEqual(e.problems.map(formatProblem), [
        'content/world/arabic.md:7: lang: "ar" is not one of the site\'s languages (en); to publish in it, add it to `languages` in content/_data/site.yaml',
      ]);
      return true;
    });
    await rm(path.join(root, "content/world/arabic.md"));
  });
});

describe("an edition in its own time zone", () => {
  let root: string;
  before(async () => {
    root = await makeFixtureSite();
    // The Arabic edition's readers are in Tehran (UTC+3:30), the site in Baghdad (UTC+3).
    await editFile(path.join(root, "content/_data/site.yaml"), (text) => text.replace("  - code: ar\n", "  - code: ar\n    timeZone: Asia/Tehran\n"));
    await writeFile(
      path.join(root, "content/world/zoned.md"),
      "---\ntitle: خبر بتوقيت طهران\nsummary: خبر قصير لاختبار المنطقة الزمنية.\ndate: 2026-01-28 12:00\nauthor: مراسل\nsection: World\nlang: ar\nslug: zoned\n---\n\nنص الخبر.\n",
    );
    await buildFixture(root, { search: false });
  });
  after(() => removeSite(root));

  test("a date without an offset is read in the edition's zone, and shown in it", () => {
    const html = readFileSync(path.join(root, "_site/ar/world/zoned/index.html"), "utf8");
    assert.match(html, /<time datetime="2026-01-28T12:00:00\+03:30">/);
    assert.match(html, /"datePublished":"2026-01-28T12:00:00\+03:30"/);
  });
});
