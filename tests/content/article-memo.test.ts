/**
 * The preview's memory of loaded articles (src/content/article-memo.ts), on a copy of the fixture
 * site: a rebuild parses only the story that changed, and binds the others to the new build.
 */
import assert from "node:assert/strict";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";

let root: string;

before(async () => {
  root = await makeFixtureSite();
});
after(() => removeSite(root));

test("a preview's rebuild reuses the articles it loaded, bound to the new build's editions and sections", async () => {
  const { buildSiteModel } = await import("../../src/listings/site-model.ts");
  const { ArticleMemo } = await import("../../src/content/article-memo.ts");
  const { openProject } = await import("../../src/source/project.ts");
  const memo = new ArticleMemo();
  const project = openProject(root, { assetsDir: path.join(REPO, "assets") });
  const options = { drafts: true, future: true, memo };
  const first = await buildSiteModel(project, options);
  await appendFile(path.join(root, "content/news/full-story/index.md"), "\nOne more line, saved in the preview.\n");
  const second = await buildSiteModel(project, options);
  assert.equal(second.bodiesParsed, 1);
  assert.deepEqual(second.editions.map((e) => e.articles.length), first.editions.map((e) => e.articles.length));
  for (const m of second.editions) {
    for (const a of m.articles) {
      assert.equal(a.edition, m.edition);
      assert.ok(m.sections.some((l) => l.subject === a.section), a.url);
    }
  }
  // A save that keeps the file's size is seen too (its modification time changed).
  const draft = path.join(root, "content/world/draft-story.md");
  const text = await readFile(draft, "utf8");
  await writeFile(draft, text.replace(/^title: "?An/m, (m) => m.replace("An", "Zz")));
  assert.equal((await readFile(draft, "utf8")).length, text.length);
  const third = await buildSiteModel(project, options);
  assert.ok(third.articles.some((a) => a.title.startsWith("Zz")), "the new headline is loaded");
  assert.equal((await buildSiteModel(project, options)).articles.length, third.articles.length);
});
