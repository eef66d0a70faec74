/** Output swap (src/output/swap.ts): a new site replaces the output whole; what dead builds left is put back or cleared. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { setTimeout } from "node:timers/promises";
import { recoverLeftovers, spareFolder, stagingFolder, swapIn } from "../../src/output/swap.ts";
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

test("swapIn replaces the output folder whole, and keeps the old one as the spare", async () => {
  const out = path.join(dir, "replace", "_site");
  folderWith(out, { "index.html": "old", "gone.html": "only in the old site", ".dateline-output": "" });
  const staging = stagingFolder(out);
  folderWith(staging, { "index.html": "new" });
  swapIn(staging, out);
  assert.deepEqual(readdirSync(out), ["index.html"]);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "new");
  assert.equal(existsSync(staging), false);
  assert.deepEqual(readdirSync(spareFolder(out)).sort(), [".dateline-output", "gone.html", "index.html"]);
  assert.equal(readFileSync(path.join(spareFolder(out), "index.html"), "utf8"), "old");
  // The next swap: the spare it did not take is deleted by a process of its own.
  folderWith(staging, { "index.html": "newer", ".dateline-output": "" });
  swapIn(staging, out);
  assert.equal(readFileSync(path.join(spareFolder(out), "index.html"), "utf8"), "new");
  const beside = () => readdirSync(path.dirname(out)).filter((name) => name !== "_site" && name !== "_site.spare");
  assert.ok(beside().every((name) => /^_site\.old-\d+-\d+-spare$/.test(name)), beside().join(", "));
  while (beside().length) await setTimeout(20);
});

test("a folder named like the spare that no build made is left alone, and the old output deleted", async () => {
  const out = path.join(dir, "foreign-spare", "_site");
  folderWith(out, { "index.html": "old", ".dateline-output": "" });
  folderWith(spareFolder(out), { "notes.txt": "someone's own folder" });
  folderWith(stagingFolder(out), { "index.html": "new" });
  swapIn(stagingFolder(out), out);
  assert.deepEqual(readdirSync(spareFolder(out)), ["notes.txt"]);
  const beside = () => readdirSync(path.dirname(out)).filter((name) => name !== "_site" && name !== "_site.spare");
  while (beside().length) await setTimeout(20);
});

test("with no previous output swapIn just renames the staging folder into place", async () => {
  const out = path.join(dir, "first", "_site");
  const staging = stagingFolder(out);
  folderWith(staging, { "index.html": "first" });
  swapIn(staging, out);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "first");
  assert.equal(existsSync(staging), false);
  assert.deepEqual(readdirSync(path.dirname(out)), ["_site"]);
});

test("recoverLeftovers removes old outputs and staging folders of dead builds and keeps those of running ones", async () => {
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
  await recoverLeftovers(out);
  assert.deepEqual(readdirSync(parent).sort(), ["_site", "_site.backup", `_site.old-${running}-1700000000000`, `_site.staging-${running}`, `other.staging-${dead}`].sort());
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "current");
});

test("recoverLeftovers counts this process's own staging folder as a leftover", async () => {
  const out = path.join(dir, "own", "_site");
  folderWith(stagingFolder(out), { "index.html": "half-written" });
  await recoverLeftovers(out);
  assert.equal(existsSync(stagingFolder(out)), false);
});

/**
 * What a build killed during its swap leaves in a new folder: the old output moved away, the journal
 * naming it, and the output already in place (after the second rename) or not (between the renames).
 */
function killedSwap(name: string, o: { outputInPlace: boolean }): { parent: string; out: string } {
  const parent = path.join(dir, name);
  const out = path.join(parent, "_site");
  const old = `_site.old-${deadPid()}-1700000000000`;
  folderWith(path.join(parent, old), { "index.html": "the site readers had" });
  writeFileSync(path.join(parent, `_site.swapping-${old.split("-")[1]}`), old);
  if (o.outputInPlace) folderWith(out, { "index.html": "new" });
  else folderWith(path.join(parent, `_site.staging-${old.split("-")[1]}`), { "index.html": "never published" });
  return { parent, out };
}

test("a swap killed between its renames: the next build puts the old output back, and clears the rest", async () => {
  const { parent, out } = killedSwap("killed", { outputInPlace: false });
  await recoverLeftovers(out);
  assert.deepEqual(readdirSync(parent), ["_site"]);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "the site readers had");
});

test("a journal left after the second rename (the new output in place) restores nothing", async () => {
  const { parent, out } = killedSwap("after-swap", { outputInPlace: true });
  await recoverLeftovers(out);
  assert.deepEqual(readdirSync(parent), ["_site"]);
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "new");
});

test("an old output without a journal (a deletion that was cut short) is never put back", async () => {
  const parent = path.join(dir, "no-journal");
  const out = path.join(parent, "_site");
  folderWith(path.join(parent, `_site.old-${deadPid()}-1700000000000`), { "index.html": "half deleted" });
  await recoverLeftovers(out);
  assert.deepEqual(readdirSync(parent), []);
});

test("a swap leaves no journal behind", () => {
  const out = path.join(dir, "journal", "_site");
  folderWith(out, { "index.html": "old" });
  folderWith(stagingFolder(out), { "index.html": "new" });
  swapIn(stagingFolder(out), out);
  assert.ok(!readdirSync(path.dirname(out)).some((name) => name.includes("swapping")));
});
