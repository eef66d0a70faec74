/**
 * Wire copy taken apart (src/import/wire-copy.ts), on strings and on the fixtures in
 * tests/fixtures/wire/ (written for these tests, in the shape of the agencies' copy).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parseWireCopy, type WireCopy, type WirePart } from "../../src/import/wire-copy.ts";
import { FIXTURES } from "../support/fixture-site.ts";

const fixture = (name: string) => readFileSync(path.join(FIXTURES, "wire", name), "utf8");

function parsed(text: string): WireCopy {
  const result = parseWireCopy(text);
  assert.equal(result.refused, undefined);
  return result.copy!;
}

const kinds = (parts: readonly WirePart[]) => parts.map((p) => p.kind);

test("the reference report's shape: headline, standfirst, the hero's caption given twice, dateline, subheads, a later caption in its place", () => {
  const copy = parsed(fixture("moscow-summit.txt"));
  assert.equal(copy.headline, "Syria’s Leader Flies to Moscow for Talks With Putin");
  assert.match(copy.standfirst!, /^Ahmed al-Sharaa sat down with Vladimir Putin .* Qamishlo\.$/);
  assert.deepEqual(copy.dateline, { place: "ERBIL", source: "Kurdistan24" });
  assert.deepEqual(kinds(copy.parts), [
    "caption", "paragraph", "paragraph", "paragraph", "subhead", "paragraph", "paragraph", "caption", "paragraph", "subhead", "paragraph", "paragraph", "subhead", "paragraph", "paragraph",
  ]);
  assert.deepEqual(copy.parts[0], { kind: "caption", text: "An illustration of the two presidents shaking hands. (Graphics: Kurdistan24)" });
  assert.ok(copy.parts[1]!.text.startsWith("Syria’s president Ahmed al-Sharaa reached Moscow"), "the dateline is taken off the first paragraph");
  assert.deepEqual(copy.parts.filter((p) => p.kind === "subhead").map((p) => p.text), ["A Shrinking Presence in the Northeast", "The Question of Extradition", "What Comes Next"]);
  assert.deepEqual(copy.parts[7], { kind: "caption", text: "Russian armour on the road out of Qamishlo. (Photo: AFP)" });
});

test("quotes, apostrophes and dashes come through exactly as typed", () => {
  const copy = parsed(fixture("moscow-summit.txt"));
  const all = copy.parts.map((p) => p.text).join("\n");
  for (const typed of ["Syria’s", '"relations between our countries and how to develop them,"', "Mediterranean — the air base", "Kurdistan24’s", 'a "new phase":']) {
    assert.ok(all.includes(typed), typed);
  }
});

test("a caption is a short line ending in a labelled credit; a paragraph ending in (AFP) without a label is text", () => {
  const copy = parsed(fixture("duhok-snow-afp.txt"));
  assert.deepEqual(copy.dateline, { place: "DUHOK, Kurdistan Region", source: "AFP" });
  assert.deepEqual(kinds(copy.parts), ["paragraph", "caption", "paragraph", "paragraph", "caption", "paragraph"]);
  assert.match(copy.parts[2]!.text, /more snow on Tuesday \(AFP\)\.$/);
  assert.deepEqual(copy.parts[4], { kind: "caption", text: "Families wait for a fuel truck outside Zakho. (Photo: Rudaw)" });
});

test("a line repeated is one caption even without a credit, and a long line with a credit is a paragraph", () => {
  const long = `${"The minister spoke for an hour about the budget, the oil exports and the salaries. ".repeat(4)}(Photo: AFP)`;
  const copy = parsed(`Budget talks\n\nA standfirst sentence here.\n\nThe minister at the podium.\nThe minister at the podium.\n\nBAGHDAD (AFP) - The talks began.\n\n${long}\n\nThe end.`);
  assert.deepEqual(copy.parts, [
    { kind: "caption", text: "The minister at the podium." },
    { kind: "paragraph", text: "The talks began." },
    { kind: "paragraph", text: long },
    { kind: "paragraph", text: "The end." },
  ]);
});

test("captions in Arabic and Sorani copy, with their datelines", () => {
  const arabic = parsed(fixture("arbil-arabic.txt"));
  assert.deepEqual(arabic.dateline, { place: "أربيل", source: "كوردستان 24" });
  assert.deepEqual(arabic.parts[0], { kind: "caption", text: "رئيس الإقليم خلال استقباله الوفد. (صورة: كوردستان 24)" });
  const sorani = parsed(fixture("hewler-sorani.txt"));
  assert.deepEqual(sorani.dateline, { place: "هەولێر", source: "کوردستان24" });
  assert.deepEqual(kinds(sorani.parts), ["caption", "paragraph", "paragraph"]);
});

test("no standfirst when the story opens under the headline with its dateline, or is one paragraph", () => {
  const opens = parsed("Roads reopen\n\nWASHINGTON (AP) – Crews reopened the roads. Traffic moved again.\n\nMore later.");
  assert.equal(opens.standfirst, undefined);
  assert.deepEqual(opens.parts, [
    { kind: "paragraph", text: "Crews reopened the roads. Traffic moved again." },
    { kind: "paragraph", text: "More later." },
  ]);
  const brief = parsed("Roads reopen\n\nCrews reopened the roads on Sunday.");
  assert.equal(brief.standfirst, undefined);
  assert.equal(brief.parts.length, 1);
});

test("paragraphs stay paragraphs: hard-wrapped lines stay one paragraph, long lines without blank lines are one each", () => {
  const wrapped = parsed("Headline here\n\nThe standfirst.\n\nERBIL (Rudaw) - The first line of a paragraph\nwrapped at a short width by the agency.\n\nA second paragraph.");
  assert.deepEqual(wrapped.parts, [
    { kind: "paragraph", text: "The first line of a paragraph\nwrapped at a short width by the agency." },
    { kind: "paragraph", text: "A second paragraph." },
  ]);
  const sentence = "This sentence is long enough that no agency would wrap its copy at this width, so it is a paragraph.";
  const lines = parsed(`Headline here\nThe standfirst, right under it.\n${sentence} One.\n${sentence} Two.`);
  assert.equal(lines.standfirst, "The standfirst, right under it.");
  assert.deepEqual(lines.parts, [
    { kind: "paragraph", text: `${sentence} One.` },
    { kind: "paragraph", text: `${sentence} Two.` },
  ]);
});

test("a subhead is a short line without a final stop, between paragraphs: not the opening, not the last line, not a quote", () => {
  const copy = parsed("Headline\n\nStandfirst.\n\nOpening line without a stop\n\nA Subhead Here\n\n“We will stay,” he said\n\nText.\n\nEditing by the desk");
  assert.deepEqual(kinds(copy.parts), ["paragraph", "subhead", "paragraph", "paragraph", "paragraph"]);
});

test("a headline given twice is kept once; a caption before the standfirst stays above the story", () => {
  const copy = parsed("Talks resume\nTalks resume\n\nThe hall before the talks. (Photo: AFP)\n\nThe standfirst.\n\nERBIL (AFP) - Text.");
  assert.equal(copy.standfirst, "The standfirst.");
  assert.deepEqual(kinds(copy.parts), ["caption", "paragraph"]);
});

test("not wire copy: empty, blank, no headline first, no story", () => {
  const refused = (text: string) => parseWireCopy(text).refused;
  assert.match(refused("")!, /^empty/);
  assert.match(refused(" \n\t\n  ")!, /^empty/);
  assert.match(refused("ERBIL (Kurdistan24) - The story starts at once.\n\nMore.")!, /^no headline: the copy starts with its dateline/);
  assert.match(refused(`${"A very long first line. ".repeat(12)}\n\nMore.`)!, /^no headline: the first line is \d+ characters long/);
  assert.match(refused("The minister at the podium. (Photo: AFP)\n\nText.")!, /^no headline: the first line is a picture's caption/);
  assert.match(refused("12345 ----\n\nText.")!, /^no headline: the first line, "12345 ----", has no words/);
  assert.match(refused("A headline alone")!, /^no story under the headline/);
  assert.match(refused("A headline\n\nThe minister at the podium. (Photo: AFP)")!, /^no story under the headline/);
});
