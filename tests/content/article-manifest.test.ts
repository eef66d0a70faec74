/**
 * The article manifest (src/content/article-manifest.ts) on its own: a story kept by one build comes
 * back in the next as it was loaded, bound to that build's edition and section; and when it must not
 * (other settings, a touched file, an edition or section gone, no body cache, a forgotten file). That
 * whole builds from it are byte for byte clean builds is tests/output/page-cache.test.ts.
 */
import assert from "node:assert/strict";
import { utimesSync } from "node:fs";
import { test } from "node:test";
import { ArticleManifest, SHARDS } from "../../src/content/article-manifest.ts";
import type { LoadContext } from "../../src/content/load-context.ts";
import { loadArticle } from "../../src/content/load-article.ts";
import { stampOf, storyStamps } from "../../src/shared/file-stamp.ts";
import { contentFolder } from "../support/content-folder.ts";

const folder = contentFolder("dateline-article-manifest-");
const first = folder.context();
const { store, settings } = first;

/** Writes a story and loads it (as the loader does: stamped before it is read), and keeps it in `manifest`. */
async function keep(manifest: ArticleManifest, name: string, fields: Record<string, unknown> = {}, body?: string) {
  const { file, text } = await folder.story(name, fields, body);
  const stamp = stampOf(file);
  const { article, body: ref, problems } = await loadArticle(file, text, first);
  assert.ok(article && ref, JSON.stringify(problems));
  manifest.set(file, storyStamps(stamp, [])!, article, ref);
  return { file, article };
}

/** The article as JSON: dates as ISO strings with their offset, the body read. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

test("a kept story comes back in the next build as it was loaded: this build's edition and section, dates in their zone", async () => {
  const manifest = ArticleManifest.load(store, settings);
  const { file, article: loaded } = await keep(
    manifest,
    "round-trip.md",
    {
      lang: "ckb",
      date: "2026-01-28T10:00:00+01:00",
      updated: "2026-01-29 09:00",
      dateline: { place: "ERBIL", source: "Kurdistan24" },
      tags: ["Syria", "Oil"],
      translationKey: "summit",
      corrections: [{ date: "2026-01-30", text: 'A "name" corrected.' }],
      author: ["A. Writer", "B. Writer"],
    },
    "Text with a [link](/world/x/).",
  );
  manifest.save();

  const next = folder.context();
  const revived = ArticleManifest.load(store, settings).get(file, next);
  assert.ok(revived);
  assert.equal(revived.edition, next.editions.find((e) => e.code === "ckb"));
  assert.equal(revived.section, next.sections.get("ckb")!.get("world"));
  assert.notEqual(revived.edition, loaded.edition, "not the first build's objects");
  for (const date of [revived.date, revived.updated!, revived.corrections[0]!.date]) assert.equal(date.zoneName, "Asia/Baghdad");
  assert.equal(revived.date.toMillis(), loaded.date.toMillis());
  // Everything else, the body included, as loaded.
  assert.deepEqual(json(revived), json(loaded));
  assert.ok(Object.isFrozen(revived));
});

test("the settings it was made with must be this build's: with others, no story comes back, and the next save starts over", async () => {
  const manifest = ArticleManifest.load(store, settings);
  const { file } = await keep(manifest, "settings.md");
  manifest.save();
  const other = ArticleManifest.load(store, `${settings} changed`);
  assert.equal(other.get(file, folder.context()), undefined);
  other.save();
  assert.equal(ArticleManifest.load(store, settings).get(file, folder.context()), undefined, "the old entries were not written back");
});

test("a story is given back only while its file is untouched, its edition and section exist, and the build has a body cache", async () => {
  const manifest = ArticleManifest.load(store, settings);
  const { file } = await keep(manifest, "conditions.md", { lang: "ckb", section: "Middle East" });
  const { file: untouched } = await keep(manifest, "untouched.md");
  const next = folder.context();
  assert.ok(manifest.get(file, next));
  const without = (change: Partial<LoadContext>): LoadContext => ({ ...next, ...change });
  assert.equal(manifest.get(file, without({ bodies: undefined })), undefined, "no body cache to read the body back from");
  assert.equal(manifest.get(file, without({ editions: next.editions.filter((e) => e.code !== "ckb") })), undefined, "the edition is gone");
  assert.equal(manifest.get(file, without({ sections: new Map([...next.sections].map(([code, names]) => [code, new Map([...names].filter(([, s]) => s.slug !== "middle-east"))])) })), undefined, "the section is gone");
  assert.equal(manifest.get((await folder.story("never-kept.md")).file, next), undefined);
  // Touched, as an editor's save does, even with the same text.
  utimesSync(file, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  assert.equal(manifest.get(file, next), undefined);
  assert.ok(manifest.get(untouched, next));
});

test("keep forgets the stories whose files are not listed; save writes only the shards that changed, each whole", async () => {
  const manifest = ArticleManifest.load(store, settings);
  const [{ file: a }, { file: b }] = [await keep(manifest, "a.md"), await keep(manifest, "b.md")];
  manifest.save();
  assert.equal(store.list("manifest").length, SHARDS, "a first save writes every shard, the empty ones too");
  const second = ArticleManifest.load(store, settings);
  second.keep([a]);
  second.save();
  const third = ArticleManifest.load(store, settings);
  assert.ok(third.get(a, folder.context()));
  assert.equal(third.get(b, folder.context()), undefined);
  // Nothing changed: saving writes nothing (the records, removed behind its back, stay gone).
  store.remove("manifest");
  third.keep([a]);
  third.save();
  assert.deepEqual(store.list("manifest"), []);
  // One story kept: its shard alone is written, with every story of that shard.
  const { file: c } = await keep(third, "c.md");
  third.save();
  assert.equal(store.list("manifest").length, 1);
  const fourth = ArticleManifest.load(store, settings);
  assert.ok(fourth.get(c, folder.context()));
});
