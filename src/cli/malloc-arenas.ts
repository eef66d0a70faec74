/**
 * glibc's malloc gives each thread that allocates its own arena (up to eight per core), and sharp
 * encodes pictures on libuv's thread pool: a build that encodes pictures fragments its memory.
 * Measured at 10,000 articles, a tenth with pictures, cold: a peak of 660–680 MB with glibc's
 * default, 550–585 MB with MALLOC_ARENA_MAX=2 (sharp's documentation advises the same), in about the
 * same time. glibc reads the variable once, as the process starts, so a build on Linux without it
 * runs itself again with it set: one more Node start, before any of the build's modules load (~0.1 s).
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

/** Runs this command again with MALLOC_ARENA_MAX=2 and resolves true when it did (its exit code is set); false where not needed. */
export async function relaunchWithArenaLimit(): Promise<boolean> {
  if (process.platform !== "linux" || process.env.MALLOC_ARENA_MAX) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, MALLOC_ARENA_MAX: "2" },
  });
  // Ctrl-C reaches both; a kill of this process is passed on.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  process.exitCode = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  return true;
}
