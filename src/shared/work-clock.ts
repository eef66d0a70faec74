/**
 * Where a build's time goes by kind of work, across its steps: reading files, validating stories,
 * rendering bodies, laying pages out in templates, writing the output, and Pagefind indexing. The
 * build report's `work:` line (src/cli/build-command.ts) and `npm run bench` print it, so that the
 * next thing to make faster is chosen from data: a CPU profile inflates system calls several times
 * over (it put 50,000 stats at 1.8 s where they take 0.3 s), this does not.
 *
 * One clock per process, started afresh by each build (`startWork`): the work is timed deep inside
 * loaders and writers that have no build object to hand it to. Only synchronous work is timed; time
 * inside a nested `timed` counts as the nested kind only, so the kinds add up without overlap.
 */
export const WORK_KINDS = ["read", "validate", "render", "templates", "write"] as const;

export type WorkKind = (typeof WORK_KINDS)[number];

let spent = zero();
/** The time of the nested `timed` calls now running, innermost last, to take out of their callers'. */
const nested: number[] = [];

function zero(): Record<WorkKind, number> {
  return Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as Record<WorkKind, number>;
}

/** Starts the clock afresh for a build. */
export function startWork(): void {
  spent = zero();
}

/** Runs `fn`, counting its (synchronous) time as `kind`, less the time of `timed` calls inside it. */
export function timed<T>(kind: WorkKind, fn: () => T): T {
  const start = performance.now();
  nested.push(0);
  try {
    return fn();
  } finally {
    const whole = performance.now() - start;
    spent[kind] += whole - nested.pop()!;
    if (nested.length) nested[nested.length - 1]! += whole;
  }
}

/** The seconds spent on each kind of work since the build started. */
export function workSeconds(): Record<WorkKind, number> {
  return Object.fromEntries(WORK_KINDS.map((kind) => [kind, spent[kind] / 1000])) as Record<WorkKind, number>;
}
