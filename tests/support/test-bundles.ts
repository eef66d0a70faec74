/**
 * The test files as JavaScript, for `npm test` (tests/run.ts): each test file bundled by esbuild with
 * the code of src/ and tests/support/ it imports (npm packages load from node_modules as usual), with
 * inline source maps, so that failures and stack traces name the .ts files and lines.
 *
 * Why: every test file runs in its own process, and under tsx every module a process loads, Eleventy's
 * included, goes through loader hooks on another thread. On these machines a small test file took
 * ~0.6 s and 0.85 s of CPU under tsx against ~0.25 s and 0.3 s bundled, and loading the build took
 * ~1.75 s against ~0.85 s; a hundred files pay that a hundred times. The build itself is run this
 * way too (src/cli/launch.ts). esbuild is the compiler tsx uses, so the code under test is the same.
 *
 * A run's bundles go in a folder of their own under node_modules/.cache/dateline/tests/ (inside the
 * checkout, so that the bundles resolve its packages and find it as src/shared/repo.ts does),
 * removed when the run ends; folders left by a run that was killed are removed by the next.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { isAlive } from "../../src/shared/processes.ts";
import { REPO } from "../../src/shared/repo.ts";

const TESTS = path.join(REPO, "tests");
const BUNDLES = path.join(REPO, "node_modules", ".cache", "dateline", "tests");

export interface TestBundles {
  /** The bundle of each test file, in the order given. */
  files: string[];
  /** Removes the run's bundles. */
  remove(): void;
}

/** Bundles `files` (test files under tests/, relative to the checkout or absolute) into a folder of this run's. */
export async function bundleTests(files: readonly string[]): Promise<TestBundles> {
  removeAbandoned();
  const entries = files.map((file) => {
    const source = path.resolve(REPO, file);
    const relative = path.relative(TESTS, source);
    if (relative.startsWith("..") || path.isAbsolute(relative) || !relative.endsWith(".ts")) {
      throw new Error(`${file}: not a test file under tests/`);
    }
    if (!existsSync(source)) throw new Error(`${file}: no such file`);
    return { in: source, out: relative.replace(/\.ts$/, "") };
  });
  const dir = path.join(BUNDLES, String(process.pid));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  remove();
  mkdirSync(dir, { recursive: true });
  const { build } = await import("esbuild");
  // esbuild prints each error with its file, line and code: the throw says only that it did.
  await build({
    entryPoints: entries,
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // What several files import (src/ above all) is written once, as shared chunks.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "error",
  }).catch(() => {
    remove();
    throw new Error("the test files do not compile: esbuild's errors are above");
  });
  return {
    files: entries.map((e) => path.join(dir, `${e.out}.mjs`)),
    remove,
  };
}

/** Folders of runs whose process is gone (killed before they removed their bundles). */
function removeAbandoned(): void {
  let names: string[];
  try {
    names = readdirSync(BUNDLES);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^\d+$/.test(name) && !isAlive(Number(name))) rmSync(path.join(BUNDLES, name), { recursive: true, force: true });
  }
}

