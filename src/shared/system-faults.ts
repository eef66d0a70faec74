/**
 * Errors from the system rather than from the content (a full disk, a folder the build may not
 * write, a file gone missing) in an editor's words: the file, what happened, what to do. Everything
 * that ends a command goes through `faultLine`, so no stack trace reaches an editor unless DEBUG is set.
 */
import { causes, FaultError, findCause, shownPath } from "./errors.ts";

/** What each system error code means to an editor, and what to do about it. */
const SYSTEM_ERRORS: Record<string, { problem: string; advice: string }> = {
  ENOSPC: { problem: "the disk is full", advice: "free some space and build again" },
  EDQUOT: { problem: "the disk quota is used up", advice: "free some space and build again" },
  EACCES: { problem: "permission denied", advice: "make it writable (and readable) by you, or choose another --output, and build again" },
  EPERM: { problem: "the system does not allow this change", advice: "check the folder is not read-only or immutable (lsattr, chattr -i), or choose another --output, and build again" },
  EROFS: { problem: "is on a read-only file system", advice: "choose an --output on a writable disk and build again" },
  ENOENT: { problem: "went missing while the site was built", advice: "build again; if it keeps happening, something else is deleting files there" },
  EIO: { problem: "the disk reported an input/output error", advice: "check the disk, then build again" },
  EMFILE: { problem: "too many files are open", advice: "raise the open-file limit (ulimit -n 4096) and build again" },
  ENFILE: { problem: "too many files are open on this system", advice: "close other programs and build again" },
  EBUSY: { problem: "is in use by another program", advice: "close the program using it and build again" },
  ENOTDIR: { problem: "a file stands where a folder must be", advice: "check the path (a folder was expected there), or choose another --output" },
  EEXIST: { problem: "is in the way", advice: "check what it is before you move it, then build again" },
};

/** The FaultError an error is or wraps, or one made from the system error it wraps; else undefined. */
export function faultOf(error: unknown, root: string): FaultError | undefined {
  const fault = findCause(error, FaultError);
  if (fault) return fault;
  for (const cause of causes(error)) {
    const e = cause as NodeJS.ErrnoException;
    const known = e.code ? SYSTEM_ERRORS[e.code] : undefined;
    if (!known) continue;
    const file = e.path ? shownPath(root, e.path) : e.syscall ?? "the build";
    return new FaultError(file, known.problem, known.advice);
  }
  return undefined;
}

/**
 * One line for an error that stopped a command: the fault in an editor's words, or for anything
 * unforeseen its message and how to see more. With DEBUG set, the whole error follows.
 */
export function faultLine(error: unknown, root: string, env: NodeJS.ProcessEnv = process.env): string {
  const fault = faultOf(error, root);
  const line = fault ? fault.message : `${firstLine(error)} (an error in Dateline itself: run again with DEBUG=1 to see where, and report it)`;
  return env.DEBUG ? `${line}\n${inspectError(error)}` : line;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim();
}

function inspectError(error: unknown): string {
  return [...causes(error)].map((e) => (e instanceof Error ? e.stack ?? e.message : String(e))).join("\ncaused by: ");
}

/**
 * For a command written as top-level code (`npm run check`): anything thrown and not caught ends
 * the process with its one line and exit 1, as a caught fault would.
 */
export function stopOnFault(root: string): void {
  process.on("uncaughtException", (error) => {
    console.error(`Stopped: ${faultLine(error, root)}`);
    process.exit(1);
  });
}
