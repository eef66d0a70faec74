/**
 * Live stories (src/render/rules/live-updates.ts, src/content/live-story.ts): a body's `::: update`
 * blocks become the story's updates, newest first whatever their order in the file, with their
 * flags, author and headline, rendered one by one; the newest is the story's `updated`. And every
 * mistake an editor can make in one is named by file, line and field.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadArticle } from "../../src/content/load-article.ts";
import { formatProblem, sortProblems } from "../../src/shared/errors.ts";
import { isoWithOffset } from "../../src/shared/dates.ts";
import { jpeg } from "../support/fixture-site.ts";
import { contentFolder } from "../support/content-folder.ts";
import { mkdir } from "node:fs/promises";
import path from "node:path";

const folder = contentFolder("dateline-live-");
const ctx = folder.context();

const BODY = [
  "The opening, above the updates.",
  "",
  "::: update 2026-01-28T14:32:00+03:00 key",
  "author: Shilan Rashid",
  "**Putin and al-Sharaa meet in the Kremlin.** The talks began at noon.",
  ":::",
  "",
  "::: update 2026-01-28 16:05",
  "The last update of the day, with no bold words in it at all, only many plain ones to make a headline from.",
  "",
  "![A map of the route.](./map.jpg \"The route. (Graphics: Desk)\")",
  ":::",
  "",
  "::: update 2026-01-28T12:05:00+03:00 pinned",
  "What we know so far.",
  ":::",
].join("\n");

async function load(name: string, fields: Record<string, unknown>, body: string) {
  const { file, text } = await folder.story(`world/${name}/index.md`, fields, body);
  return { result: await loadArticle(file, text, ctx), text };
}

/** The 1-based line of the file's line that starts with `start` (its nth, from 1). */
const lineOf = (text: string, start: string, nth = 1) => text.split("\n").map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith(start))[nth - 1]![1];

