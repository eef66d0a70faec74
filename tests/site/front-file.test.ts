/**
 * The front file (src/site/front-file.ts): each edition's lead, top stories, section blocks and
 * stale_after, from `front.yaml` or `front.<code>.yaml`, every key optional; and the problems an
 * editor can make there, by file, line and field.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadFrontFiles } from "../../src/site/front-file.ts";
import { loadSections } from "../../src/site/sections.ts";
import { dataFolders, problemsOf, yamlLines } from "../support/data-folder.ts";
import { testEditions } from "../support/test-site.ts";

const project = dataFolders("dateline-front-file-");
const editions = testEditions();
const SECTIONS = yamlLines(
  "- name: Middle East",
  "  description: The region.",
  "  translations: { ckb: { name: ڕۆژهەڵاتی ناوەڕاست, description: ناوچەکە. }, ar: { name: الشرق الأوسط, description: المنطقة. } }",
  "- name: Business",
  "  description: Money.",
  "  translations: { ckb: { name: ئابووری, description: پارە. }, ar: { name: اقتصاد, description: المال. } }",
  "- name: World",
  "  description: Elsewhere.",
);

async function load(files: Record<string, string>) {
  const p = await project({ "sections.yaml": SECTIONS, ...files });
  return loadFrontFiles(p, editions, await loadSections(p, editions));
}

test("no file: no curation for that edition", async () => {
  assert.deepEqual([...(await load({})).keys()], []);
});

test("the first edition's file is front.yaml, each other's front.<code>.yaml, and sections are found by any of their names", async () => {
  const fronts = await load({
    "front.yaml": yamlLines("lead: moscow-summit", "top: [budget, snow-roads]", "sections: [World, middle east]", "stale_after: 1d12h"),
    "front.ckb.yaml": yamlLines("# The Sorani front", "sections: [ئابووری, Middle East]"),
    "front.ar.yaml": "",
  });
  const en = fronts.get("en")!;
  assert.equal(en.file, "content/_data/front.yaml");
  assert.deepEqual(en.lead, { name: "moscow-summit", field: "lead", line: 1 });
  assert.deepEqual(en.top, [
    { name: "budget", field: "top.0", line: 2 },
    { name: "snow-roads", field: "top.1", line: 2 },
  ]);
  assert.deepEqual(en.sections?.map((s) => s.url), ["/world/", "/middle-east/"]);
  assert.equal(en.staleAfter.as("hours"), 36);
  const ckb = fronts.get("ckb")!;
  assert.equal(ckb.file, "content/_data/front.ckb.yaml");
  assert.deepEqual([ckb.lead, ckb.top], [undefined, undefined]);
  assert.deepEqual(ckb.sections?.map((s) => s.name), ["ئابووری", "ڕۆژهەڵاتی ناوەڕاست"]);
  assert.equal(ckb.staleAfter.as("hours"), 48, "two days when the file does not say");
  // An empty file names nothing: the newest stories fill the front.
  const ar = fronts.get("ar")!;
  assert.deepEqual([ar.lead, ar.top, ar.sections], [undefined, undefined, undefined]);
});

test("a field the file does not have, or a length of time it cannot read, is named by line", async () => {
  assert.deepEqual(await problemsOf(load({ "front.yaml": yamlLines("lead: moscow-summit", "stale_after: two days", "leed: x") })), [
    "content/_data/front.yaml:2: stale_after: expected a length of time such as 48h, 2d, 90m or 1d12h",
    "content/_data/front.yaml:3: leed: unknown field (did you mean `lead`?)",
  ]);
  assert.deepEqual(await problemsOf(load({ "front.yaml": yamlLines("stale_after: 0h") })), ["content/_data/front.yaml:1: stale_after: expected a length of time such as 48h, 2d, 90m or 1d12h"]);
});

test("a section the edition does not have, a section or story named twice: each by line, every file's at once", async () => {
  assert.deepEqual(
    await problemsOf(
      load({
        "front.yaml": yamlLines("lead: moscow-summit", "top:", "  - budget", "  - moscow-summit", "sections: [Buisness, World, world]"),
        "front.ar.yaml": yamlLines("sections: [World]"),
      }),
    ),
    [
      'content/_data/front.ar.yaml:1: sections.0: no section "World" in the العربية edition; it has الشرق الأوسط, اقتصاد',
      'content/_data/front.yaml:4: top.1: "moscow-summit" is already named in lead',
      'content/_data/front.yaml:5: sections.0: no section "Buisness" in the English edition (did you mean "Business"?)',
      'content/_data/front.yaml:5: sections.2: "world" is already named',
    ],
  );
});
