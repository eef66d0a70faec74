/**
 * The commands and readings the import tests share, on a fixture site whose root is known only once
 * `before` has made it (hence a function): the import and `npm run check` in-process with a clean
 * environment, and a story's file, fields and lines read back.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isProblem, splitSource } from "../../src/source/frontmatter.ts";
import { runInProcess, type Run } from "./run-cli.ts";

/** The process's environment without DATELINE_NOW and DATELINE_URL, which would change what is written. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const { DATELINE_NOW: _now, DATELINE_URL: _url, ...inherited } = process.env;
  return inherited;
}

export function importSite(root: () => string) {
  const read = (file: string) => readFile(path.join(root(), file), "utf8");
  return {
    runImport: (args: string[]): Promise<Run> => runInProcess("import", args, { cwd: root(), env: cleanEnvironment() }),
    check: (): Promise<Run> => runInProcess("check", [], { cwd: root(), env: cleanEnvironment() }),
    read,
    /** The frontmatter of `file`, which must parse. */
    async fieldsOf(file: string): Promise<Record<string, unknown>> {
      const source = splitSource(file, await read(file));
      assert.ok(!isProblem(source), JSON.stringify(source));
      return source.data as Record<string, unknown>;
    },
    /** The 1-based line of the first line of `file` starting with `start`. */
    async lineOf(file: string, start: string): Promise<number> {
      return (await read(file)).split("\n").findIndex((line) => line.startsWith(start)) + 1;
    },
  };
}
