/**
 * Wire copy's parts as a draft story (src/import/wire-story.ts): the pictures where their captions
 * stood, placed only when they carry alt text; the byline; the summary; the notes for the editor.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parseWireCopy, type WireCopy } from "../../src/import/wire-copy.ts";
import { firstSentences, wireStory, type WirePicture, type WireStoryInput } from "../../src/import/wire-story.ts";
import { parseDate, type Instant } from "../../src/shared/dates.ts";
import type { Section } from "../../src/site/sections.ts";
import { FIXTURES } from "../support/fixture-site.ts";
import { testEditions } from "../support/test-site.ts";

const [en] = testEditions();
const world: Section = { name: "World", slug: "world", url: "/world/", description: "World", lang: "en" };
const date = parseDate("2026-01-28T12:00:00+03:00", "Asia/Baghdad") as Instant;
const copyOf = (text: string): WireCopy => parseWireCopy(text).copy!;
const summit = copyOf(readFileSync(path.join(FIXTURES, "wire", "moscow-summit.txt"), "utf8"));
const picture = (name: string, hasAlt: boolean): WirePicture => ({ from: `/in/${name}`, name, hasAlt });

const story = (o: Partial<WireStoryInput> = {}) =>
  wireStory({ copy: summit, origin: "moscow-summit.txt", edition: en!, section: world, slug: "s", date, author: undefined, fallbackAuthor: "Fixture Times", pictures: [], ...o });

test("the first caption above the story is the story's picture when it carries alt text; a later one is a figure at its place", () => {
  const { draft, placed, needed } = story({ pictures: [picture("kremlin.jpg", true), picture("armour.jpg", true)] });
  assert.deepEqual(draft.fields.image, { src: "./kremlin.jpg", caption: "An illustration of the two presidents shaking hands. (Graphics: Kurdistan24)" });
  assert.ok(draft.body.startsWith("Syria’s president Ahmed al-Sharaa reached Moscow"), "the body opens with the story, the dateline taken off");
  assert.match(draft.body, /taking tanks, radars and trucks to bases near Latakia\.\n\n!\[\]\(\.\/armour\.jpg "Russian armour on the road out of Qamishlo\. \(Photo: AFP\)"\)\n\nRussian troops first came/);
  assert.deepEqual(draft.pictures, [{ from: "/in/kremlin.jpg", name: "kremlin.jpg" }, { from: "/in/armour.jpg", name: "armour.jpg" }]);
  assert.deepEqual([placed, needed], [2, 0]);
});

test("a caption without a picture, or with one that carries no alt text, waits in a ::: picture-needed block at its place", () => {
  const { draft, placed, needed, needAlt } = story({ pictures: [picture("kremlin.jpg", false)] });
  assert.equal(draft.fields.image, undefined);
  assert.ok(draft.body.startsWith("::: picture-needed kremlin.jpg\nAn illustration of the two presidents shaking hands. (Graphics: Kurdistan24)\n:::\n\nSyria’s president"));
  assert.match(draft.body, /trucks to bases near Latakia\.\n\n::: picture-needed\nRussian armour on the road out of Qamishlo\. \(Photo: AFP\)\n:::\n\nRussian troops/);
  assert.deepEqual(draft.pictures, [{ from: "/in/kremlin.jpg", name: "kremlin.jpg" }], "the picture goes beside the story, waiting for its alt text");
  assert.deepEqual([placed, needed, needAlt], [0, 2, 1]);
  assert.ok(draft.notes!.includes("1 caption waits for a picture: each ::: picture-needed block says what to do (npm run check lists them)."));
  assert.ok(draft.notes!.includes("1 picture beside the story has no alt text: write what each shows, as its ::: picture-needed block says."));
});

test("subheads, paragraphs and quotes in the Markdown as typed; the fields from the copy; the byline is the agency", () => {
  const { draft } = story();
  assert.equal(draft.fields.title, "Syria’s Leader Flies to Moscow for Talks With Putin");
  assert.match(draft.fields.summary, /^Ahmed al-Sharaa sat down/);
  assert.deepEqual(draft.fields.dateline, { place: "ERBIL", source: "Kurdistan24" });
  assert.deepEqual(draft.fields.author, ["Kurdistan24"]);
  assert.equal(draft.fields.draft, true);
  assert.match(draft.body, /\n\n## A Shrinking Presence in the Northeast\n\n/);
  assert.ok(draft.body.includes(`The Kremlin said on Tuesday that the two men would review "relations between our countries and how to develop them," according to Agence France-Presse (AFP).`));
  assert.ok(draft.body.includes("Mediterranean — the air base at Hmeimim"));
  assert.ok(draft.notes!.some((n) => n.startsWith('Lines taken for subheads (##): "A Shrinking Presence in the Northeast", "The Question of Extradition", "What Comes Next"')));
});

test("the byline: --author, else the dateline's agency, else the site's name with a note", () => {
  assert.deepEqual(story({ author: "Shilan Rashid" }).draft.fields.author, ["Shilan Rashid"]);
  const unsigned = story({ copy: copyOf("Roads reopen\n\nCrews worked overnight.\n\nThe roads reopened on Sunday.") });
  assert.deepEqual(unsigned.draft.fields.author, ["Fixture Times"]);
  assert.ok(unsigned.draft.notes!.some((n) => n.startsWith("No --author was given and no dateline names an agency")));
});

test("without a standfirst, the summary is the story's first sentences, up to a summary's length, and a note says so", () => {
  const { draft } = story({ copy: copyOf("Roads reopen\n\nWASHINGTON (AP) – Crews reopened the roads. Traffic moved again by noon on Sunday. Schools stay shut. More snow is due.\n\nMore later.") });
  assert.equal(draft.fields.summary, "Crews reopened the roads. Traffic moved again by noon on Sunday.");
  assert.ok(draft.notes!.includes("The copy has no standfirst: the summary is the story's first sentences; write one."));
  assert.equal(firstSentences(`${"A very long first sentence ".repeat(10)}ends here. Second.`, "en"), `${"A very long first sentence ".repeat(10)}ends here.`);
});
