/** Locating images (src/images/locate-image.ts): paths beside the article or under /assets/, and nothing outside the repository. */
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { locateImage } from "../../src/images/locate-image.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const tmp = tempDirFor("dateline-locate-image-");
const root = path.join(tmp, "site");
const assetsDir = path.join(root, "assets");
const storyDir = path.join(root, "content", "world", "moscow");
const outside = path.join(tmp, "outside");
const roots = { root, assetsDir };
for (const dir of [assetsDir, path.join(assetsDir, "logos"), storyDir, outside]) mkdirSync(dir, { recursive: true });
for (const file of [path.join(storyDir, "kremlin.jpg"), path.join(assetsDir, "logos", "logo.png"), path.join(outside, "secret.jpg")]) writeFileSync(file, "x");
symlinkSync(path.join(outside, "secret.jpg"), path.join(storyDir, "link.jpg"));
symlinkSync(outside, path.join(storyDir, "linked-folder"));
symlinkSync(path.join(storyDir, "kremlin.jpg"), path.join(storyDir, "inner-link.jpg"));

const errorOf = (result: string | { error: string }) => (typeof result === "string" ? `found ${result}` : result.error);

test("a relative path is found beside the file that names it", () => {
  assert.equal(locateImage("kremlin.jpg", storyDir, roots), path.join(storyDir, "kremlin.jpg"));
  assert.equal(locateImage("./kremlin.jpg", storyDir, roots), path.join(storyDir, "kremlin.jpg"));
  assert.equal(locateImage("../../../assets/logos/logo.png", storyDir, roots), path.join(assetsDir, "logos", "logo.png"));
});

test("a missing file inside the repository is located, for the planner to report", () => {
  assert.equal(locateImage("not-yet.jpg", storyDir, roots), path.join(storyDir, "not-yet.jpg"));
});

test("a percent-encoded path is decoded", () => {
  assert.equal(locateImage("red%20square.jpg", storyDir, roots), path.join(storyDir, "red square.jpg"));
});

test("/assets/… is found in the assets folder, and may not leave it", () => {
  assert.equal(locateImage("/assets/logos/logo.png", storyDir, roots), path.join(assetsDir, "logos", "logo.png"));
  assert.equal(errorOf(locateImage("/assets/../content/world/moscow/kremlin.jpg", storyDir, roots)), "/assets/../content/world/moscow/kremlin.jpg: leaves the assets folder");
});

test("a URL is refused", () => {
  for (const src of ["https://example.com/a.jpg", "data:image/png;base64,AAAA", "//cdn.example.com/a.jpg"]) {
    assert.equal(errorOf(locateImage(src, storyDir, roots)), `${src}: images must be files in the repository (beside the article, or under /assets/), not URLs`);
  }
});

test("a name that only starts with two dots stays inside: ..hero.jpg beside the story, an ..old folder under assets", () => {
  assert.equal(locateImage("..hero.jpg", storyDir, roots), path.join(storyDir, "..hero.jpg"));
  assert.equal(locateImage("/assets/..old/logo.png", storyDir, roots), path.join(assetsDir, "..old", "logo.png"));
});

test("../ leaving the repository and absolute file paths are refused", () => {
  assert.equal(errorOf(locateImage("../../../../outside/secret.jpg", storyDir, roots)), "../../../../outside/secret.jpg: leaves the repository");
  assert.equal(errorOf(locateImage("../../../../../../../etc/passwd", storyDir, roots)), "../../../../../../../etc/passwd: leaves the repository");
  assert.equal(errorOf(locateImage("/etc/passwd", storyDir, roots)), "/etc/passwd: write a path relative to this file, or one starting with /assets/");
});

test("a symlink pointing outside the repository is refused, one pointing inside is followed", () => {
  assert.equal(errorOf(locateImage("link.jpg", storyDir, roots)), "link.jpg: leaves the repository");
  assert.equal(errorOf(locateImage("linked-folder/secret.jpg", storyDir, roots)), "linked-folder/secret.jpg: leaves the repository");
  assert.equal(locateImage("inner-link.jpg", storyDir, roots), path.join(storyDir, "inner-link.jpg"));
});
