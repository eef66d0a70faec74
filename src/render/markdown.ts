/**
 * The one markdown-it instance, configured here and nowhere else.
 *
 * - Raw HTML is off on purpose: `<script>` in an article is shown as text, never run. Embeds come
 *   through an explicit, allow-listed syntax instead: a `::: embed URL` container (markdown-it-container)
 *   whose body is the caption, collapsed into one `embed` token at parse time and checked against
 *   the allow-list in src/render/embeds.ts; the loader reports refused ones (`embedRefs`).
 * - Typographer on (curly quotes, dashes). Headings get stable ids prefixed `h-`.
 * - A paragraph holding only an image becomes a <figure>; its title is the caption, and a trailing
 *   "(Photo: AFP)" is split off as the credit.
 * - Rendering is three steps: parse to tokens, let the caller resolve the images the tokens name,
 *   then render with those resolved images in `env`. No regex runs over rendered HTML.
 */
import type { Words } from "../locale/words.ts";
import { quotesFor } from "../locale/languages.ts";
import MarkdownIt, { type StateCore, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import { slugOf } from "../site/slugs.ts";
import { splitCaption } from "./credits.ts";
import { figure, picture, SIZES } from "./figure.ts";
import { html } from "../shared/html.ts";
import { embedFigure, parseEmbed, type EmbedResult } from "./embeds.ts";
import type { ImagePlan } from "../images/image-plan.ts";

export interface RenderEnv {
  /** Resolved images, by the `src` written in the Markdown. */
  images: ReadonlyMap<string, ImagePlan>;
  /** URL of the encoded images folder: a path for pages, absolute for feeds. */
  imageBase: string;
  /** Where links are resolved from; without it, links are left as written. */
  links?: LinkBase;
  /** The edition's interface words, for embeds ("Watch on YouTube"). */
  words: Words;
}

export interface LinkBase {
  /** Absolute URL of the page the text appears on. */
  page: string;
  /** The site's path prefix: a link written `/middle-east/` means `<prefix>middle-east/`. */
  prefix: string;
  /** Absolute URLs everywhere (feeds, read far from the site), or paths (pages). */
  absolute: boolean;
}

export interface ImageRef {
  src: string;
  /** 0-based line within the body. */
  line: number | undefined;
}

const md = new MarkdownIt({ html: false, typographer: true, linkify: false });
/** markdown-it's Token class (not exported as a value by the package). */
const TokenClass = new md.core.State("", md, {}).Token;

md.core.ruler.push("demote_headings", demoteHeadings);
md.use(anchor, { slugify: (s: string) => `h-${slugOf(s) || "section"}`, tabIndex: false, level: 2, uniqueSlugStartIndex: 2 });
md.use(container, "embed", { validate: (params: string) => /^embed(\s|$)/.test(params.trim()) });
md.core.ruler.push("embeds", embeds);
md.core.ruler.push("figures", figures);

md.renderer.rules.image = (tokens, idx, _options, env) => {
  const { plan, alt } = resolved(tokens[idx]!, env);
  const o = { alt, sizes: SIZES.inline, imageBase: renderEnv(env).imageBase };
  return html`<span class="inline-image">${picture(plan, o)}</span>`.value;
};

md.renderer.rules["figure"] = (tokens, idx, _options, env) => {
  const image = tokens[idx]!.children![0]!;
  const { plan, alt } = resolved(image, env);
  const title = attr(image, "title");
  const caption = splitCaption(title === undefined ? undefined : typeset(title, renderEnv(env).words.lang));
  const o = { alt, sizes: SIZES.column, imageBase: renderEnv(env).imageBase, className: "figure" };
  return `${figure(plan, caption, o).value}\n`;
};

md.renderer.rules["embed"] = (tokens, idx, _options, env) => {
  const { spec, embed, caption } = tokens[idx]!.meta as EmbedMeta;
  if ("error" in embed) throw new Error(`embed ${spec} was not checked before rendering: ${embed.error}`);
  return `${embedFigure(embed, splitCaption(caption), (env as unknown as RenderEnv).words).value}\n`;
};

function attr(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

/** markdown-it types `env` loosely; ours always carries the resolved images. */
function renderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}

function resolved(image: Token, env: unknown): { plan: ImagePlan; alt: string } {
  const src = attr(image, "src") ?? "";
  const plan = renderEnv(env).images.get(src);
  if (!plan) throw new Error(`image ${src} was not resolved before rendering`);
  return { plan, alt: md.renderer.renderInlineAsText(image.children ?? [], md.options, env as Record<string, unknown>) };
}

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = attr(token, "href");
  const base = renderEnv(env).links;
  if (href === undefined || !base) return self.renderToken(tokens, idx, options);
  // The same tokens are rendered twice (page and feed): resolve on a copy, never in the token.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as typeof token, token, {
    attrs: token.attrs?.map(([name, value]) => [name, name === "href" ? resolveHref(String(value), base) : String(value)] as [string, string]) ?? null,
  });
  return self.renderToken([copy], 0, options);
};

