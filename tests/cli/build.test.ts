/**
 * `npm run build` as editors and CI run it, in a copy of the fixture site: the command's function in
 * this process (the real command runs in tests/cli/run-build.test.ts and the builds' tests). The build
 * report, the embargo boundary with a fixed clock (flag and environment variable), previews with
 * --drafts --future, and byte-identical output from two builds with the same clock.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { hashTree, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { runInProcess, type Run } from "../support/run-cli.ts";
import { workLine } from "../../src/cli/build-command.ts";

let root: string;
const EMBARGOED = "world/a-story-under-embargo/index.html";
const DRAFT = "world/an-unfinished-draft/index.html";

function build(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // DATELINE_SEARCH=0: the search index is tested elsewhere and would only slow these builds down.
  return runInProcess("build", args, { cwd: root, env: { ...process.env, DATELINE_NOW: "", DATELINE_SEARCH: "0", ...env } });
}

before(async () => {
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
});
after(() => removeSite(root));

test("the build ends with a report: the time from the command's start, pages, articles, drafts, embargoes with their times, images", async () => {
  // As if the command had started an hour ago: the time reported counts from the command's start (start-up included).
  const { code, stdout } = await build(["--now", "2026-01-30T12:00:00+03:00"], { DATELINE_STARTED_AT: String(Date.now() - 3_600_000) });
  assert.equal(code, 0);
  assert.match(stdout, /^Built _site\/ in 36\d\d\.\d\d s: \d+ pages, 2 articles published$/m);
  assert.match(stdout, /^ {2}drafts skipped: 1$/m);
  assert.match(stdout, /^ {2}embargoed: 1\n {4}content\/world\/embargoed-story.md until 2026-02-01T06:00:00\+03:00$/m);
  assert.match(stdout, /^ {2}images: \d+ encoded, \d+ reused from the cache$/m);
  // Where the time went, step by step: the steps add up to the whole, the hour before the build's
  // first hook being start-up.
  const time = /^ {2}time: start-up (36\d\d\.\d\d) s, stories (\d+\.\d\d) s, Eleventy (\d+\.\d\d) s, pages (\d+\.\d\d) s, pictures and search (\d+\.\d\d) s, output (\d+\.\d\d) s$/m.exec(stdout);
  assert.ok(time, stdout);
  const total = Number(/^Built _site\/ in (\d+\.\d\d) s/m.exec(stdout)?.[1]);
  const sum = time.slice(1).reduce((s, x) => s + Number(x), 0);
  assert.ok(Math.abs(sum - total) <= 0.05, `the steps add up to ${sum.toFixed(2)} s, the build took ${total} s`);
  // And by kind of work, within the steps after start-up (search is off here: no Pagefind time follows).
  const work = /^ {2}work: read (\d+\.\d\d) s, validate (\d+\.\d\d) s, render (\d+\.\d\d) s, templates (\d+\.\d\d) s, write (\d+\.\d\d) s$/m.exec(stdout);
  assert.ok(work, stdout);
  const kinds = work.slice(1).reduce((s, x) => s + Number(x), 0);
  assert.ok(kinds > 0 && kinds <= sum - Number(time[1]) + 0.05, `the kinds of work fit in the steps: ${work[0]}`);
});

test("the report tells the desk when the breaking bar comes down, which curated story waits for its embargo, and which has gone stale", async () => {
  const data = path.join(root, "content/_data");
  await writeFile(path.join(data, "front.yaml"), "lead: a-story-under-embargo\ntop: [leaders-meet-in-moscow-as-troops-leave-the-north]\n");
  await writeFile(path.join(data, "breaking.yaml"), "text: Polls have closed\nuntil: 2026-01-30T18:00\n");
  try {
    const { code, stdout } = await build(["--now", "2026-01-31T12:00:00+03:00"]);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}front page and breaking news:\n {4}content\/_data\/breaking.yaml: until: the bar expired at 2026-01-30T18:00:00\+03:00 and is not shown: remove the file\n {4}content\/_data\/front.yaml:1: lead: "a-story-under-embargo" is embargoed until 2026-02-01T06:00:00\+03:00: the front page shows it from the first build after then\n {4}content\/_data\/front.yaml:2: top.0: warning: "leaders-meet-in-moscow-as-troops-leave-the-north" was last published or updated 2 days ago, longer than stale_after \(48h\): is it still front-page news\?$/m);
    const before = await build(["--now", "2026-01-30T12:00:00+03:00"]);
    assert.match(before.stdout, /^ {4}content\/_data\/breaking.yaml: text: the bar is shown on every English page until 2026-01-30T18:00:00\+03:00: a build after then takes it down$/m);
    assert.match(await readFile(path.join(root, "_site/index.html"), "utf8"), /<aside class="breaking"/);
  } finally {
    await rm(path.join(data, "front.yaml"));
    await rm(path.join(data, "breaking.yaml"));
  }
});

test("the work line adds Pagefind's time when the build indexed a month, and not when every month came from the cache", () => {
  const work = { read: 1.234, validate: 0.5, render: 2, templates: 0.25, write: 3 };
  const kinds = "read 1.23 s, validate 0.50 s, render 2.00 s, templates 0.25 s, write 3.00 s";
  assert.equal(workLine({ work, search: { pages: 10, months: 3, made: 1, seconds: 4.567 } }), `${kinds}; index 4.57 s alongside (Pagefind)`);
  assert.equal(workLine({ work, search: { pages: 10, months: 3, made: 0, seconds: 0.01 } }), kinds);
  assert.equal(workLine({ work, search: "off" }), kinds);
  assert.equal(workLine({ work, search: "updating" }), kinds);
});

test("an embargoed story is published by the first build at or after its time, not before", async () => {
  await build(["--now", "2026-02-01T05:59:59+03:00"]);
  assert.ok(!existsSync(path.join(root, "_site", EMBARGOED)), "one second early: not published");
  await build(["--now", "2026-02-01T06:00:00+03:00"]);
  assert.ok(existsSync(path.join(root, "_site", EMBARGOED)), "on the second: published");
});

test("the clock can be fixed through DATELINE_NOW too (for CI)", async () => {
  await build([], { DATELINE_NOW: "2026-01-31T12:00:00+03:00" });
  assert.ok(!existsSync(path.join(root, "_site", EMBARGOED)));
  await build([], { DATELINE_NOW: "2026-02-02T00:00:00+03:00" });
  assert.ok(existsSync(path.join(root, "_site", EMBARGOED)));
});

test("--drafts --future include drafts and embargoed stories, marked as such", async () => {
  const { stdout } = await build(["--now", "2026-01-30T12:00:00+03:00", "--drafts", "--future"]);
  assert.match(stdout, /4 articles published/);
  assert.match(await readFile(path.join(root, "_site", DRAFT), "utf8"), /Draft: not published/);
  assert.match(await readFile(path.join(root, "_site", EMBARGOED), "utf8"), /Embargoed until 1 February 2026, 06:00 GMT\+3/);
  await build(["--now", "2026-01-30T12:00:00+03:00"]);
  assert.ok(!existsSync(path.join(root, "_site", DRAFT)), "a production build never has the draft");
});

test("two builds with the same clock are byte-identical, even with a cold image cache", async () => {
  const now = ["--now", "2026-01-30T12:00:00+03:00"];
  await build([...now, "--output", "first"], { DATELINE_SEARCH: "1" });
  await rm(path.join(root, ".cache"), { recursive: true, force: true });
  await build([...now, "--output", "second"], { DATELINE_SEARCH: "1" });
  const [first, second] = await Promise.all([hashTree(path.join(root, "first")), hashTree(path.join(root, "second"))]);
  assert.ok(first.size > 30);
  assert.deepEqual(second, first);
});

test("an unknown option is refused with the usage, exit 2, nothing built", async () => {
  const { code, stdout, stderr } = await build(["--ouptut", "elsewhere"]);
  assert.equal(code, 2);
  assert.equal(stdout, "");
  assert.match(stderr, /^Unknown option '--ouptut'.*\n\nUsage: npm run build -- \[--now .*\[--output DIR\]\n$/s);
  assert.ok(!existsSync(path.join(root, "elsewhere")));
});

test("a bad --now is refused", async () => {
  const { code, stderr } = await build(["--now", "next tuesday"]);
  assert.equal(code, 1);
  assert.match(stderr, /now: "next tuesday" is not an ISO 8601 date/);
});
