/** isAlive (src/shared/processes.ts): this process is, one that has exited is not. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { isAlive } from "../../src/shared/processes.ts";

test("a running process is alive; one that has exited is not", () => {
  assert.equal(isAlive(process.pid), true);
  assert.equal(isAlive(spawnSync(process.execPath, ["-e", ""]).pid), false);
});
