/**
 * Dateline's commands run as `npm run <name>` runs them: for real (node with tsx, in a site's
 * folder, a child process per run), or in this process through the command's function, with its
 * own folder, environment and captured output. A file that runs a command many times runs it
 * in-process, and for real once or twice, so the entry point itself is tried too.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { CommandIo } from "../../src/cli/command-io.ts";
import { REPO } from "../../src/shared/repo.ts";

/** How a command exited, and what it printed. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

type Command = "build" | "check" | "new" | "import";

/**
 * Runs src/cli/<name>.ts with `args` in `cwd`, with exactly the environment `env` (start from
 * process.env to inherit it). A non-zero exit is an answer, not a throw.
 */
export function runCli(name: Command, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const cli = ["--import", import.meta.resolve("tsx"), path.join(REPO, "src/cli", `${name}.ts`), ...args];
  return promisify(execFile)(process.execPath, cli, { cwd: o.cwd, env: o.env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: Run) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The function behind each command an entry point runs. */
const COMMANDS: Record<Command, () => Promise<(argv: string[], io: CommandIo) => Promise<number>>> = {
  build: async () => (await import("../../src/cli/build-command.ts")).buildCommand,
  new: async () => (await import("../../src/cli/new-story.ts")).newStory,
  check: async () => (await import("../../src/cli/check-site.ts")).checkSite,
  import: async () => (await import("../../src/cli/import-command.ts")).importCommand,
};

/** Runs a command's function as its entry point would, in `cwd` with the environment `env`; what it prints is collected. */
export async function runInProcess(name: keyof typeof COMMANDS, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const run = { code: 0, stdout: "", stderr: "" };
  const io: CommandIo = { cwd: o.cwd, env: o.env, stdout: (text) => (run.stdout += text), stderr: (text) => (run.stderr += text) };
  run.code = await (await COMMANDS[name]())(args, io);
  return run;
}
