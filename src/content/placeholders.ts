/**
 * The placeholder text `npm run new` writes into a story from the archetype
 * (content/_archetypes/article.md): a standfirst and a first paragraph that say "Replace this…".
 * A story that would be published while it still holds them is refused, so that an editor who
 * removed `draft:` too early does not publish instructions to readers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../shared/errors.ts";

/** Where the archetype is, inside the content folder (`npm run new` reads it from there). */
export const ARCHETYPE = path.join("_archetypes", "article.md");

export interface Placeholders {
  /** The archetype's `summary`, as written. */
  readonly summary: string | undefined;
  /** The first line of the archetype's body. */
  readonly body: string | undefined;
}

/** The placeholders of the archetype in `contentDir`; none when there is no archetype. */
export function readPlaceholders(contentDir: string): Placeholders {
  let text: string;
  try {
    text = readFileSync(path.join(contentDir, ARCHETYPE), "utf8");
  } catch {
    return { summary: undefined, body: undefined };
  }
  // Read by pattern, not as YAML: the archetype's `{{ title }}` slots are not valid YAML.
  const summary = /^summary:\s*"((?:[^"\\]|\\.)*)"\s*$/m.exec(text)?.[1];
  const afterFields = text.split(/^---\s*$/m)[2] ?? "";
  const body = afterFields.split("\n").map((line) => line.trim()).find(Boolean);
  return { summary, body };
}

/** Problems for a story that would be published with the archetype's placeholder text in it. */
export function placeholderProblems(
  story: { file: string; summary: string; body: string; bodyLine: number; summaryLine: () => number | undefined },
  placeholders: Placeholders,
): Problem[] {
  const problems: Problem[] = [];
  if (placeholders.summary && story.summary.trim() === placeholders.summary.trim()) {
    problems.push({ file: story.file, line: story.summaryLine(), field: "summary", message: "still the placeholder `npm run new` wrote: write the standfirst (or keep `draft: true`)" });
  }
  const at = placeholders.body ? story.body.indexOf(placeholders.body) : -1;
  if (at !== -1) {
    const line = story.bodyLine + story.body.slice(0, at).split("\n").length - 1;
    problems.push({ file: story.file, line, field: "body", message: "still holds the placeholder text `npm run new` wrote: write the story (or keep `draft: true`)" });
  }
  return problems;
}
