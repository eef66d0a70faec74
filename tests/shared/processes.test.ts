/** isAlive and exitCodeOf (src/shared/processes.ts). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { exitCodeOf, isAlive } from "../../src/shared/processes.ts";

test("a running process is alive; one that has exited is not", () => {
  assert.equal(isAlive(process.pid), true);
  assert.equal(isAlive(spawnSync(process.execPath, ["-e", ""]).pid), false);
});

test("a child's exit code is its own, or 128 + the signal's number as a shell reports it", () => {
  assert.equal(exitCodeOf(3, null), 3);
  assert.equal(exitCodeOf(null, "SIGINT"), 130);
  assert.equal(exitCodeOf(null, "SIGTERM"), 143);
});
