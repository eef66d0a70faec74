/**
 * The markdown-it instance for bodies, configured here and nowhere else (plain-text fields have
 * their own typographer, src/render/typeset.ts). Its rules are a table below, one file each under
 * rules/, as markdown-it's own are.
 *
 * - Raw HTML is off on purpose: `<script>` in an article is shown as text, never run. Embeds come
 *   through an explicit, allow-listed syntax instead: a `::: embed URL` container (markdown-it-container)
 *   whose body is the caption, collapsed into one `embed` token at parse time and checked against
 *   the allow-list in src/render/embeds.ts; the loader reports refused ones (`embedRefs`).
 * - Typographer on (curly quotes, dashes). Headings get stable ids prefixed `h-`.
 * - A paragraph holding only an image becomes a <figure>; its title is the caption, and a trailing
 *   "(Photo: AFP)" is split off as the credit.
 * - A live story's updates are `::: update <time> [key] [pinned]` containers, taken out of the body
 *   (rules/live-updates.ts) and rendered one by one.
 * - `::: picture-needed [name]` holds an imported caption whose picture the editor must still add
 *   (rules/picture-needed.ts): a box in a draft's page; a story holding one is not published.
 * - Rendering is three steps: parse to tokens, let the caller resolve the images the tokens name,
 *   then render with those resolved images in `env`. No regex runs over rendered HTML.
 */
import MarkdownIt, { type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import { quotesFor } from "../locale/languages.ts";
import { slugOf } from "../site/slugs.ts";
import type { RenderEnv } from "./render-env.ts";
import { renderDateline } from "./rules/dateline.ts";
import { demoteHeadings } from "./rules/demote-headings.ts";
import { embeds, renderEmbed } from "./rules/embed-blocks.ts";
import { figures, renderFigure, renderImage } from "./rules/figures.ts";
import { renderLink } from "./rules/links.ts";
import { liveUpdates } from "./rules/live-updates.ts";
import { picturesNeeded, renderPictureNeeded } from "./rules/picture-needed.ts";

const md = new MarkdownIt({ html: false, typographer: true, linkify: false });

// Parsing: markdown-it's own rules, then ours, in this order (each in src/render/rules/).
md.core.ruler.push("demote_headings", demoteHeadings);
md.use(anchor, { slugify: (s: string) => `h-${slugOf(s) || "section"}`, tabIndex: false, level: 2, uniqueSlugStartIndex: 2 });
md.use(container, "embed", { validate: (params: string) => /^embed(\s|$)/.test(params.trim()) });
md.core.ruler.push("embeds", embeds);
md.use(container, "picture-needed", { validate: (params: string) => /^picture-needed(\s|$)/.test(params.trim()) });
md.core.ruler.push("pictures_needed", picturesNeeded);
md.core.ruler.push("figures", figures);
// Last: an update's embeds and figures are made like the body's before it is taken out.
md.use(container, "update", { validate: (params: string) => /^update(\s|$)/.test(params.trim()) });
md.core.ruler.push("live_updates", liveUpdates);

// Rendering: our tokens, and the default rules we override (each delegating what it does not change).
md.renderer.rules.image = renderImage;
md.renderer.rules["figure"] = renderFigure;
md.renderer.rules["embed"] = renderEmbed;
md.renderer.rules["picture_needed"] = renderPictureNeeded;
md.renderer.rules.link_open = renderLink;
md.renderer.rules["dateline"] = renderDateline;

export function parseMarkdown(body: string, lang = "en"): { tokens: Token[]; env: Record<string, unknown> } {
  const env: Record<string, unknown> = {};
  // Parsing is synchronous: the quotes set here are the ones this text is parsed with.
  md.options.quotes = quotesFor(lang);
  return { tokens: md.parse(body, env), env };
}

export function renderMarkdown(tokens: Token[], env: RenderEnv & Record<string, unknown>): string {
  return md.renderer.render(tokens, md.options, env as Record<string, unknown>);
}
