/**
 * The site's settings (src/site/site-config.ts) as the environment changes them: DATELINE_URL is
 * checked like site.yaml's url, and `npm start` serves under the same path prefix as the build.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ContentError, findContentError } from "../../src/shared/errors.ts";
import { loadSiteConfig, pathPrefixForServer } from "../../src/site/site-config.ts";
import { openProject } from "../../src/source/project.ts";
import { editFile } from "../support/edit-file.ts";
import { makeFixtureSite, removeSite } from "../support/fixture-site.ts";

test("DATELINE_URL is checked like site.yaml's url", async () => {
  const root = await makeFixtureSite();
  try {
        const ok = await loadSiteConfig(openProject(root), { DATELINE_URL: "https://owner.github.io/repo" });
    assert.equal(ok.url, "https://owner.github.io/repo/");
    assert.equal(ok.pathPrefix, "/repo/");
    assert.equal((await loadSiteConfig(openProject(root), {})).url, "https://fixture.example.org/");
    for (const bad of ["owner.github.io/repo", "ftp://owner.github.io/", "javascript:alert(1)"]) {
      const error = await loadSiteConfig(openProject(root), { DATELINE_URL: bad }).then(
        () => undefined,
        (e: unknown) => findContentError(e),
      );
      assert.ok(error instanceof ContentError, bad);
      assert.equal(error.problems[0]!.field, "DATELINE_URL");
      assert.match(error.problems[0]!.message, /^expected an absolute http\(s\) URL such as https:\/\/news.example.org\/; got /);
    }
  } finally {
    await removeSite(root);
  }
});

test("npm start serves under the same prefix: read from site.yaml, or DATELINE_URL, or / when unreadable", async () => {
  const root = await makeFixtureSite();
  try {
    const content = path.join(root, "content");
    assert.equal(pathPrefixForServer(content, {}), "/");
    await editFile(path.join(content, "_data/site.yaml"), (t) => t.replace("url: https://fixture.example.org/", "url: https://user.github.io/news"));
    assert.equal(pathPrefixForServer(content, {}), "/news/");
    assert.equal(pathPrefixForServer(content, { DATELINE_URL: "https://example.org/other/" }), "/other/");
    assert.equal(pathPrefixForServer(path.join(root, "nowhere"), {}), "/");
  } finally {
    await removeSite(root);
  }
});
