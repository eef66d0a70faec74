/**
 * Site data files (`content/_data/*.yaml`) are read and checked like articles: one schema each, and
 * problems in the one format, with lines.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { ContentError, shownPath } from "../shared/errors.ts";
import { schemaProblems } from "./schema-problems.ts";
import { isYamlError, parseYaml } from "./yaml-source.ts";
import { controlCharacterProblem } from "./control-characters.ts";
import type { Project } from "./project.ts";

export interface DataFile<T> {
  value: T;
  /** Path relative to the project root, for messages. */
  file: string;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * The name of an edition's own copy of a per-edition data file: `front.yaml` is the first edition's,
 * `front.ckb.yaml` the Sorani edition's, as standalone pages are named (`about.md`, `about.ckb.md`).
 */
export function editionFileName(name: string, edition: { code: string; isDefault: boolean }): string {
  if (edition.isDefault) return name;
  const ext = path.extname(name);
  return `${name.slice(0, -ext.length)}.${edition.code}${ext}`;
}

export async function readDataFile<S extends z.ZodType>(
  project: Project,
  name: string,
  schema: S,
  whatItHolds: string,
): Promise<DataFile<z.output<S>>> {
  const read = await readDataFileIfAny(project, name, schema, whatItHolds, false);
  return read!;
}

/** A data file a site may leave out (the front page's curation, the breaking-news bar): undefined when it does. */
export async function readOptionalDataFile<S extends z.ZodType>(
  project: Project,
  name: string,
  schema: S,
  whatItHolds: string,
): Promise<DataFile<z.output<S>> | undefined> {
  return readDataFileIfAny(project, name, schema, whatItHolds, true);
}

async function readDataFileIfAny<S extends z.ZodType>(
  project: Project,
  name: string,
  schema: S,
  whatItHolds: string,
  optional: boolean,
): Promise<DataFile<z.output<S>> | undefined> {
  const abs = path.join(project.contentDir, "_data", name);
  const file = shownPath(project.root, abs);
  let raw: string;
  try {
    raw = await readFile(abs, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === "ENOENT") return undefined;
    const why = code === "ENOENT" ? "missing" : code === "EISDIR" ? "a folder, not a file" : code === "EACCES" || code === "EPERM" ? "cannot be read (permission denied)" : `cannot be read (${code ?? String(error)})`;
    throw new ContentError([{ file, field: "file", message: `${why}: ${whatItHolds} live here` }]);
  }
  const control = controlCharacterProblem(file, raw);
  if (control) throw new ContentError([control]);
  const yaml = parseYaml(raw);
  if (isYamlError(yaml)) throw new ContentError([{ file, line: yaml.line, field: "yaml", message: yaml.message }]);
  const empty = yaml.value === null || yaml.value === undefined;
  const result = schema.safeParse(empty ? undefined : yaml.value, { reportInput: true });
  if (!result.success && empty) throw new ContentError([{ file, field: "file", message: `empty: ${whatItHolds} live here` }]);
  if (!result.success) throw new ContentError(schemaProblems(schema, result.error.issues, file, yaml.lineOf, "file"));
  return { value: result.data, file, lineOf: yaml.lineOf };
}
