/**
 * How test files share a site (tests/support/shared-site.ts): made once however many ask at once,
 * read back from the note, a failed build told to every file that waits for it, a claim left by a
 * dead process taken over, and a file run on its own making and removing its own copy.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { removeSiteFolder, SHARED_FOLDER, sharedSite } from "./shared-site.ts";

let shared: string;
const before = process.env[SHARED_FOLDER];
beforeEach(async () => {
  shared = await mkdtemp(path.join(tmpdir(), "dateline-shared-test-"));
  process.env[SHARED_FOLDER] = shared;
});
afterEach(async () => {
  if (before === undefined) delete process.env[SHARED_FOLDER];
  else process.env[SHARED_FOLDER] = before;
  await rm(shared, { recursive: true, force: true });
});

/** A maker that counts its runs and makes a real folder, as a site's maker does. */
function maker(value = "v") {
  const made: string[] = [];
  const make = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-made-"));
    made.push(dir);
    return { dir, value };
  };
  return { made, make };
}

test("asked for at once by several files, the site is made once, and every one reads the same note", async () => {
  const { made, make } = maker();
  const all = await Promise.all([sharedSite("a", make), sharedSite("a", make), sharedSite("a", make)]);
  assert.equal(made.length, 1);
  for (const { site } of all) assert.deepEqual(site, { dir: made[0], value: "v" });
  // Shared: a file's release leaves it for the others (the runner removes it at the end).
  await all[0]!.release();
  assert.ok(existsSync(made[0]!));
  await removeSiteFolder(made[0]!);
});

test("two sites by two names are made apart", async () => {
  const first = maker("one");
  const second = maker("two");
  const [a, b] = await Promise.all([sharedSite("one", first.make), sharedSite("two", second.make)]);
  assert.equal(a.site.value, "one");
  assert.equal(b.site.value, "two");
  await Promise.all([removeSiteFolder(a.site.dir), removeSiteFolder(b.site.dir)]);
});

test("a build that fails fails the file that made it, and every file waiting for it, with its message", async () => {
  const failing = async (): Promise<{ dir: string }> => {
    throw new Error("content/x.md:3: title: required");
  };
  const [own, waiting] = await Promise.allSettled([sharedSite("bad", failing), sharedSite("bad", failing)]);
  assert.equal(own.status, "rejected");
  assert.equal((own as PromiseRejectedResult).reason.message, "content/x.md:3: title: required");
  assert.equal(waiting.status, "rejected");
  assert.equal((waiting as PromiseRejectedResult).reason.message, 'the shared "bad" site was not built (another test file tried): content/x.md:3: title: required');
});

test("a claim left by a process that died is taken over", async () => {
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  mkdirSync(path.join(shared, "left.claim"));
  writeFileSync(path.join(shared, "left.claim", "pid"), dead.stdout);
  const { made, make } = maker();
  const { site } = await sharedSite("left", make);
  assert.equal(made.length, 1);
  assert.equal(site.dir, made[0]);
  await removeSiteFolder(site.dir);
});

test("a file run on its own makes its own copy, and its release removes it", async () => {
  delete process.env[SHARED_FOLDER];
  const { made, make } = maker();
  const { site, release } = await sharedSite("alone", make);
  assert.equal(site.dir, made[0]);
  await release();
  assert.ok(!existsSync(site.dir));
});

test("only a dateline- folder in the temporary folder is removed", async () => {
  await assert.rejects(removeSiteFolder(process.cwd()), /not a test site's folder, not removed/);
  await assert.rejects(removeSiteFolder(path.join(tmpdir(), "other")), /not a test site's folder/);
  await assert.rejects(removeSiteFolder(path.join(tmpdir(), "dateline-x", "deeper")), /not a test site's folder/);
});
