/**
 * Characters an editor cannot see and XML cannot hold: C0 control characters other than tab, line
 * feed and carriage return, and U+FFFE/U+FFFF. One of them in a headline makes every feed invalid
 * XML; Word pastes U+000B for a line break. Refused where they are typed, with the line.
 */
import type { Problem } from "../shared/errors.ts";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** What the common ones are, so an editor knows what to look for. */
const NAMES: Readonly<Record<number, string>> = {
  0x00: "a NUL character",
  0x07: "a bell character",
  0x08: "a backspace",
  0x0b: "a vertical tab, as Word pastes a line break",
  0x0c: "a form feed, as some editors paste a page break",
  0x1b: "an escape character",
};

/**
 * The first such character in a file's text, as a problem on its line; the field is the YAML key the
 * line starts with, or `body` from `bodyLine()` on (Markdown; asked only when there is such a character).
 */
export function controlCharacterProblem(file: string, text: string, bodyLine: () => number = () => Infinity): Problem | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split("\n").length;
  const lineText = before.slice(before.lastIndexOf("\n") + 1);
  const key = /^\s*(?:-\s+)?([^\s:#"'][^:]*):/.exec(lineText)?.[1]?.trim();
  const code = match[0].codePointAt(0)!;
  const name = NAMES[code] ?? "a control character";
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return { file, line, field: line >= bodyLine() ? "body" : (key ?? "text"), message: `holds ${name} (${hex}), invisible here and invalid in feeds: delete it` };
}
