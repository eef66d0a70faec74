/** The stylesheet (src/assets/stylesheet.ts): minified once, named by its content, kept in the store, never served damaged. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadStylesheet } from "../../src/assets/stylesheet.ts";
import { openProject } from "../../src/source/project.ts";
import { REPO } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-stylesheet-");
const project = () => openProject(REPO, { cacheDir: path.join(work, "cache") });

test("the stylesheet is minified, named by a hash of what is served, and linked with its SRI hash under the prefix", async () => {
  const sheet = await loadStylesheet(project(), "/news/");
  const source = readFileSync(path.join(REPO, "assets/css/site.css"), "utf8");
  assert.ok(sheet.content.length < source.length * 0.9, "minified");
  assert.doesNotMatch(sheet.content, /\/\*/, "no comments");
  assert.equal(sheet.outputPath, `assets/css/site.${createHash("sha256").update(sheet.content).digest("hex").slice(0, 10)}.css`);
  assert.equal(sheet.link.url, `/news/${sheet.outputPath}`);
  assert.equal(sheet.link.integrity, `sha384-${createHash("sha384").update(sheet.content).digest("base64")}`);
});

test("a second build takes it from the store, and a damaged copy there is never served: it is made again", async () => {
  const first = await loadStylesheet(project(), "/");
  const store = project().store;
  const [name] = store.list("css");
  assert.ok(name, "kept in the store");
  const file = store.path("css", name);
  writeFileSync(file, readFileSync(file, "utf8").replace(/}/, "}body{display:none}"));
  const second = await loadStylesheet(project(), "/");
  assert.deepEqual(second, first);
  assert.deepEqual(store.readBytes("css", name)?.toString("utf8"), first.content, "the entry is whole again");
});

test("the dark scheme sets colour variables and nothing else, so a page's layout and wording are the light scheme's", () => {
  // The browser tests rely on it: in the second scheme of a page they run axe's colour rules alone
  // (tests/support/page-checks.ts, COLOUR_RULES).
  const source = readFileSync(path.join(REPO, "assets/css/site.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const blocks = [...source.matchAll(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([^{}]*\{[^{}]*\})*\s*\}/g)].map((m) => m[0]);
  assert.equal(blocks.length, 1, "one dark block");
  const inside = (blocks[0] ?? "").replace(/^[^{]*\{/, "");
  const rules = [...inside.matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  assert.ok(rules.length > 0);
  for (const [, selector, body] of rules) {
    assert.equal(selector?.trim(), ":root", "the dark block only redefines :root's variables");
    for (const declaration of (body ?? "").split(";").map((d) => d.trim()).filter(Boolean)) {
      assert.match(declaration, /^--[a-z-]+:\s*#[0-9a-f]{3,8}$/i, `a colour variable, not: ${declaration}`);
    }
  }
});
