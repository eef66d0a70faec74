/** Output swap (src/output/swap.ts): a new site replaces the output whole, and leftovers of dead builds are cleared. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { removeLeftovers, stagingFolder, swapIn } from "../../src/output/swap.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-swap-");

function folderWith(folder: string, files: Record<string, string>): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
}

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  assert.equal(child.status, 0);
  return child.pid;
}

test("the staging folder sits beside the output and names this process", () => {
  assert.equal(stagingFolder("/x/_site"), `/x/_site.staging-${process.pid}`);
});

test("swapIn replaces the output folder whole", async () => {
  const out = path.join(dir, "replace", "_site");
  folderWith(out, { "index.html": "old", "gone.html": "only in the old site" });
  const staging = stagingFolder(out);
  folderWith(staging, { "index.html": "new" });
  await swapIn(staging, out);
  assert.deepEqual(readdirSync(out), ["index.html"]);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "new");
  assert.equal(existsSync(staging), false);
});

test("with no previous output swapIn just renames the staging folder into place", async () => {
  const out = path.join(dir, "first", "_site");
  const staging = stagingFolder(out);
  folderWith(staging, { "index.html": "first" });
  await swapIn(staging, out);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "first");
  assert.equal(existsSync(staging), false);
  assert.deepEqual(readdirSync(path.dirname(out)), ["_site"]);
});

test("removeLeftovers removes old outputs and staging folders of dead builds and keeps those of running ones", async () => {
  const parent = path.join(dir, "leftovers");
  const out = path.join(parent, "_site");
  const dead = deadPid();
  const running = process.ppid;
  folderWith(out, { "index.html": "current" });
  for (const name of [
    `_site.old-${dead}-1700000000000`,
    `_site.staging-${dead}`,
    `_site.old-${running}-1700000000000`,
    `_site.staging-${running}`,
    "_site.backup",
    `other.staging-${dead}`,
  ]) {
    folderWith(path.join(parent, name), { "index.html": name });
  }
  await removeLeftovers(out);
  assert.deepEqual(readdirSync(parent).sort(), ["_site", "_site.backup", `_site.old-${running}-1700000000000`, `_site.staging-${running}`, `other.staging-${dead}`].sort());
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "current");
});

test("removeLeftovers counts this process's own staging folder as a leftover", async () => {
  const out = path.join(dir, "own", "_site");
  folderWith(stagingFolder(out), { "index.html": "half-written" });
  await removeLeftovers(out);
  assert.equal(existsSync(stagingFolder(out)), false);
});
