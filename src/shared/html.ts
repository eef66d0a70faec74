/**
 * Escaping is decided here and only here. Templates build HTML with the `html` tagged template:
 * every interpolated value is escaped unless it is already `SafeHtml` (the output of `html` itself,
 * or `raw()` for HTML made by a trusted renderer such as markdown-it). A template cannot forget to
 * escape a headline, and `{{ price }}` in a headline is just text.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks HTML produced by a trusted renderer as safe. Never pass editor text here. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/** Attribute helper: `attr("loading", "lazy")` → ` loading="lazy"`; undefined drops the attribute. */
export function attr(name: string, value: string | number | undefined): SafeHtml {
  return value === undefined ? new SafeHtml("") : html` ${raw(name)}="${String(value)}"`;
}

/**
 * JSON inside a <script> (JSON-LD by default, or data a page's script reads): valid JSON that cannot end the script or open
 * a comment, whatever the text holds (`</script>`, `<!--`). `<`, `>` and `&` become \u escapes,
 * which JSON parsers read back as the same characters; U+2028/9 are escaped for old JS parsers.
 */
export function jsonScript(value: unknown, o: { type?: string; id?: string } = {}): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return html`<script type="${o.type ?? "application/ld+json"}"${attr("id", o.id)}>${new SafeHtml(json)}</script>`;
}
