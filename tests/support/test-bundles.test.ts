/**
 * tests/support/test-bundles.ts: the test files as JavaScript for the runner, mapped back to their
 * TypeScript, in a folder of the run's that goes when the run does (or when the next run finds its
 * process gone).
 */
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { REPO } from "../../src/shared/repo.ts";
import { bundleTests } from "./test-bundles.ts";

const BUNDLES = path.join(REPO, "node_modules", ".cache", "dateline", "tests");

test("each test file becomes a module of its own, mirroring tests/, that runs and maps back to the .ts", async () => {
  const bundles = await bundleTests(["tests/locale/languages.test.ts", path.join(REPO, "tests/model/page.test.ts")]);
  try {
    const dir = path.join(BUNDLES, String(process.pid));
    assert.deepEqual(bundles.files, [path.join(dir, "locale/languages.test.mjs"), path.join(dir, "model/page.test.mjs")]);
    const [languages] = bundles.files as [string, string];
    const code = readFileSync(languages, "utf8");
    const map = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(code)?.[1];
    assert.ok(map, "an inline source map");
    const sources = (JSON.parse(Buffer.from(map, "base64").toString("utf8")) as { sources: string[] }).sources;
    assert.ok(
      sources.some((s) => path.resolve(path.dirname(languages), s) === path.join(REPO, "tests/locale/languages.test.ts")),
      `the map names the test file: ${sources.join(", ")}`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, ["--enable-source-maps", "--test", "--test-reporter=tap", languages], {
      cwd: REPO,
      // Set for this file's process by the runner above it: a child that sees it reports to that runner, not to stdout.
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    });
    assert.match(stdout, /^# fail 0$/m);
    assert.doesNotMatch(stdout, /^# pass 0$/m);
  } finally {
    bundles.remove();
  }
  assert.ok(!existsSync(path.join(BUNDLES, String(process.pid))), "remove() leaves nothing");
});

test("a file that is not a test file under tests/, or does not exist, is refused by name before anything is written", async () => {
  await assert.rejects(bundleTests(["README.md"]), { message: "README.md: not a test file under tests/" });
  await assert.rejects(bundleTests(["src/shared/repo.ts"]), { message: "src/shared/repo.ts: not a test file under tests/" });
  await assert.rejects(bundleTests(["tests/locale/no-such.test.ts"]), { message: "tests/locale/no-such.test.ts: no such file" });
  assert.ok(!existsSync(path.join(BUNDLES, String(process.pid))));
});

test("the folder of a run whose process is gone is removed by the next run; a living run's is kept", async () => {
  const gone = spawnSync(process.execPath, ["-e", ""]).pid;
  assert.ok(gone);
  const abandoned = path.join(BUNDLES, String(gone));
  const living = path.join(BUNDLES, String(process.ppid));
  const livingExisted = existsSync(living);
  mkdirSync(abandoned, { recursive: true });
  mkdirSync(living, { recursive: true });
  const bundles = await bundleTests(["tests/locale/languages.test.ts"]);
  bundles.remove();
  assert.ok(!existsSync(abandoned), "the dead run's folder is removed");
  assert.ok(existsSync(living), "a living process's folder is kept");
  if (!livingExisted) rmSync(living, { recursive: true, force: true });
});
