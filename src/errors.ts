/**
 * One error class for everything an editor can get wrong, and one message format:
 *
 *   content/middle-east/moscow/index.md:7 image.alt: required
 *
 * A build collects every problem it finds before it stops, so an editor fixes them all in one go.
 */

export interface Problem {
  /** Path of the offending file, relative to the project root (forward slashes). */
  file: string;
  /** 1-based line in that file, when it can be known. */
  line?: number | undefined;
  /** Dotted field path (`image.alt`, `corrections.0.date`), or a short label such as `body` or `yaml`. */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""} ${p.field}: ${p.message}`;
}

/** Sort by file, then line, so output reads like a compiler's. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
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

/** Finds a ContentError inside whatever wrapped it (Eleventy wraps data errors in its own). */
export function findContentError(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    if (current instanceof ContentError) return current;
    seen.add(current);
    const e = current as { originalError?: unknown; cause?: unknown };
    current = e.originalError ?? e.cause;
  }
  return undefined;
}