/**
 * A link as readers need it: URLs with a scheme are kept; `/path/` is under the site's prefix;
 * relative paths and `#fragments` are resolved from the page. Feeds get absolute URLs throughout.
 */
export function resolveHref(href: string, base: LinkBase): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return href;
  if (href.startsWith("#") && !base.absolute) return href;
  const page = new URL(base.page);
  const target = href.startsWith("/") ? new URL(base.prefix + href.slice(1), page) : new URL(href, page);
  return base.absolute ? target.href : target.href.slice(target.origin.length);
}

md.renderer.rules["dateline"] = (tokens, idx) => {
  const { place, source } = tokens[idx]!.meta as { place: string; source?: string };
  // The dateline belongs to the text: it leads the first paragraph, followed by an en dash that a
  // no-break space keeps from starting a line.
  return html`<span class="dateline">${place}${source ? ` (${source})` : ""}</span>\u00a0– `.value;
};

/** The article's headline is its only h1: a body that uses `#` is shifted down one level. */
function demoteHeadings(state: StateCore): void {
  if (!state.tokens.some((t) => t.type === "heading_open" && t.tag === "h1")) return;
  for (const t of state.tokens) {
    if (t.type === "heading_open" || t.type === "heading_close") {
      t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
    }
  }
}

/** What an `embed` token carries: what followed `::: embed`, the allow-list's verdict, the caption. */
type EmbedMeta = {
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
function embeds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "container_embed_open") continue;
    let end = i + 1;
    for (let depth = 1; end < tokens.length; end++) {
      const t = tokens[end]!;
      if (t.type === "container_embed_open") depth++;
      else if (t.type === "container_embed_close" && --depth === 0) break;
    }
    const inner = tokens.slice(i + 1, end);
    const close = tokens[end];
    const spec = open.info.trim().replace(/^embed/, "").trim();
    const captionOnly =
      inner.length === 0 || (inner.length === 3 && inner[0]!.type === "paragraph_open" && inner[1]!.type === "inline" && inner[2]!.type === "paragraph_close");
    // markdown-it-container closes a container left open at the end of the document (or of its list
    // item or quote): the closing token then carries some other line as its markup.
    const closed = !!close && /^:{3,}\s*$/.test(close.markup);
    const caption = captionOnly && inner[1] ? md.renderer.renderInlineAsText(inner[1].children ?? [], md.options, {}).replace(/\s+/g, " ").trim() : "";
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

/** paragraph_open, inline[image], paragraph_close → one `figure` token carrying the image. */
function figures(state: StateCore): void {
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

export function parseMarkdown(body: string, lang = "en"): { tokens: Token[]; env: Record<string, unknown> } {
  const env: Record<string, unknown> = {};
  // Parsing is synchronous: the quotes set here are the ones this text is parsed with.
  md.options.quotes = quotesFor(lang);
  return { tokens: md.parse(body, env), env };
}

export { attr as tokenAttr };

/** Every image the body refers to, with its line, in order. */
export function imageRefs(tokens: readonly Token[]): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      if (child.type === "image") refs.push({ src: attr(child, "src") ?? "", line: block.map?.[0] });
    }
  }
  return refs;
}

/** Every embed in the body, with its line (0-based within the body) and the reason it is refused, if it is. */
export function embedRefs(tokens: readonly Token[]): { spec: string; line: number | undefined; error: string | undefined }[] {
  return tokens
    .filter((t) => t.type === "embed")
    .map((t) => {
      const { spec, embed } = t.meta as EmbedMeta;
      return { spec, line: t.map?.[0], error: "error" in embed ? embed.error : undefined };
    });
}

/** Every link the body holds, with its line, in order. */
export function linkRefs(tokens: readonly Token[]): { href: string; line: number | undefined }[] {
  const refs: { href: string; line: number | undefined }[] = [];
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      const href = child.type === "link_open" ? attr(child, "href") : undefined;
      if (href) refs.push({ href, line: block.map?.[0] });
    }
  }
  return refs;
}

/** Puts the dateline at the start of the first paragraph; false when the body has no paragraph. */
export function leadWithDateline(tokens: Token[], dateline: { place: string; source?: string | undefined }): boolean {
  const first = tokens.findIndex((t) => t.type === "paragraph_open");
  const inline = tokens[first + 1];
  if (first === -1 || !inline?.children) return false;
  const mark = new TokenClass("dateline", "span", 0);
  mark.meta = dateline;
  inline.children.unshift(mark);
  return true;
}

export function renderMarkdown(tokens: Token[], env: RenderEnv & Record<string, unknown>): string {
  return md.renderer.render(tokens, md.options, env as Record<string, unknown>);
}

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

/** Words in the body's text (for reading time), counted without building the text. */
export function countWords(tokens: readonly Token[]): number {
  let words = 0;
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      if (child.type !== "text" && child.type !== "code_inline") continue;
      let inWord = false;
      const text = child.content;
      for (let i = 0; i < text.length; i++) {
        const space = text.charCodeAt(i) <= 32;
        if (!space && !inWord) words++;
        inWord = !space;
      }
    }
  }
  return words;
}
