/**
 * Plain text written as Markdown that shows the same text: wire copy is not Markdown, so a line
 * starting "1. " or "- ", a word in *asterisks*, "[sic]" or "paragraph (c)" must not become a list,
 * emphasis, a link or a © sign. Only what Markdown (markdown-it with the site's typographer) would
 * read as syntax is escaped, with a backslash, so the draft stays readable: quotes, apostrophes and
 * dashes are left exactly as typed (the site's typographer curls straight ones, as in every story).
 */

/** Characters that are syntax wherever they stand: emphasis, code, links, autolinks, strikethrough, escapes. */
const INLINE = /[\\`*_[\]<~]/g;
/** An HTML entity such as `&amp;`, which would be read as the character it names. */
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
/** The typographer's (c), (r) and (tm), which it would turn into ©, ® and ™. */
const SYMBOL = /\((?=(?:c|r|tm)\))/gi;
/** What is syntax at the start of a line: headings, quotes, lists, rules and underlines, fences, containers, tables. */
const LINE_START = /^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|[=-]+\s*$|:{3}|\|)/;

/** One line of plain text as Markdown (leading and trailing spaces dropped: they are syntax too). */
export function markdownLine(line: string): string {
  const text = line
    .trim()
    .replace(INLINE, "\\$&")
    .replace(ENTITY, "\\&")
    .replace(SYMBOL, "\\(");
  const start = LINE_START.exec(text);
  if (!start) return text;
  // "1. " is escaped at its dot ("1\. "); a line of dashes at each (or the typographer joins the rest
  // into a dash); anything else at its first character.
  if (/^\d/.test(start[0])) return `${start[0]}\\${text.slice(start[0].length)}`;
  if (/^[=-]+\s*$/.test(text)) return text.replace(/[=-]/g, "\\$&");
  return `\\${text}`;
}

/** A paragraph of plain text (its lines kept as typed) as a Markdown paragraph. */
export function markdownParagraph(text: string): string {
  return text.split("\n").map(markdownLine).join("\n");
}

/** A picture's title, the quoted caption of `![alt](./file.jpg "title")`. */
export function markdownTitle(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(ENTITY, "\\&")}"`;
}
