/**
 * Projects (src/source/project.ts): where a site's content, assets and store are, resolved once to
 * absolute paths.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { openProject } from "../../src/source/project.ts";

test("by default content/, assets/ and the store's .cache/ are in the root, and a relative root is made absolute", () => {
  const p = openProject("site");
  const root = path.join(process.cwd(), "site");
  assert.deepEqual(
    { root: p.root, content: p.contentDir, assets: p.assetsDir, store: p.store.dir },
    { root, content: path.join(root, "content"), assets: path.join(root, "assets"), store: path.join(root, ".cache") },
  );
});

test("folders given relative are relative to the root (not the working directory); absolute ones are kept", () => {
  const p = openProject("/srv/news/", { contentDir: "newsroom/content", assetsDir: "/shared/assets", cacheDir: "../cache" });
  assert.equal(p.root, "/srv/news");
  assert.equal(p.contentDir, "/srv/news/newsroom/content");
  assert.equal(p.assetsDir, "/shared/assets");
  assert.equal(p.store.dir, "/srv/cache");
});

test("options left undefined (as an unset flag gives them) fall back to the defaults", () => {
  const p = openProject("/srv/news", { contentDir: undefined, assetsDir: undefined, cacheDir: undefined });
  assert.deepEqual([p.contentDir, p.assetsDir, p.store.dir], ["/srv/news/content", "/srv/news/assets", "/srv/news/.cache"]);
});
