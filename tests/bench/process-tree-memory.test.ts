/**
 * tests/bench/process-tree-memory.ts: the memory of a process tree, read from /proc, as `npm run bench`
 * reports it for each build (the build and Pagefind's indexer together).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";
import { treeMemory, watchTreePeak } from "./process-tree-memory.ts";

const HELD_MB = 120;

/**
 * A node process whose child holds HELD_MB of written memory; resolves with both pids once the child
 * holds it (the parent says so on its stdout), and a function that ends both.
 */
async function treeHoldingMemory(): Promise<{ parent: number; child: number; end: () => Promise<void> }> {
  const childScript = `const b = Buffer.alloc(${HELD_MB} * 1024 * 1024, 1); process.send("held"); setInterval(() => b[0]++, 1000);`;
  const parentScript = `const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ["-e", ${JSON.stringify(childScript)}], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", () => console.log("held " + child.pid));
    process.on("SIGTERM", () => { child.kill(); process.exit(0); });`;
  const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
  const ended = once(parent, "exit").then(() => {
    throw new Error("the parent ended before its child held the memory");
  });
  const [line] = (await Promise.race([once(parent.stdout, "data"), ended])) as [Buffer];
  const child = Number(/^held (\d+)/.exec(line.toString())?.[1]);
  return {
    parent: parent.pid!,
    child,
    end: async () => {
      parent.kill();
      await once(parent, "exit");
    },
  };
}

test("a process's tree: itself and its child, each with its resident memory; nothing once it is gone", { skip: process.platform !== "linux" && "reads Linux's /proc" }, async () => {
  const tree = await treeHoldingMemory();
  try {
    const processes = treeMemory(tree.parent);
    assert.deepEqual(processes.map((p) => p.pid).sort((a, b) => a - b), [tree.parent, tree.child].sort((a, b) => a - b));
    assert.ok(processes.every((p) => p.name === "node"), JSON.stringify(processes));
    const child = processes.find((p) => p.pid === tree.child)!;
    assert.ok(child.rssKb >= HELD_MB * 1024, `the child holds ${HELD_MB} MB: ${child.rssKb} kB`);
    assert.deepEqual(treeMemory(tree.child).map((p) => p.pid), [tree.child], "a subtree is only itself and what is under it");

    const watch = watchTreePeak(tree.parent);
    const peak = watch.stop();
    const sum = processes.reduce((s, p) => s + p.rssKb, 0) / 1024;
    assert.ok(peak.allMb >= HELD_MB && Math.abs(peak.allMb - sum) < 20, `all processes together: ${peak.allMb} MB, against ${sum} MB summed`);
    assert.ok((peak.byName.get("node") ?? 0) >= HELD_MB, "the largest node process");
    assert.ok((peak.byName.get("node") ?? 0) < peak.allMb, "one process is less than the tree");
  } finally {
    await tree.end();
  }
  assert.deepEqual(treeMemory(tree.parent), []);
});
