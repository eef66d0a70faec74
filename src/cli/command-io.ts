/**
 * What a command reads and writes outside the project: the folder it runs in, its environment and
 * its two output streams. The entry points (src/cli/new.ts, check.ts) hand over the process's own;
 * the tests hand over their own and run a command in-process, many times in one file, where a child
 * process per run would cost a second of start-up each.
 */
export interface CommandIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Writes `text` to standard output as given (no newline added). */
  stdout(text: string): void;
  /** Writes `text` to standard error as given. */
  stderr(text: string): void;
}

export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
