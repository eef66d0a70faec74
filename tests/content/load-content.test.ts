/**
 * Loading every story of a content folder (src/content/load-content.ts): which files are stories, every
 * problem of every file at once (with the URLs and translationKeys used twice), and where stories
 * are kept for the next build (the store's manifest, or the preview's memo, never both).
 */
import assert from "node:assert/strict";
import { realpathSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ArticleMemo } from "../../src/content/article-memo.ts";
import { duplicateTranslations, findArticleFiles, loadArticles, MAX_STORY_BYTES, readArticles } from "../../src/content/load-content.ts";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { contentFolder } from "../support/content-folder.ts";
import type { Store } from "../../src/store/store.ts";

/** The files the store's article manifest keeps stories of, relative to `root`. */
function manifestFiles(ctx: { store: Store }, root: string): string[] | undefined {
  const shards = ctx.store.list("manifest").map((name) => ctx.store.readJson<{ entries: Record<string, unknown> }>("manifest", name)!);
  return shards.length ? shards.flatMap((saved) => Object.keys(saved.entries)).map((file) => path.relative(root, file)).sort() : undefined;
}

test("story files: Markdown files at any depth, sorted, without names starting with _ or . (files or folders)", () => {
  const folder = contentFolder("dateline-find-");
  for (const name of ["b.md", "a/z.md", "a/sub/c.md", "a/_draft.md", "a/.notes.md", "a/notes.txt", "a/picture.jpg", "_data/site.md", ".git/x.md", "_pages/about.md"]) {
    folder.write(name, "");
  }
  assert.deepEqual(
    findArticleFiles(folder.root).files.map((f) => path.relative(folder.root, f)),
    ["a/sub/c.md", "a/z.md", "b.md"],
  );
});

test("a link to a story or a folder inside the project is followed; one leading outside it, nowhere, or back up to a folder holding it is named, not skipped", () => {
  const folder = contentFolder("dateline-links-");
  const outside = contentFolder("dateline-outside-");
  folder.write("world/real.md", "");
  folder.write("shared/kept.md", "");
  outside.write("elsewhere.md", "");
  symlinkSync(path.join(folder.root, "shared"), path.join(folder.root, "world", "linked-folder"));
  symlinkSync(path.join(folder.root, "world", "real.md"), path.join(folder.root, "linked.md"));
  symlinkSync(path.join(outside.root, "elsewhere.md"), path.join(folder.root, "world", "outside.md"));
  symlinkSync(path.join(folder.root, "gone.md"), path.join(folder.root, "world", "dangling.md"));
  // A link back up to a folder that holds it would be walked for ever.
  symlinkSync(folder.root, path.join(folder.root, "world", "loop"));
  const found = findArticleFiles(folder.root);
  assert.deepEqual(found.files.map((f) => path.relative(folder.root, f)), ["linked.md", "shared/kept.md", "world/linked-folder/kept.md", "world/real.md"]);
  assert.deepEqual(found.problems.map(formatProblem).sort(), [
    "world/dangling.md: file: a link that leads nowhere: remove it, or point it at a story in the project",
    "world/loop: file: a link to a folder that holds it, which would be read for ever: remove it",
    `world/outside.md: file: a link to ${realpathSync(path.join(outside.root, "elsewhere.md"))}, outside the project: copy the story into content/ instead (a build reads only the project)`,
  ]);
});

test("every story that loads and every problem of the others, URLs used twice among them; loadArticles throws them all at once", async () => {
  const folder = contentFolder("dateline-read-");
  await folder.story("good.md", { title: "Good", translationKey: "summit" });
  await folder.story("good.ckb.md", { title: "Good", lang: "ckb", translationKey: "summit" });
  await folder.story("world/bad-date.md", { date: "tomorrow" });
  await folder.story("world/one.md", { title: "One", slug: "same" });
  await folder.story("world/two.md", { title: "Two", slug: "same" });
  const ctx = folder.context();
  const { articles, problems } = await readArticles(ctx);
  // Stories whose URL is taken twice are loaded still: `npm run check` goes on to their warnings.
  assert.deepEqual(articles.map((a) => a.url), ["/ckb/world/good/", "/world/good/", "/world/same/", "/world/same/"]);
  const expected = [
    'world/bad-date.md:4: date: "tomorrow" is not an ISO 8601 date (expected e.g. 2026-01-28T12:00:00+03:00)',
    // Same date: the file name decides which is the earlier.
    "world/two.md: slug: /world/same/ is already the URL of world/one.md, an earlier story: give this one another `slug:`",
  ];
  assert.deepEqual(problems.map(formatProblem), expected);
  await assert.rejects(loadArticles(ctx), (error: unknown) => {
    assert.ok(error instanceof ContentError);
    assert.deepEqual(error.problems.map(formatProblem), expected);
    assert.match(error.message, /^2 problems in content:\n {2}world\/bad-date\.md:4: date: /);
    return true;
  });
});

