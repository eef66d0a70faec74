/**
 * `npm run build` as editors and CI run it: the real CLI in a copy of the fixture site. The build
 * report, the embargo boundary with a fixed clock (flag and environment variable), previews with
 * --drafts --future, and byte-identical output from two builds with the same clock.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { hashTree, makeFixtureSite, removeSite, REPO } from "./support/fixture-site.ts";

let root: string;
const EMBARGOED = "world/a-story-under-embargo/index.html";
const DRAFT = "world/an-unfinished-draft/index.html";

async function build(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile);
  const cli = [...["--import", import.meta.resolve("tsx")], path.join(REPO, "src/cli/build.ts"), ...args];
  // DATELINE_SEARCH=0: the search index is tested elsewhere and would only slow these builds down.
  const options = { cwd: root, env: { ...process.env, DATELINE_NOW: "", DATELINE_SEARCH: "0", ...env } };
  return run(process.execPath, cli, options).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}


before(async () => {
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
});
after(() => removeSite(root));

test("the build ends with a report: pages, articles, drafts, embargoes with their times, images", async () => {
  const { code, stdout } = await build(["--now", "2026-01-30T12:00:00+03:00"]);
  assert.equal(code, 0);
  assert.match(stdout, /^Built _site\/ in \d+\.\d\d s: \d+ pages, 2 articles published$/m);
  assert.match(stdout, /^ {2}drafts skipped: 1$/m);
  assert.match(stdout, /^ {2}embargoed: 1\n {4}content\/world\/embargoed-story.md until 2026-02-01T06:00:00\+03:00$/m);
  assert.match(stdout, /^ {2}images: \d+ encoded, \d+ reused from the cache$/m);
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

test("a bad --now is refused", async () => {
  const { code, stderr } = await build(["--now", "next tuesday"]);
  assert.equal(code, 1);
  assert.match(stderr, /now: "next tuesday" is not an ISO 8601 date/);
});

test("the build runs in a child: Dateline's code bundled (no TypeScript loader), glibc's malloc held to two arenas, its arguments and exit code passed through", async () => {
  const probe = path.join(REPO, "tests/support/launch-probe.ts");
  const run = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), probe, "--now", "2026-01-30T12:00:00+03:00"], { env: { ...process.env, ...env } }).then(
      () => assert.fail("the probe exits with 3"),
      (e: { code: number; stdout: string }) => {
        assert.equal(e.code, 3);
        return JSON.parse(e.stdout) as { arenas: string; script: string; args: string[]; repo: string };
      },
    );
  const child = await run({ MALLOC_ARENA_MAX: "" });
  assert.equal(child.arenas, "2");
  assert.match(child.script, /node_modules\/\.cache\/dateline\/launch-child-[0-9a-f]{16}\.mjs$/);
  assert.deepEqual(child.args, ["--now", "2026-01-30T12:00:00+03:00"]);
  assert.equal(path.resolve(child.repo), path.resolve(REPO), "the bundle finds the checkout from node_modules/.cache");
  assert.equal((await run({ MALLOC_ARENA_MAX: "4" })).arenas, "4", "a limit already set is left alone");
});
