/**
 * YAML parsing that can say where things are, so every problem can name its line.
 *
 * Both parsers use the YAML 1.2 core schema: it has no timestamp type, so a date such as
 * `2026-01-28 12:00` stays the string the editor wrote and is read in the site's time zone later,
 * instead of being turned into a UTC `Date` by the parser.
 *
 * js-yaml does the parsing (about ten times faster than building a `yaml` Document, which matters at
 * thousands of articles); the `yaml` package's Document, with source positions, is built only when
 * a problem needs a line number.
 */
import jsYaml from "js-yaml";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface YamlSource {
  /** The parsed value, not yet validated. */
  value: unknown;
  /** 1-based line (within the YAML text) of the deepest existing key on `path`. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface YamlError {
  message: string;
  line: number | undefined;
}

export function parseYaml(text: string): YamlSource | YamlError {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    return describeError(text, error as jsYaml.YAMLException);
  }
  let positions: { doc: Document; lines: LineCounter } | undefined;
  return {
    value,
    lineOf: (path) => {
      if (!positions) {
        const lines = new LineCounter();
        positions = { doc: parseDocument(text, { schema: "core", lineCounter: lines }), lines };
      }
      return lineOfPath(positions.doc, path, positions.lines);
    },
  };
}

export function isYamlError(x: YamlSource | YamlError): x is YamlError {
  return "message" in x;
}

/** What the YAML parser's words usually mean in a story's fields, and the fix, by the parser's error code. */
const PLAIN_REASONS: Partial<Record<string, (message: string) => string | undefined>> = {
  BLOCK_AS_IMPLICIT_KEY: () => "usually a colon in unquoted text (title: Erbil: talks resume); put the text in double quotes",
  UNEXPECTED_TOKEN: () => 'usually a double quote inside double quotes; write \\" or use curly quotes “ ”',
  MISSING_CHAR: (m) => (m.includes("quote") ? "a quote is opened and never closed; close it at the end of the text" : undefined),
  DUPLICATE_KEY: () => "a field is written twice; keep one",
  TAB_AS_INDENT: () => "indent with spaces, not tabs",
  BAD_INDENT: (m) => (m.startsWith("Flow sequence") ? "a list opened with [ is not closed with ]" : "the fields of a group (under image:, say) must start at the same column"),
};

/** The `yaml` package words errors better ("Map keys must be unique"); js-yaml's is the fallback. */
function describeError(text: string, error: jsYaml.YAMLException): YamlError {
  const lines = new LineCounter();
  const first = parseDocument(text, { schema: "core", lineCounter: lines, prettyErrors: true, uniqueKeys: true }).errors[0];
  if (first) {
    const message = (first.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, "");
    const plain = PLAIN_REASONS[first.code]?.(message);
    return { message: plain ? `${message}: ${plain}` : message, line: first.linePos?.[0].line };
  }
  return { message: error.reason || "invalid YAML", line: error.mark ? error.mark.line + 1 : undefined };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], lines: LineCounter): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key];
      if (!item) break;
      offset = (item as { range?: [number] }).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