test("a story file over the size limit is refused unread, saying the limit and what to do", async () => {
  const folder = contentFolder("dateline-large-");
  await folder.story("world/dump.md", {}, "x".repeat(MAX_STORY_BYTES));
  const { problems } = await readArticles(folder.context());
  assert.deepEqual(problems.map(formatProblem), [
    "world/dump.md: file: 2.1 MB is over the 2.0 MB a story may be: split it into several stories, or put tables and data in a file the story links to",
  ]);
});

test("a folder of good stories loads without problems, saying how many files it read: all, then only those changed since (a retitled one too)", async () => {
  const folder = contentFolder("dateline-good-");
  await folder.story("a.md", { title: "First" });
  await folder.story("b.md", { title: "Second", section: "Middle East" });
  const memo = new ArticleMemo();
  const first = await loadArticles(folder.context(), { memo });
  assert.deepEqual(first.articles.map((a) => a.url), ["/world/first/", "/middle-east/second/"]);
  assert.equal(first.read, 2);
  assert.equal((await loadArticles(folder.context(), { memo })).read, 0);
  await folder.story("a.md", { title: "First, retitled" });
  assert.equal((await loadArticles(folder.context(), { memo })).read, 1);
});

test("a translationKey twice in one language names the other files; in different languages, or without one, it is no problem", () => {
  const page = (sourcePath: string, lang: string, translationKey: string | undefined) => ({ sourcePath, lang, translationKey });
  const problems = duplicateTranslations([
    page("a.md", "en", "summit"),
    page("b.md", "en", "summit"),
    page("c.md", "en", "summit"),
    page("d.md", "ckb", "summit"),
    page("e.md", "en", undefined),
    page("f.md", "en", undefined),
  ]);
  assert.deepEqual(problems.map(formatProblem), [
    'a.md: translationKey: "summit" is also the translationKey of b.md, c.md in the same language (en): each language has one version of a story or page',
    'b.md: translationKey: "summit" is also the translationKey of a.md, c.md in the same language (en): each language has one version of a story or page',
    'c.md: translationKey: "summit" is also the translationKey of a.md, b.md in the same language (en): each language has one version of a story or page',
  ]);
});

test("with `manifest`, loaded stories are kept in the store, come back unread in the next build, and deleted files are forgotten", async () => {
  const folder = contentFolder("dateline-manifest-");
  const { file: kept } = await folder.story("kept.md", { title: "Kept" }, "The kept text.");
  const { file: gone } = await folder.story("gone.md", { title: "Gone" });
  await folder.story("broken.md", { section: "Nowhere" });
  const first = folder.context();
  await readArticles(first, { manifest: true });
  assert.deepEqual(manifestFiles(first, folder.root), ["gone.md", "kept.md"]);

  // Without its parsed body in the cache, a story loaded afresh would be parsed again at once.
  first.store.remove("bodies");
  rmSync(gone);
  const next = folder.context();
  const { articles } = await readArticles(next, { manifest: true });
  assert.equal(next.bodies!.parsed, 0, "the story came from the manifest");
  assert.deepEqual(manifestFiles(next, folder.root), ["kept.md"]);
  const [keptStory] = articles;
  assert.equal(keptStory?.sourcePath, path.relative(folder.root, kept));
  assert.equal(keptStory.section, next.sections.get("en")!.get("world"));
  // Its body is read back when asked for: from its file, the cache having lost it.
  assert.match(keptStory.html, /The kept text\./);
  assert.equal(next.bodies!.parsed, 1);
});

test("no manifest is kept without a body cache, nor in a preview (its memo keeps the stories instead)", async () => {
  const folder = contentFolder("dateline-no-manifest-");
  const { file } = await folder.story("a.md");
  const plain = folder.context({ bodies: false });
  await readArticles(plain, { manifest: true });
  assert.equal(manifestFiles(plain, folder.root), undefined);
  const memo = new ArticleMemo();
  const preview = folder.context();
  await readArticles(preview, { manifest: true, memo });
  assert.equal(manifestFiles(preview, folder.root), undefined);
  assert.ok(memo.get(file, preview.settings), "the memo has the story");
});
