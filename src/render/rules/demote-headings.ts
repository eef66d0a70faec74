import type { StateCore } from "markdown-it";

/** The article's headline is its only h1: a body that uses `#` is shifted down one level. */
export function demoteHeadings(state: StateCore): void {
  if (!state.tokens.some((t) => t.type === "heading_open" && t.tag === "h1")) return;
  for (const t of state.tokens) {
    if (t.type === "heading_open" || t.type === "heading_close") {
      t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
    }
  }
}
