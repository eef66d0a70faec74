import type { StateCore, Token } from "markdown-it";
import { closedByFence, containerClose } from "./containers.ts";

/**
 * A live story's updates, taken out of the body: each `::: update <time> [key] [pinned]` container
 * (markdown-it-container) at the top level, with what the loader checks of it. What stays in the
 * body is the opening text. The updates are rendered one by one (each is a block of its own on the
 * page and in `updates.json`), in the order they are written; the loader reads their times (in the
 * site's zone) and orders them.
 *
 *   ::: update 2026-01-28T14:32:00+03:00 key
 *   author: Karwan Mirkhan
 *   **Putin and al-Sharaa meet in the Kremlin.** The talks began …
 *   :::
 */
export interface UpdateBlock {
  /** What followed `::: update`: the time, then the flags. */
  readonly spec: string;
  /** 0-based line of the `::: update` line within the body. */
  readonly line: number;
  /** From an `author: Name` first line, which is not part of the update's text. */
  readonly author: string | undefined;
  /** The update's first bold sentence, or its first words: what lists and structured data call it. */
  readonly headline: string;
  /** Set when the container is not closed with `:::` on a line of its own. */
  readonly unclosed: boolean;
  readonly tokens: Token[];
}

/** Words of an update's text that make its headline when it has nothing in bold. */
const HEADLINE_WORDS = 12;

export function liveUpdates(state: StateCore): void {
  const tokens = state.tokens;
  const updates: UpdateBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "container_update_open" || open.level !== 0) continue;
    const end = containerClose(tokens, i, "update");
    const inner = tokens.slice(i + 1, end);
    const close = tokens[end];
    const author = takeAuthorLine(inner);
    updates.push({
      spec: open.info.trim().replace(/^update/, "").trim(),
      line: open.map?.[0] ?? 0,
      author,
      headline: headlineOf(inner, state),
      unclosed: !closedByFence(close),
      tokens: inner,
    });
    tokens.splice(i, end - i + 1);
    i--;
  }
  if (updates.length) state.env.updates = updates;
}

/** The updates `liveUpdates` took out of a parsed body, in the order written. */
export function updateBlocks(env: Record<string, unknown>): readonly UpdateBlock[] {
  return (env.updates as UpdateBlock[] | undefined) ?? [];
}

/**
 * `author: Name` as the first line of the update's first paragraph: removed from the text (the
 * paragraph too, when it held only that line), and given back.
 */
function takeAuthorLine(inner: Token[]): string | undefined {
  const [open, inline] = inner;
  if (open?.type !== "paragraph_open" || inline?.type !== "inline" || !inline.children) return undefined;
  const [first, next] = inline.children;
  const match = first?.type === "text" ? /^author:\s*(\S.*)$/i.exec(first.content) : null;
  if (!match || (next && next.type !== "softbreak" && next.type !== "hardbreak")) return undefined;
  if (!next) inner.splice(0, 3);
  else {
    inline.children.splice(0, 2);
    inline.content = inline.content.slice(inline.content.indexOf("\n") + 1);
  }
  return match[1]!.trim();
}

/** The first bold run of the first paragraph, else its first words. */
function headlineOf(inner: readonly Token[], state: StateCore): string {
  const inline = inner.find((t) => t.type === "inline");
  const children = inline?.children ?? [];
  const asText = (list: Token[]) => state.md.renderer.renderInlineAsText(list, state.md.options, {}).replace(/\s+/g, " ").trim();
  const start = children.findIndex((c) => c.type === "strong_open");
  const stop = children.findIndex((c, i) => i > start && c.type === "strong_close");
  if (start >= 0 && stop > start) {
    const bold = asText(children.slice(start + 1, stop));
    if (bold) return bold;
  }
  const words = asText(children).split(" ").filter(Boolean);
  return words.length > HEADLINE_WORDS ? `${words.slice(0, HEADLINE_WORDS).join(" ")}…` : words.join(" ");
}
