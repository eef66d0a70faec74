import type { RendererRule as RenderRule } from "markdown-it";
import type { Token } from "markdown-it";
import { html } from "../../shared/html.ts";

/** Puts the dateline at the start of the first paragraph; false when the body has no paragraph. */
export function leadWithDateline(tokens: Token[], dateline: { place: string; source?: string | undefined }): boolean {
  const first = tokens.findIndex((t) => t.type === "paragraph_open");
  const inline = tokens[first + 1];
  if (first === -1 || !inline?.children) return false;
  // markdown-it does not export its Token class as a value: made like the tokens beside it.
  const mark = new (inline.constructor as new (type: string, tag: string, nesting: number) => Token)("dateline", "span", 0);
  mark.meta = dateline;
  inline.children.unshift(mark);
  return true;
}

/** The dateline token: place and source, leading the first paragraph. */
export const renderDateline: RenderRule = (tokens, idx) => {
  const { place, source } = tokens[idx]!.meta as { place: string; source?: string };
  // The dateline belongs to the text: it leads the first paragraph, followed by an en dash that a
  // no-break space keeps from starting a line.
  return html`<span class="dateline">${place}${source ? ` (${source})` : ""}</span>\u00a0– `.value;
};
