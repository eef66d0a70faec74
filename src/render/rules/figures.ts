import type { RendererRule as RenderRule } from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { html } from "../../shared/html.ts";
import { figure, ORIGIN_WORDS, picture, SIZES } from "../figure.ts";
import { pictureText, type PictureText } from "../picture-text.ts";
import { renderEnv } from "../render-env.ts";
import { tokenAttr } from "../tokens.ts";
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
  const { plan, text } = resolved(tokens[idx]!, env, (children) => self.renderInlineAsText(children, options, env));
  const o = { alt: text.alt?.value ?? "", sizes: SIZES.inline, imageBase: renderEnv(env).imageBase };
  return html`<span class="inline-image">${picture(plan, o)}</span>`.value;
};

/**
 * A figure: the picture, its caption and its credit, each as the editor wrote it in the image's
 * alt text and title, else as the picture carries it (src/render/picture-text.ts).
 */
export const renderFigure: RenderRule = (tokens, idx, options, env, self) => {
  const { plan, text } = resolved(tokens[idx]!.children![0]!, env, (children) => self.renderInlineAsText(children, options, env));
  const { imageBase, words } = renderEnv(env);
  const caption = { text: text.caption?.value ?? "", credit: text.credit?.value };
  const o = { alt: text.alt?.value ?? "", sizes: SIZES.column, imageBase, className: "figure", origin: text.pictureOrigin && words.t(ORIGIN_WORDS[text.pictureOrigin]) };
  return `${figure(plan, caption, o).value}\n`;
};

function resolved(image: Token, env: unknown, asText: (children: Token[]) => string): { plan: ImagePlan; text: PictureText } {
  const src = tokenAttr(image, "src") ?? "";
  const plan = renderEnv(env).images.get(src);
  if (!plan) throw new Error(`image ${src} was not resolved before rendering`);
  const editor = { origin: "markdown" as const, alt: asText(image.children ?? []), caption: tokenAttr(image, "title") };
  return { plan, text: pictureText(editor, plan.embedded, renderEnv(env).words.lang) };
}
