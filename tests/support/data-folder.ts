/**
 * Small project folders for the site-data loaders' unit tests (sections.yaml, authors.yaml, any
 * content/_data/ file): the YAML a test gives, written into a fresh folder (the site and its editions
 * are test-site.ts's), so nothing is built and each load takes milliseconds.
 */
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { openProject, type Project } from "../../src/source/project.ts";
import { tempDirFor } from "./temp-dir.ts";

/** Lines of a YAML file, so that a test reads its line numbers off the list. */
export function yamlLines(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/**
 * Call at a test file's top: gives a function that writes `files` (name → text) into content/_data/
 * of a new project folder and opens that project. Folders are removed after the file's last test.
 */
export function dataFolders(prefix: string): (files: Record<string, string>) => Promise<Project> {
  const dir = tempDirFor(prefix);
  let n = 0;
  return async (files) => {
    const root = path.join(dir, `project-${n++}`);
    const data = path.join(root, "content", "_data");
    await mkdir(data, { recursive: true });
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(data, name), text)));
    return openProject(root);
  };
}

/** Awaits a load that must fail on content: its problems as editors read them (`file:line: field: message`). */
export async function problemsOf(load: Promise<unknown>): Promise<string[]> {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
  return error.problems.map(formatProblem);
}
