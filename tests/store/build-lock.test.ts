/** One build of a project at a time (src/store/build-lock.ts): taken, taken again by its holder, waited for, taken over from the dead. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { lockStore, unlockStore } from "../../src/store/build-lock.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-lock-");
const lockFile = (store: string) => path.join(store, "build.lock");

test("a free lock is taken (its folder made), taken again by the same process, and released", async () => {
  const store = path.join(dir, "free", ".cache");
  await lockStore(store);
  assert.equal(readFileSync(lockFile(store), "utf8"), String(process.pid));
  await lockStore(store);
  // The lock appears with its content (written beside it, then linked in): nothing is left beside it.
  assert.deepEqual(readdirSync(store), ["build.lock"]);
  unlockStore(store);
  assert.ok(!existsSync(lockFile(store)));
});

test("a lock file with no process in it (written by hand, or emptied) is taken over", async () => {
  for (const text of ["", "not a process"]) {
    const store = path.join(dir, `empty-${text.length}`);
    mkdirSync(store, { recursive: true });
    writeFileSync(lockFile(store), text);
    await lockStore(store);
    assert.equal(readFileSync(lockFile(store), "utf8"), String(process.pid));
    unlockStore(store);
  }
});

test("a lock left by a process that died is taken over", async () => {
  const store = path.join(dir, "stale");
  const dead = spawnSync(process.execPath, ["-e", ""]).pid;
  mkdirSync(store, { recursive: true });
  writeFileSync(lockFile(store), String(dead));
  await lockStore(store);
  assert.equal(readFileSync(lockFile(store), "utf8"), String(process.pid));
  unlockStore(store);
});

test("a lock a live process holds is waited for, and taken once it is released; another's lock is never released by this one", async () => {
  const store = path.join(dir, "held");
  const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  try {
    mkdirSync(store, { recursive: true });
    writeFileSync(lockFile(store), String(holder.pid));
    unlockStore(store);
    assert.equal(readFileSync(lockFile(store), "utf8"), String(holder.pid), "not this process's to release");
    let told: number | undefined;
    const taking = lockStore(store, (pid) => {
      told = pid;
      // The other build finishes: its lock goes.
      rmSync(lockFile(store));
    });
    await taking;
    assert.equal(told, holder.pid);
    assert.equal(readFileSync(lockFile(store), "utf8"), String(process.pid));
    unlockStore(store);
  } finally {
    holder.kill();
  }
});
