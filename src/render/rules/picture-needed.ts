import type { RendererRule as RenderRule } from "markdown-it";
import type { StateCore } from "markdown-it";
import { html } from "../../shared/html.ts";
import { renderEnv } from "../render-env.ts";
import { closedByFence, containerClose } from "./containers.ts";

/**
 * `::: picture-needed [name]`: where an import (`npm run import`) found a picture's caption but
 * could not put the picture in the story (none was given, or it carries no alt text, which only a
 * person can write), the caption waits at its place for the editor:
 *
 *   ::: picture-needed wire-photo-2.jpg
 *   Russian units leave the airport at dawn. (Photo: AFP)
 *   :::
 *
 * The name is the file the import looked for, if any. A draft's page shows the block as a box; the
 * loader refuses to publish a story that still holds one, and `npm run check` warns at its line in a
 * draft (src/content/picture-needed.ts). Collapsed into one token, as embeds are, so the dateline
 * leads the story's first paragraph and never the caption.
 */
export type PictureNeededMeta = {
  /** The file the import looked for. */
  name: string | undefined;
  /** Plain text, as the import wrote it (with its credit). */
  caption: string;
  /** Nothing but other such blocks before it: where the story's own picture goes. */
  top: boolean;
  /** Set when the block is not one paragraph of caption closed by `:::`. */
  error: string | undefined;
};

export function picturesNeeded(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "container_picture-needed_open") continue;
    const end = containerClose(tokens, i, "picture-needed");
    const inner = tokens.slice(i + 1, end);
    const closed = closedByFence(tokens[end]);
    const captionOnly = inner.length === 3 && inner[0]!.type === "paragraph_open" && inner[1]!.type === "inline" && inner[2]!.type === "paragraph_close";
    const caption = captionOnly ? state.md.renderer.renderInlineAsText(inner[1]!.children ?? [], state.md.options, {}).replace(/\s+/g, " ").trim() : "";
    const name = open.info.trim().replace(/^picture-needed/, "").trim() || undefined;
    const error =
      captionOnly && closed
        ? undefined
        : `a picture-needed block holds only its caption, one paragraph of text, and ends with \`:::\` on a line of its own${closed ? "" : " (it is not closed)"}`;
    const token = new state.Token("picture_needed", "p", 0);
    token.block = true;
    token.map = open.map;
    token.meta = { name, caption, top: tokens.slice(0, i).every((t) => t.type === "picture_needed"), error } satisfies PictureNeededMeta;
    tokens.splice(i, end - i + 1, token);
  }
}

/** A box in the draft's page: the words "Picture needed:" and the caption (only a draft can hold one). */
export const renderPictureNeeded: RenderRule = (tokens, idx, _options, env) => {
  const { caption } = tokens[idx]!.meta as PictureNeededMeta;
  return `${html`<p class="picture-needed"><strong>${renderEnv(env).words.t("pictureNeeded")}</strong> ${caption}</p>`.value}\n`;
};
