/**
 * `npm test`'s runner: node:test over every tests/<folder>/*.test.ts (or the files named), several
 * files at a time, each bundled into JavaScript first (tests/support/test-bundles.ts: no TypeScript
 * loader in a hundred processes), with a folder for the sites that several files build alike and
 * only read (tests/support/shared-site.ts), removed with those sites and the bundles when the run ends,
 * and, when browser test files are among them, one Chromium that they all connect to
 * (tests/support/browser.ts, SHARED_CHROMIUM), closed when the run ends.
 *
 *   npm test                                        # type-check, then every test
 *   node --import tsx tests/run.ts [node flags] [files]   e.g. --test-name-pattern=feeds tests/builds/*.test.ts
 *
 * Files run two at a time on a two-core machine, one fewer than the cores on a larger one: Node's
 * default (one fewer than the cores) would run them one by one on two cores, leaving one idle while
 * a file waits on Chromium or a child process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { exitCodeOf } from "../src/shared/processes.ts";
import { REPO } from "../src/shared/repo.ts";
import { SHARED_CHROMIUM, startSharedChromium } from "./support/browser.ts";
import { removeSiteFolder, SHARED_FOLDER, type SiteNote } from "./support/shared-site.ts";
import { bundleTests } from "./support/test-bundles.ts";

const TESTS = path.join(REPO, "tests");
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("-"));
const named = args.filter((a) => !a.startsWith("-"));
const files = named.length
  ? named
  : readdirSync(TESTS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(TESTS, d.name)).filter((f) => f.endsWith(".test.ts")).map((f) => path.join("tests", d.name, f)))
      .sort();
const concurrency = Math.max(2, availableParallelism() - 1);
const bundles = await bundleTests(files).catch((error: Error) => {
  console.error(`tests/run.ts: ${error.message}`);
  process.exit(1);
});
const shared = mkdtempSync(path.join(tmpdir(), "dateline-shared-"));
// One Chromium for the run's browser test files (tests/support/browser.ts, SHARED_CHROMIUM); when it
// cannot start, each file launches its own, and skips or fails there as it would alone.
const chromium = files.some((f) => path.resolve(REPO, f).startsWith(path.join(TESTS, "browser") + path.sep))
  ? await startSharedChromium().catch((error: Error) => {
      console.error(`tests/run.ts: no shared Chromium (${error.message.split("\n")[0]}); each browser test file starts its own`);
      return undefined;
    })
  : undefined;

const child = spawn(process.execPath, ["--enable-source-maps", "--test", `--test-concurrency=${concurrency}`, ...flags, ...bundles.files], {
  cwd: REPO,
  stdio: "inherit",
  env: { ...process.env, [SHARED_FOLDER]: shared, ...(chromium && { [SHARED_CHROMIUM]: chromium.value }) },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(exitCodeOf(c, signal))));
await chromium?.close();
await removeShared();
bundles.remove();
process.exitCode = code;

/** Every site the files shared, then the folder of their notes. */
async function removeShared(): Promise<void> {
  for (const name of readdirSync(shared).filter((f) => f.endsWith(".json"))) {
    const note = JSON.parse(readFileSync(path.join(shared, name), "utf8")) as SiteNote | { failed: string };
    if ("dir" in note) await removeSiteFolder(note.dir);
  }
  rmSync(shared, { recursive: true, force: true });
}
