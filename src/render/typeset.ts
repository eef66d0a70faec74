import MarkdownIt from "markdown-it";
import { quotesFor } from "../locale/languages.ts";

/**
 * Typography for plain-text fields (headline, standfirst, captions): curly quotes and dashes as in
 * the body, and nothing else; no Markdown, no HTML. The "zero" preset turns every rule off.
 */
const typographer = new MarkdownIt("zero", { typographer: true }).enable(["replacements", "smartquotes"]);

export function typeset(text: string, lang = "en"): string {
  typographer.options.quotes = quotesFor(lang);
  const children = typographer.parseInline(text, {})[0]?.children ?? [];
  return children.map((t) => (t.type === "softbreak" ? " " : t.content)).join("");
}
