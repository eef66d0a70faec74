/** The `::: name` containers of markdown-it-container (embeds, live updates), read alike. */
import type { Token } from "markdown-it";

/**
 * Where the `::: <name>` container opened at `open` (markdown-it-container's tokens) closes, nested
 * ones of the same name counted; `tokens.length` when nothing closes it. Whether it was closed by a
 * `:::` line is the caller's to check: markdown-it-container closes one left open at the end of the
 * document with a token that carries some other line as its markup (`closedByFence`).
 */
export function containerClose(tokens: readonly Token[], open: number, name: string): number {
  let end = open + 1;
  for (let depth = 1; end < tokens.length; end++) {
    const t = tokens[end]!;
    if (t.type === `container_${name}_open`) depth++;
    else if (t.type === `container_${name}_close` && --depth === 0) break;
  }
  return end;
}

/** Whether a container's closing token is a `:::` line of its own. */
export function closedByFence(close: Token | undefined): boolean {
  return !!close && /^:{3,}\s*$/.test(close.markup);
}
