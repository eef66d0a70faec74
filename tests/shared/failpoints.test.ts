/** Failpoints (src/shared/failpoints.ts): the armed one kills the process as a power cut would; the others do nothing. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { REPO } from "../../src/shared/repo.ts";

function runTo(armed: string): { status: number | null; signal: NodeJS.Signals | null; stdout: string } {
  const script = `import { failpoint } from "${REPO}/src/shared/failpoints.ts"; failpoint("before-swap"); console.log("after before-swap"); failpoint("swap-between-renames"); console.log("done");`;
  const child = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "--input-type=module", "-e", script], { env: { ...process.env, DATELINE_FAILPOINT: armed }, encoding: "utf8" });
  return { status: child.status, signal: child.signal, stdout: child.stdout };
}

test("the armed failpoint kills the process with SIGKILL there, and only there", () => {
  const killed = runTo("swap-between-renames");
  assert.equal(killed.signal, "SIGKILL");
  assert.equal(killed.stdout, "after before-swap\n");
});

test("unarmed, every failpoint is passed", () => {
  const passed = runTo("");
  assert.equal(passed.status, 0);
  assert.equal(passed.stdout, "after before-swap\ndone\n");
});
