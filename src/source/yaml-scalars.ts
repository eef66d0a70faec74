/**
 * YAML scalars as Dateline writes them into files an editor then reads and edits (`npm run new`,
 * the importers): plain where a value is plainly a string, double-quoted otherwise, and never a
 * value YAML would read as something else (a date, a number, `yes`).
 */
import jsYaml from "js-yaml";

/** A YAML double-quoted scalar: `\` and `"` escaped, and every character YAML may not hold raw. */
export function quoted(value: string): string {
  const escaped = value.replace(/[\\"]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) =>
    c === "\\" || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `"${escaped}"`;
}

/** Plain when it is plainly a string (`Middle East`, `2026-01-28T12:00:00+03:00`), else quoted. */
export function scalar(value: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’:+-]*$/u.test(value) && !/: |:$/.test(value) && jsYaml.load(value, { schema: jsYaml.CORE_SCHEMA }) === value;
  return plain ? value : quoted(value);
}
