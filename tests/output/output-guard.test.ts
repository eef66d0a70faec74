/**
 * Which folders a build may replace (src/output/output-guard.ts): never the project, a folder
 * holding it, or one of its own folders or a folder inside one; an existing folder only when a
 * build made it. Refusals are one line naming the --output given, and touch nothing.
 */
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { guardOutput } from "../../src/output/output-guard.ts";
import { FaultError } from "../../src/shared/errors.ts";
import { FILE } from "../../src/site/url-space.ts";
import { openProject } from "../../src/source/project.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-guard-");
const root = path.join(dir, "newsroom");
for (const folder of ["content/_data", "assets", ".cache", ".git", "node_modules", "src", "templates"]) mkdirSync(path.join(root, folder), { recursive: true });
const project = openProject(root);

/** The reason the guard gives for `output` (as typed, from the project's root), or undefined when it lets it be. */
function refusal(output: string): string | undefined {
  try {
    guardOutput(project, path.resolve(root, output), output);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof FaultError, String(error));
    assert.equal(error.file, `--output ${output}`);
    assert.ok(!error.message.includes("\n"), "one line");
    return error.problem;
  }
}

test("the project, a folder holding it, and its own folders or anything inside them are refused", () => {
  assert.equal(refusal("."), "is the project folder");
  assert.equal(refusal(".."), "holds the project folder");
  assert.equal(refusal("/"), "holds the project folder");
  assert.equal(refusal("content"), "is the content folder");
  assert.equal(refusal("content/_data"), "is inside the content folder");
  assert.equal(refusal("content/site"), "is inside the content folder");
  assert.equal(refusal("assets"), "is the assets folder");
  assert.equal(refusal(".cache/site"), "is inside the build cache");
  for (const own of [".git", "node_modules", "src", "templates"]) assert.equal(refusal(own), `is ${own}`);
  assert.equal(refusal("node_modules/x"), "is inside node_modules");
});

test("a new folder, an empty one, and one a build made (marked) may be replaced", () => {
  assert.equal(refusal("_site"), undefined);
  assert.equal(refusal("out/deeper/site"), undefined);
  mkdirSync(path.join(root, "empty"));
  assert.equal(refusal("empty"), undefined);
  mkdirSync(path.join(root, "built"));
  writeFileSync(path.join(root, "built", FILE.outputMarker), "");
  writeFileSync(path.join(root, "built", "index.html"), "<!doctype html>");
  assert.equal(refusal("built"), undefined);
});

test("an existing folder a build did not make is refused; a site built before outputs were marked is recognised by its feed", () => {
  mkdirSync(path.join(root, "photos"));
  writeFileSync(path.join(root, "photos", "holiday.jpg"), "not a site");
  assert.match(refusal("photos")!, /^is a folder Dateline did not make \(it has no \.dateline-output file\)/);
  mkdirSync(path.join(root, "old-site"));
  writeFileSync(path.join(root, "old-site", FILE.rss), '<?xml version="1.0"?><rss><channel><title>T</title><generator>Dateline</generator>');
  assert.equal(refusal("old-site"), undefined);
  writeFileSync(path.join(root, "photos", FILE.rss), "<rss><channel><generator>Hugo</generator>");
  assert.match(refusal("photos")!, /did not make/);
});

test("a file given as the output is refused as a file, never to be removed", () => {
  writeFileSync(path.join(root, "README.md"), "# The newsroom's notes");
  assert.equal(refusal("README.md"), "is a file, not a folder");
});

test("a link is followed: a link to the content folder, or into it, is refused", () => {
  symlinkSync(path.join(root, "content"), path.join(dir, "to-content"));
  assert.equal(refusal(path.join(dir, "to-content")), "is the content folder");
  assert.equal(refusal(path.join(dir, "to-content", "site")), "is inside the content folder");
});

test("the message says what to do", () => {
  assert.throws(() => guardOutput(project, root, "."), {
    message: "--output .: is the project folder; choose a folder of its own for the site, such as _site (the default)",
  });
});
