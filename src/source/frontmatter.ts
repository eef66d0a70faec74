/**
 * Splits an article file into its YAML frontmatter and Markdown body (gray-matter, YAML only),
 * keeping line numbers so problems in either part point at the right line of the file.
 */
import matter from "gray-matter";
import { parseYaml, isYamlError, type YamlSource } from "./yaml-source.ts";
import type { Problem } from "../shared/errors.ts";
import { controlCharacterProblem } from "./control-characters.ts";

export interface SourceFile {
  data: unknown;
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
  /** Line of the file for a frontmatter field path. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function splitSource(file: string, raw: string): SourceFile | Problem {
  // Before the YAML parser, which would name such a character in its own words, without the fix.
  const control = controlCharacterProblem(file, raw, () => lineAfterFrontmatter(raw));
  if (control) return control;
  let yaml: YamlSource | undefined;
  let yamlProblem: Problem | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw, {
      // Only YAML: gray-matter would otherwise also run `---js` frontmatter through eval.
      language: "yaml",
      engines: {
        yaml: (text: string) => {
          const result = parseYaml(text);
          if (isYamlError(result)) {
            yamlProblem = { file, line: result.line, field: "yaml", message: result.message };
            return {};
          }
          yaml = result;
          return {};
        },
        js: () => {
          throw new Error("JavaScript frontmatter is not allowed");
        },
        javascript: () => {
          throw new Error("JavaScript frontmatter is not allowed");
        },
      },
    });
  } catch (error) {
    return { file, line: 1, field: "frontmatter", message: (error as Error).message };
  }
  if (yamlProblem) return yamlProblem;
  if (!parsed.matter.trim() || !yaml) {
    return { file, line: 1, field: "frontmatter", message: "missing: an article starts with a `---` block of YAML fields" };
  }
  // gray-matter hands the YAML over starting with the newline after `---`, so YAML line n is file line n.
  const bodyStart = raw.length - parsed.content.length;
  const bodyLine = countLines(raw.slice(0, bodyStart)) + 1;

  const source = yaml;
  return {
    data: source.value,
    body: parsed.content,
    bodyLine,
    lineOf: source.lineOf,
  };
}

/** The first line after the frontmatter's closing `---` (1 when the file has none). */
function lineAfterFrontmatter(raw: string): number {
  const lines = raw.split("\n");
  if (lines[0]?.trimEnd() !== "---") return 1;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close === -1 ? Infinity : close + 2;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function isProblem(x: SourceFile | Problem): x is Problem {
  return "message" in x && "field" in x;
}
