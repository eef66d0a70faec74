/** Dateline's commands run for real, as `npm run <name>` runs them: node with tsx, in a site's folder. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { REPO } from "../../src/shared/repo.ts";

/** How a command exited, and what it printed. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs src/cli/<name>.ts with `args` in `cwd`, with exactly the environment `env` (start from
 * process.env to inherit it). A non-zero exit is an answer, not a throw.
 */
export function runCli(name: "build" | "check" | "new", args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const cli = ["--import", import.meta.resolve("tsx"), path.join(REPO, "src/cli", `${name}.ts`), ...args];
  return promisify(execFile)(process.execPath, cli, { cwd: o.cwd, env: o.env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: Run) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
