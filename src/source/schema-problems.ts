/**
 * Turns zod issues into Problems an editor can act on: the field path, the line in the file, a plain
 * message, and for an unknown field the nearest known name (`sumary` → did you mean `summary`?).
 */
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { Problem } from "../shared/errors.ts";

export function schemaProblems(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  /** What a problem with the value as a whole is about: an article's frontmatter, or a data file. */
  whole = "frontmatter",
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues.flatMap((i) => specific(i))) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ file, line: lineOf(path), field: fieldName(path, whole), message: unknownFieldMessage(key, known) });
      }
      continue;
    }
    problems.push({ file, line: lineOf(issue.path), field: fieldName(issue.path, whole), message: messageOf(issue) });
  }
  return problems;
}

/**
 * A field that may take several shapes (`author: Name` or a list of names) fails as a union with one
 * set of issues per shape. The shape that got furthest (its issues lie deepest) is the one the
 * editor meant: report its issues, under the union's path.
 */
function specific(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.input === undefined || !issue.errors.length) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
  if (depth(best) === 0) return [issue];
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue).flatMap(specific);
}

export function fieldName(path: readonly PropertyKey[], whole = "frontmatter"): string {
  return path.length ? path.map(String).join(".") : whole;
}

function unknownFieldMessage(key: string, known: string[]): string {
  const near = nearest(key, known, Math.max(2, Math.floor(key.length / 3)));
  return `unknown field${near ? ` (did you mean \`${near}\`?)` : ""}`;
}

/** The known name nearest to `word`, when it is within `maxDistance` edits: for "did you mean". */
export function nearest(word: string, known: readonly string[], maxDistance: number): string | undefined {
  if (!known.length) return undefined;
  const near = closest(word, [...known]);
  return distance(word, near) <= maxDistance ? near : undefined;
}

/**
 * The name an editor most likely meant, as declared: one the typed text holds or is part of
 * ("Kurdistan Region" → "Kurdistan"; at least three letters either way), else the nearest by
 * spelling. Case is ignored.
 */
export function likelyName(typed: string, names: readonly string[], maxDistance = 3): string | undefined {
  const wanted = typed.trim().toLowerCase();
  const lower = names.map((n) => n.toLowerCase());
  const overlapping = names.filter((_, i) => Math.min(lower[i]!.length, wanted.length) >= 3 && (wanted.includes(lower[i]!) || lower[i]!.includes(wanted)));
  // The closest in length when several overlap: "Middle East" for "Middle East news", not "East".
  if (overlapping.length) return overlapping.sort((a, b) => Math.abs(a.length - wanted.length) - Math.abs(b.length - wanted.length))[0];
  const near = nearest(wanted, lower, maxDistance);
  return near === undefined ? undefined : names[lower.indexOf(near)];
}

function messageOf(issue: z.core.$ZodIssue): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_union") && issue.input === undefined) return "required";
  if (issue.code === "invalid_type") return `expected ${issue.expected}, got ${describe(issue.input)}`;
  if (issue.code === "too_small" && issue.origin === "string") return "must not be empty";
  if (issue.code === "too_small" && issue.origin === "array") return "must list at least one entry";
  if (issue.code === "invalid_union") return issue.message && issue.message !== "Invalid input" ? issue.message : `has the wrong shape (got ${describe(issue.input)})`;
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a group of fields";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The field names an object schema accepts at `path`, found by walking zod's definitions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let candidates: unknown[] = [schema];
  for (const key of path) {
    candidates = candidates.flatMap((s) => unwrap(s)).flatMap((s) => {
      const def = defOf(s);
      if (def?.type === "object" && typeof key === "string") return def.shape?.[key] ? [def.shape[key]] : [];
      if (def?.type === "array" && typeof key === "number") return [def.element];
      return [];
    });
  }
  return [...new Set(candidates.flatMap((s) => unwrap(s)).flatMap((s) => Object.keys(defOf(s)?.shape ?? {})))];
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  in?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } })?._zod?.def;
}

function unwrap(schema: unknown): unknown[] {
  const def = defOf(schema);
  if (!def) return [];
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "pipe") return unwrap(def.in);
  if (def.type === "union") return (def.options ?? []).flatMap(unwrap);
  return [schema];
}
