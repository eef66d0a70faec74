/**
 * How `npm run build` starts its build (src/cli/launch.ts): in a child running Dateline's bundled
 * code, with glibc's malloc arenas and V8's heap growth held down, passing arguments and the exit code through.
 * tests/support/launch-probe.ts stands in for the build command.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { REPO } from "../support/fixture-site.ts";

test("the build runs in a child: Dateline's code bundled (no TypeScript loader), glibc's malloc held to two arenas, V8's heap held to twice what is live, its arguments and exit code passed through", async () => {
  const probe = path.join(REPO, "tests/support/launch-probe.ts");
  const run = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), probe, "--now", "2026-01-30T12:00:00+03:00"], { env: { ...process.env, ...env } }).then(
      () => assert.fail("the probe exits with 3"),
      (e: { code: number; stdout: string }) => {
        assert.equal(e.code, 3);
        return JSON.parse(e.stdout) as { arenas: string; script: string; args: string[]; flags: string[]; repo: string };
      },
    );
  const child = await run({ MALLOC_ARENA_MAX: "" });
  assert.equal(child.arenas, "2");
  assert.match(child.script, /node_modules\/\.cache\/dateline\/launch-child-[0-9a-f]{16}\.mjs$/);
  assert.deepEqual(child.args, ["--now", "2026-01-30T12:00:00+03:00"]);
  assert.ok(child.flags.includes("--heap-growing-percent=100"), child.flags.join(" "));
  assert.equal(path.resolve(child.repo), path.resolve(REPO), "the bundle finds the checkout from node_modules/.cache");
  assert.equal((await run({ MALLOC_ARENA_MAX: "4" })).arenas, "4", "a limit already set is left alone");
});
