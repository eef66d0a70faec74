/**
 * `npm run build` runs the build in a child process, for two reasons measured on these machines:
 *
 * - **No TypeScript loader.** Under tsx every module the build imports, Eleventy's and the other
 *   packages' included, goes through loader hooks on another thread: ~1.1 s before the build starts,
 *   against ~0.5 s for the same modules loaded natively. The child runs Dateline's own code bundled
 *   by esbuild into one JavaScript file (with a source map, so stack traces name the .ts files),
 *   kept in `node_modules/.cache/dateline/` under the code's hash (src/store/code-version.ts): made once
 *   per change to Dateline (~0.2 s), then reused.
 * - **glibc's malloc held to two arenas** (Linux). glibc gives each thread that allocates its own
 *   arena, up to eight per core, and sharp encodes pictures on libuv's thread pool: at 10,000
 *   articles, a tenth with pictures, cold, the peak was 660–680 MB with glibc's default and 550–585
 *   MB with MALLOC_ARENA_MAX=2 (sharp's documentation advises the same). glibc reads the variable
 *   only as a process starts.
 * - **V8's heap let grow to twice what is live, not four times** (`--heap-growing-percent=100`).
 *   V8 lets a fast-collecting heap grow to up to four times its live size before the next full
 *   collection. A cold build of 50,000 stories had ~210 MB live when its heap reached 460 MB, and
 *   the process 766 MB; held to twice, the process peaked at 657 MB, and the build took no longer
 *   (84.6 s against 89.3 s, one run each, the same hour).
 *
 * The child's exit code is this process's; Ctrl-C reaches both, a kill of this one is passed on.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { codeVersion } from "../store/code-version.ts";
import { exitCodeOf } from "../shared/processes.ts";
import { REPO } from "../shared/repo.ts";

/** The child's V8 settings (see above). */
const V8_FLAGS = ["--heap-growing-percent=100"];

/** Runs `entry` (a module of src/, as TypeScript) in a child process as described above; resolves to its exit code. */
export async function runInChild(entry: string): Promise<number> {
  const bundle = await bundled(entry).catch(() => undefined);
  // Without a bundle (a read-only checkout), the child runs the TypeScript as this process does.
  const script = bundle ? ["--enable-source-maps", bundle] : [...tsxFlags(), entry];
  const child = spawn(process.execPath, [...otherFlags(), ...V8_FLAGS, ...script, ...process.argv.slice(2)], {
    stdio: "inherit",
    // DATELINE_STARTED_AT: when the command started, so that the time the build reports is the time it took.
    env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2", DATELINE_STARTED_AT: process.env.DATELINE_STARTED_AT || String(performance.timeOrigin) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(exitCodeOf(code, signal)));
  });
}

/** The bundle of `entry` for this code, made if missing (one at a time: written under a temporary name, then renamed). */
async function bundled(entry: string): Promise<string> {
  const dir = path.join(REPO, "node_modules", ".cache", "dateline");
  const name = `${path.basename(entry, ".ts")}-${codeVersion().slice(0, 16)}.mjs`;
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  const { build } = await import("esbuild");
  const temp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // npm packages load from node_modules as usual; only Dateline's own modules are bundled.
    packages: "external",
    sourcemap: "inline",
    logLevel: "silent",
  });
  renameSync(temp, file);
  // Bundles of earlier code are of no more use.
  for (const old of readdirSync(dir)) if (old.startsWith(`${path.basename(entry, ".ts")}-`) && old !== name) rmSync(path.join(dir, old), { force: true });
  return file;
}

const isTsx = (flag: string) => /tsx/.test(flag);

/** This process's Node flags but the TypeScript loader (a profiler or a preload stays). */
function otherFlags(): string[] {
  const flags = process.execArgv;
  // `--import=tsx`, or `--import` followed by tsx's loader (which the first test drops itself).
  return flags.filter((flag, i) => !isTsx(flag) && !(flag === "--import" && isTsx(flags[i + 1] ?? "")));
}

function tsxFlags(): string[] {
  return ["--import", import.meta.resolve("tsx")];
}
