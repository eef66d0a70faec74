import type { RendererRule as RenderRule } from "markdown-it";
import type { StateCore } from "markdown-it";
import { splitCaption } from "../credits.ts";
import { embedFigure, parseEmbed, type EmbedResult } from "../embeds.ts";
import { renderEnv } from "../render-env.ts";
import { closedByFence, containerClose } from "./containers.ts";

/** What an `embed` token carries: what followed `::: embed`, the allow-list's verdict, the caption. */
export type EmbedMeta = {
  spec: string;
  embed: EmbedResult;
  /** Plain text, typeset like the body (captions are not Markdown, as an image's title is not). */
  caption: string;
};

/**
 * container_embed_open, its caption paragraph, container_embed_close → one `embed` token. Anything
 * but one paragraph of text inside (a heading, a list, a second paragraph) is refused: most likely
 * the closing `:::` is missing and the rest of the article would have become the caption.
 */
export function embeds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "container_embed_open") continue;
    const end = containerClose(tokens, i, "embed");
    const inner = tokens.slice(i + 1, end);
    const close = tokens[end];
    const spec = open.info.trim().replace(/^embed/, "").trim();
    const captionOnly =
      inner.length === 0 || (inner.length === 3 && inner[0]!.type === "paragraph_open" && inner[1]!.type === "inline" && inner[2]!.type === "paragraph_close");
    // A container left open at the end of the document (or of its list item or quote) is not closed.
    const closed = closedByFence(close);
    const caption = captionOnly && inner[1] ? state.md.renderer.renderInlineAsText(inner[1].children ?? [], state.md.options, {}).replace(/\s+/g, " ").trim() : "";
    let embed = parseEmbed(spec);
    if (!("error" in embed) && embed.kind !== "post" && !splitCaption(caption).text) {
      // The caption is also the frame's title, which screen readers announce (and axe wants unique).
      embed = { error: `a ${embed.kind} needs a caption saying what it shows, on the line after \`::: embed\`` };
    }
    if (!captionOnly || !closed) {
      embed = { error: `an embed holds only its caption, one paragraph of text, and ends with \`:::\` on a line of its own${closed ? "" : " (it is not closed)"}` };
    }
    const token = new state.Token("embed", "figure", 0);
    token.block = true;
    token.map = open.map;
    token.meta = { spec, embed, caption } satisfies EmbedMeta;
    tokens.splice(i, end - i + 1, token);
  }
}

/** An embed the loader checked: a figure with the frame, its link and its caption. */
export const renderEmbed: RenderRule = (tokens, idx, _options, env) => {
  const { spec, embed, caption } = tokens[idx]!.meta as EmbedMeta;
  if ("error" in embed) throw new Error(`embed ${spec} was not checked before rendering: ${embed.error}`);
  return `${embedFigure(embed, splitCaption(caption), renderEnv(env).words).value}\n`;
};
