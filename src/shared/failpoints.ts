/**
 * Named points where the fault-injection tests (tests/builds/faults.test.ts) kill a build, to prove
 * that a build killed anywhere loses nothing: with `DATELINE_FAILPOINT=<name>` set, the process
 * kills itself with SIGKILL on reaching that point, as a power cut or the OOM killer would. Unset,
 * a failpoint is one comparison.
 */
const armed = process.env.DATELINE_FAILPOINT;

export type Failpoint = "pages-half-written" | "before-swap" | "swap-between-renames";

export function failpoint(name: Failpoint): void {
  if (armed === name) process.kill(process.pid, "SIGKILL");
}