test("updates come out newest first, with their flags, author, headline and anchor; each rendered on its own; the newest is the story's update time", async () => {
  await mkdir(path.join(folder.root, "world/live-day"), { recursive: true });
  await jpeg(path.join(folder.root, "world/live-day/map.jpg"), 800, 450, "#336699");
  const { result } = await load("live-day", { live: { status: "live" } }, BODY);
  assert.ok(result.article, JSON.stringify(result.problems));
  const a = result.article;
  const live = a.live!;
  assert.equal(live.status, "live");
  assert.deepEqual(
    live.updates.map((u) => [isoWithOffset(u.time), u.key, u.pinned, u.author, u.headline, u.id, u.index]),
    [
      ["2026-01-28T16:05:00+03:00", false, false, undefined, "The last update of the day, with no bold words in it…", "update-20260128T130500Z", 1],
      ["2026-01-28T14:32:00+03:00", true, false, "Shilan Rashid", "Putin and al-Sharaa meet in the Kremlin.", "update-20260128T113200Z", 0],
      ["2026-01-28T12:05:00+03:00", false, true, undefined, "What we know so far.", "update-20260128T090500Z", 2],
    ],
  );
  assert.equal(isoWithOffset(a.updated!), "2026-01-28T16:05:00+03:00", "the newest update is the story's update");
  assert.equal(a.html, "<p>The opening, above the updates.</p>\n", "the opening alone");
  assert.match(a.updateHtml[0]!.html, /^<p><strong>Putin and al-Sharaa meet in the Kremlin\.<\/strong> The talks began at noon\.<\/p>/);
  assert.doesNotMatch(a.updateHtml[0]!.html, /author:/, "the author line is not part of the text");
  assert.match(a.updateHtml[1]!.html, /<figure class="figure">/, "a figure in an update is a figure");
  assert.match(a.updateHtml[1]!.feedHtml, /src="https:\/\//, "feeds get absolute picture addresses");
  assert.equal(a.images.length, 1, "the update's picture is planned and encoded like the body's");
});

test("a story without `live:` has no updates; `::: update` in it is a mistake", async () => {
  const plain = await load("plain", {}, "Just a story.");
  assert.equal(plain.result.article!.live, undefined);
  assert.deepEqual(plain.result.article!.updateHtml, []);
  const { result, text } = await load("not-live", {}, "Text.\n\n::: update 2026-01-28T13:00:00+03:00\nAn update.\n:::\n");
  assert.deepEqual(result.problems!.map(formatProblem), [
    `world/not-live/index.md:${lineOf(text, "::: update")}: update: an update belongs in a live story: add \`live:\` with \`status: live\` to the frontmatter`,
  ]);
});

test("each mistake in an update, by line: no time, a bad time, one before the story, two at one time, an unknown flag, two pinned, one not closed", async () => {
  const body = [
    "Opening.",
    "",
    "::: update",
    "No time.",
    ":::",
    "",
    "::: update 2026-01-28 25:00",
    "A time that is not one.",
    ":::",
    "",
    "::: update 2026-01-27T10:00:00+03:00",
    "Before the story.",
    ":::",
    "",
    "::: update 2026-01-28T13:00:00+03:00 pinned",
    "One.",
    ":::",
    "",
    "::: update 2026-01-28T13:00:00+03:00 kye pinned",
    "Same minute, a misspelt flag, a second pin.",
    ":::",
    "",
    "::: update 2026-01-28T14:00:00+03:00",
    "Never closed.",
  ].join("\n");
  const { result, text } = await load("mistakes", { live: { status: "live" } }, body);
  const at = (n: number) => `world/mistakes/index.md:${lineOf(text, "::: update", n)}: update:`;
  assert.deepEqual(sortProblems(result.problems!).map(formatProblem), [
    `${at(1)} needs its time: ::: update 2026-01-28T14:32:00+03:00`,
    `${at(2)} "2026-01-28 25:00" is not an ISO 8601 date (expected e.g. 2026-01-28T12:00:00+03:00)`,
    `${at(3)} 2026-01-27T10:00:00+03:00 is before the story's \`date\` (2026-01-28T12:00:00+03:00)`,
    `${at(5)} unknown flag "kye" (did you mean \`key\`?): an update may be marked \`key\` and \`pinned\``,
    `${at(5)} has the same time as the update on line ${lineOf(text, "::: update", 4)}: give each update its own minute`,
    `${at(5)} only one update can be pinned (the update on line ${lineOf(text, "::: update", 4)} is)`,
    `${at(6)} not closed: end the update with \`:::\` on a line of its own`,
  ]);
});

test("an ended story needs its end, after its last update; a live one has none", async () => {
  const body = "Opening.\n\n::: update 2026-01-28T18:00:00+03:00\nLate.\n:::\n";
  const ended = await load("ended-early", { live: { status: "ended", ended: "2026-01-28T17:00:00+03:00" } }, body);
  assert.deepEqual(ended.result.problems!.map(formatProblem), [`world/ended-early/index.md:${lineOf(ended.text, "  ended:")}: live.ended: is before the last update (2026-01-28T18:00:00+03:00)`]);
  const noEnd = await load("no-end", { live: { status: "ended" } }, body);
  assert.deepEqual(noEnd.result.problems!.map(formatProblem), [`world/no-end/index.md:${lineOf(noEnd.text, "  status:")}: live.status: a live story that has ended needs \`ended:\`, the time coverage ended`]);
  const both = await load("live-with-end", { live: { status: "live", ended: "2026-01-28T19:00:00+03:00" } }, body);
  assert.deepEqual(both.result.problems!.map(formatProblem), [`world/live-with-end/index.md:${lineOf(both.text, "  ended:")}: live.ended: is for a story whose coverage has ended: set \`status: ended\` too, or remove it`]);
  const fine = await load("ended-well", { live: { status: "ended", ended: "2026-01-28T19:00:00+03:00" } }, body);
  assert.equal(fine.result.article?.live?.status, "ended");
});
