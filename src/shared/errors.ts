/**
 * One error class for everything an editor can get wrong, and one message format, the same in
 * `npm run build` and `npm run check`:
 *
 *   content/middle-east/moscow/index.md:7: image.alt: required
 *   content/_data/site.yaml: name: required                      (no line when none is known)
 *   content/middle-east/moscow/index.md:3: summary: warning: 182 characters; …   (check's warnings)
 *
 * A build collects every problem it finds before it stops, so an editor fixes them all in one go.
 */
import path from "node:path";

/** A file as messages name it: relative to the project's root, with forward slashes. */
export function shownPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/") || ".";
}

export interface Problem {
  /** Path of the offending file, relative to the project root (forward slashes). */
  file: string;
  /** 1-based line in that file, when it can be known. */
  line?: number | undefined;
  /** Dotted field path (`image.alt`, `corrections.0.date`), or a short label such as `body` or `yaml`. */
  field: string;
  message: string;
}

/** `path:line: field: message`, or `path: field: message` when the line is not known. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.field}: ${p.message}`;
}

/** What `npm run check` reports: an error (the build would stop) or a warning (it would not). */
export interface Finding extends Problem {
  severity: "error" | "warning";
}

/** An error prints as a problem does; a warning says so before its message. */
export function formatFinding(f: Finding): string {
  return formatProblem(f.severity === "warning" ? { ...f, message: `warning: ${f.message}` } : f);
}

/** Sort by file, then line, so output reads like a compiler's. */
export function sortProblems<P extends Problem>(problems: readonly P[]): P[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}

/** What a build tells an editor without stopping: a warning (something to fix) or a note (something it did). */
export interface Notice extends Problem {
  severity: "warning" | "note";
}

/** A warning prints as check prints one; a note as a problem does. */
export function formatNotice(n: Notice): string {
  return n.severity === "warning" ? formatFinding({ ...n, severity: "warning" }) : formatProblem(n);
}

export class ContentError extends Error {
  override readonly name = "ContentError";
  readonly problems: readonly Problem[];
  /** Eleventy prints a stack trace unless told not to; a content mistake is not a crash. */
  readonly skipOriginalStack = true;

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
    super(`${count} in content:\n${sorted.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.problems = sorted;
  }
}

/** The error and each one it wraps, outermost first (Eleventy wraps data errors in its own). */
export function* causes(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === "object" && !seen.has(current); ) {
    yield current;
    seen.add(current);
    const e = current as { originalError?: unknown; cause?: unknown };
    current = e.originalError ?? e.cause;
  }
}

/** The first error of `kind` in `error` or what it wraps. */
export function findCause<T>(error: unknown, kind: abstract new (...args: never[]) => T): T | undefined {
  for (const cause of causes(error)) if (cause instanceof kind) return cause;
  return undefined;
}

export const findContentError = (error: unknown): ContentError | undefined => findCause(error, ContentError);

/**
 * A fault around the content rather than in it (a refused output folder, a full disk, a damaged
 * picture): told in one line that names the file and says what to do, never as a stack trace.
 */
export class FaultError extends Error {
  override readonly name = "FaultError";
  readonly skipOriginalStack = true;

  /** `file` as messages name files (relative to the project); `advice` says what to do about it. */
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly advice: string,
  ) {
    super(`${file}: ${problem}; ${advice}`);
  }
}

export const findFaultError = (error: unknown): FaultError | undefined => findCause(error, FaultError);
