/** Story folders the importers write (src/import/story-files.ts): the text reads back as written, a second write is a no-op, an editor's file is left alone. */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import jsYaml from "js-yaml";
import { sectionNamed, storyText, writeStory, type StoryDraft } from "../../src/import/story-files.ts";
import { parseDate, type Instant } from "../../src/shared/dates.ts";
import { openProject } from "../../src/source/project.ts";
import type { Section } from "../../src/site/sections.ts";
import { testEditions } from "../support/test-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const editions = testEditions();
const [en, ckb] = [editions[0]!, editions.find((e) => e.code === "ckb")!];
const section = (name: string, slug: string, lang: string): Section => ({ name, slug, url: `/${slug}/`, description: name, lang });
const sections = new Map([
  ["en", [section("Middle East", "middle-east", "en")]],
  ["ckb", [section("ڕۆژهەڵاتی ناوەڕاست", "middle-east", "ckb")]],
  ["ar", [section("الشرق الأوسط", "middle-east", "ar")]],
]);
const date = parseDate("2026-01-28T12:00:00+03:00", "Asia/Baghdad") as Instant;

const draft = (o: Partial<StoryDraft> = {}): StoryDraft => ({
  edition: en,
  section: sections.get("en")![0]!,
  slug: "talks-resume",
  fields: {
    title: 'Erbil: "talks" resume — after 1 year',
    summary: "yes",
    date,
    dateline: { place: "ERBIL", source: "Kurdistan24" },
    author: ["Kurdistan24"],
    tags: ["Syria", "null"],
    image: { src: "./hero.jpg", caption: "Delegates arrive. (Photo: AFP)", credit: undefined },
    draft: true,
  },
  body: "First paragraph.\n\nSecond: with a colon.",
  notes: ["Imported from wire copy: check the standfirst."],
  ...o,
});

test("the frontmatter reads back as written: quotes, colons, dashes, 'yes' and 'null' stay strings", () => {
  const text = storyText(draft());
  assert.match(text, /^---\n# Imported from wire copy: check the standfirst\.\ntitle: /);
  const data = jsYaml.load(text.split("---\n")[1]!, { schema: jsYaml.CORE_SCHEMA }) as Record<string, any>;
  assert.equal(data.title, 'Erbil: "talks" resume — after 1 year');
  assert.equal(data.summary, "yes");
  assert.equal(data.date, "2026-01-28T12:00:00+03:00");
  assert.deepEqual(data.dateline, { place: "ERBIL", source: "Kurdistan24" });
  assert.equal(data.author, "Kurdistan24");
  assert.deepEqual(data.tags, ["Syria", "null"]);
  assert.deepEqual(data.image, { src: "./hero.jpg", caption: "Delegates arrive. (Photo: AFP)" });
  assert.equal(data.section, "Middle East");
  assert.equal(data.slug, "talks-resume");
  assert.equal(data.draft, true);
  assert.equal(data.lang, undefined, "the first edition's stories need no lang");
  assert.ok(text.endsWith("First paragraph.\n\nSecond: with a colon.\n"));
});

test("a section by its name in any edition or its slug, as the story's edition names it", () => {
  assert.equal(sectionNamed(sections, "Middle East", ckb)?.name, "ڕۆژهەڵاتی ناوەڕاست");
  assert.equal(sectionNamed(sections, "الشرق الأوسط", en)?.name, "Middle East");
  assert.equal(sectionNamed(sections, "middle-east", en)?.name, "Middle East");
  assert.equal(sectionNamed(sections, "Sport", en), undefined);
});

test("written once; the same story again is unchanged; an edited one is left alone; pictures go beside it", async () => {
  const root = tempDirFor("dateline-story-files-");
  await mkdir(path.join(root, "content"), { recursive: true });
  const project = openProject(root);
  const picture = path.join(root, "wire.jpg");
  await writeFile(picture, "jpeg bytes");
  const story = draft({ edition: ckb, section: sections.get("ckb")![0]!, pictures: [{ from: picture, name: "hero.jpg" }] });
  assert.deepEqual(await writeStory(project, story), { status: "written", file: "content/ckb/middle-east/talks-resume/index.md" });
  const file = path.join(root, "content/ckb/middle-east/talks-resume/index.md");
  assert.match(await readFile(file, "utf8"), /\nlang: ckb\n/);
  assert.equal(await readFile(path.join(root, "content/ckb/middle-east/talks-resume/hero.jpg"), "utf8"), "jpeg bytes");
  assert.equal((await writeStory(project, story)).status, "unchanged");
  await writeFile(file, (await readFile(file, "utf8")).replace("First paragraph.", "Edited by the desk."));
  assert.equal((await writeStory(project, story)).status, "exists");
  assert.match(await readFile(file, "utf8"), /Edited by the desk\./);
});
