/**
 * How the commands that write into content/ (`npm run new`, `npm run import`) end: a refusal is one
 * message and its exit code (1: refused, 2: wrong usage); broken site data is every problem, after
 * "Nothing was written"; anything else is a fault, in one line. One place, so the three commands
 * say these things alike.
 */
import { findContentError, formatProblem } from "../shared/errors.ts";
import { faultLine } from "../shared/system-faults.ts";
import type { CommandIo } from "./command-io.ts";

/** The command will not do what was asked: `message` says why and what to do instead. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Runs a writing command's body: its exit code, or the code of how it stopped, told on `io.stderr`. */
export async function runWritingCommand(io: CommandIo, root: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Refusal) {
      io.stderr(`${error.message}\n`);
      return error.code;
    }
    const content = findContentError(error);
    if (content) {
      io.stderr(`Nothing was written: the site's data has ${content.problems.length === 1 ? "a problem" : "problems"} to fix first.\n`);
      for (const p of content.problems) io.stderr(`  ${formatProblem(p)}\n`);
    } else {
      io.stderr(`Stopped: ${faultLine(error, root, io.env)}\n`);
    }
    return 1;
  }
}
