import type { RendererRule as RenderRule } from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { html } from "../../shared/html.ts";
import { splitCaption } from "../credits.ts";
import { figure, picture, SIZES } from "../figure.ts";
import { renderEnv } from "../render-env.ts";
import { tokenAttr } from "../tokens.ts";
import { typeset } from "../typeset.ts";
import type { ImagePlan } from "../../images/image-plan.ts";

/** paragraph_open, inline[image], paragraph_close → one `figure` token carrying the image. */
export function figures(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    const children = inline.children?.filter((c) => !(c.type === "text" && !c.content.trim())) ?? [];
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close") continue;
    if (children.length !== 1 || children[0]!.type !== "image") continue;
    const fig = new state.Token("figure", "figure", 0);
    fig.block = true;
    fig.map = open.map;
    fig.children = children;
    tokens.splice(i, 3, fig);
  }
}

/** An image inside a paragraph of text. */
export const renderImage: RenderRule = (tokens, idx, options, env, self) => {
  const { plan, alt } = resolved(tokens[idx]!, env, (children) => self.renderInlineAsText(children, options, env));
  const o = { alt, sizes: SIZES.inline, imageBase: renderEnv(env).imageBase };
  return html`<span class="inline-image">${picture(plan, o)}</span>`.value;
};

/** A figure: the picture, its caption and its credit. */
export const renderFigure: RenderRule = (tokens, idx, options, env, self) => {
  const image = tokens[idx]!.children![0]!;
  const { plan, alt } = resolved(image, env, (children) => self.renderInlineAsText(children, options, env));
  const title = tokenAttr(image, "title");
  const caption = splitCaption(title === undefined ? undefined : typeset(title, renderEnv(env).words.lang));
  const o = { alt, sizes: SIZES.column, imageBase: renderEnv(env).imageBase, className: "figure" };
  return `${figure(plan, caption, o).value}\n`;
};

function resolved(image: Token, env: unknown, asText: (children: Token[]) => string): { plan: ImagePlan; alt: string } {
  const src = tokenAttr(image, "src") ?? "";
  const plan = renderEnv(env).images.get(src);
  if (!plan) throw new Error(`image ${src} was not resolved before rendering`);
  return { plan, alt: asText(image.children ?? []) };
}
