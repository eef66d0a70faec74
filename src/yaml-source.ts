/**
 * YAML parsing that remembers where things are, so every problem can name its line.
 *
 * We use the `yaml` package with the YAML 1.2 core schema: it has no timestamp type, so a date such
 * as `2026-01-28 12:00` stays the string the editor wrote and is read in the site's time zone later,
 * instead of being turned into a UTC `Date` by the parser.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface YamlSource {
  /** The parsed value, not yet validated. */
  value: unknown;
  /** 1-based line (within the YAML text) of the deepest existing node on `path`. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface YamlError {
  message: string;
  line: number | undefined;
}

export function parseYaml(text: string): YamlSource | YamlError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    const message = (first.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, "");
    return { message, line };
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf: (path) => lineOfPath(doc, path, lineCounter),
  };
}

export function isYamlError(x: YamlSource | YamlError): x is YamlError {
  return "message" in x;
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
