/**
 * `npm run build`'s command (src/cli/run-build.ts) stopping on one content problem, which
 * tests/cli/build.test.ts and tests/builds/bad-input.test.ts leave out: "1 problem" in the singular,
 * and an --output folder named as seen from where the command ran. One run of the real command,
 * stopped by site.yaml before any page is made, so nothing is built.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { dataFolders, yamlLines } from "../support/data-folder.ts";
import { runCli } from "../support/run-cli.ts";

const project = dataFolders("dateline-run-build-");
// An unknown time zone on line 4.
const BAD_SITE = yamlLines("name: T", "description: D", "url: https://t.example/", "timeZone: Mars/Olympus", "publisher:", "  name: P");

test("a content problem: the count in the singular, the output folder as seen from where the command ran, the problem; exit 1, nothing written", async () => {
  const { root } = await project({ "site.yaml": BAD_SITE });
  // An output folder outside the working directory, given as an absolute path.
  const output = path.join(path.dirname(root), `${path.basename(root)}-out`);
  const run = await runCli("build", ["--output", output], { cwd: root, env: process.env });
  assert.equal(run.code, 1);
  assert.equal(run.stdout, "");
  assert.equal(
    run.stderr,
    `Build stopped: 1 problem in content. ../${path.basename(output)}/ was left as it was.\n  content/_data/site.yaml:4: timeZone: not an IANA time zone (e.g. Asia/Baghdad)\n`,
  );
  assert.ok(!existsSync(output));
  assert.deepEqual((await readdir(path.dirname(root))).sort(), [path.basename(root)], "no staging folder left beside it");
});
