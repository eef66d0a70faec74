/**
 * A WordPress post's body (HTML as WordPress stores it) → Dateline Markdown, through turndown with
 * rules for what WordPress writes (its shortcodes and paragraphs are first expanded as WordPress
 * would show them: src/import/wordpress-text-filters.ts):
 *
 * - paragraphs: the classic editor stores them as blank lines, which WordPress turns into `<p>` only
 *   when it shows the post (wpautop); a post without Gutenberg blocks gets the same treatment here;
 * - shortcodes: `[caption]` and `[gallery]` become figures, `[embed]`, `[youtube]` and `[tweet]`
 *   embeds; a plugin's shortcode around text leaves the text; any other is left out and listed;
 * - figures: a `[caption]`, a Gutenberg image block (`<figure class="wp-block-image">`) or any
 *   `<figure>` with a picture; the picture itself is the caller's to place (`HtmlContext.picture`),
 *   since whether it can be shown depends on the uploads folder;
 * - embeds: a Gutenberg embed block, an `<iframe>`, a tweet's blockquote or a URL alone in its
 *   paragraph (WordPress's oEmbed), when `src/render/embeds.ts` allows it, become `::: embed`;
 * - HTML with no Markdown form (scripts, forms, iframes and embeds not allowed, video and audio
 *   players, styles) is left out and listed, so the report and the story's notes can say what.
 *
 * The converter is synchronous and keeps nothing between posts.
 */
import TurndownService from "turndown";
import { parseEmbed } from "../render/embeds.ts";
import { embedBlock } from "./markdown-blocks.ts";
import { markdownLine } from "./plain-markdown.ts";
import { autop, expandShortcodes, type ShortcodeContext } from "./wordpress-text-filters.ts";

/** A picture in the post, as the post gives it. */
export interface PictureRef {
  /** The `<img src>`: an address on the old site, usually under /wp-content/uploads/. */
  readonly src: string;
  /** The attachment's id (`class="wp-image-123"`), when the post names it. */
  readonly attachmentId: string | undefined;
  readonly alt: string;
  /** Plain text, its credit as a trailing "(Photo: AFP)" when the post gave one. */
  readonly caption: string;
}

export interface HtmlContext extends ShortcodeContext {
  /** The Markdown for a picture at its place: a figure, or a block asking for it. */
  picture(ref: PictureRef): string;
}

export interface Converted {
  markdown: string;
  /** What was left out or changed, one entry each: "script", "iframe docs.google.com", "[contact-form-7] shortcode". */
  dropped: string[];
  /** Video and map embeds written without a caption, which the build asks for. */
  uncaptioned: string[];
}

/** Elements with no Markdown form: left out, and named in the report. */
const DROPPED = ["script", "noscript", "style", "form", "input", "button", "select", "textarea", "object", "embed", "applet", "canvas", "svg", "video", "audio", "map", "dialog", "template"];

/** The scripts social networks' embed codes load beside their blockquote. */
const EMBED_SCRIPT = /^(https?:)?\/\/(platform\.twitter\.com|(www\.)?instagram\.com|(www\.)?tiktok\.com|connect\.facebook\.net)\//;

/** The Markdown of a post's body, with what was left out. */
export function htmlToMarkdown(html: string, ctx: HtmlContext): Converted {
  const state: Converted = { markdown: "", dropped: [], uncaptioned: [] };
  const expanded = expandShortcodes(html, ctx, state);
  // Gutenberg stores its paragraphs as <p>; WordPress runs wpautop only on posts without blocks.
  const withParagraphs = /<!--\s*wp:/.test(expanded) ? expanded : autop(expanded);
  const service = turndownFor(ctx, state);
  state.markdown = service
    .turndown(withParagraphs)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return state;
}

/** The text of an excerpt or a body without its Markdown: paragraphs as blank lines; no captions, embeds or tables. */
export function htmlText(html: string): string {
  const service = new TurndownService();
  service.escape = (text: string) => text;
  service.addRule("text", {
    filter: () => true,
    replacement: (content, node) => (node.nodeName === "BR" ? "\n" : isBlockNode(node) ? `\n\n${content}\n\n` : content),
  });
  service.addRule("left out", {
    filter: (node) => [...DROPPED, "figure", "iframe", "table"].includes(node.nodeName.toLowerCase()) || isSocialQuote(node),
    replacement: () => "",
  });
  const expanded = expandShortcodes(html, { attachment: () => undefined, children: [] }, { dropped: [] });
  const source = /<!--\s*wp:/.test(expanded) ? expanded : autop(expanded);
  return service.turndown(source).replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** A caption with its credit as Dateline reads one: "… Photo: AFP" and "… Photo by X" become "… (Photo: X)". */
export function captionWithCredit(text: string): string {
  const caption = text.replace(/\s+/g, " ").trim();
  if (/\)\s*$/.test(caption)) return caption;
  const match = /^(.*?)[\s.,;:–—|/-]*\b(Photo(?:graph)?s?|Image|Credit|Graphics?|Illustration|Map|Video)(?:\s+by\b|\s*:)\s*([^():]{1,80}?)\s*\.?$/iu.exec(caption);
  if (!match) return caption;
  const label = match[2]!.charAt(0).toUpperCase() + match[2]!.slice(1).toLowerCase();
  const before = match[1]!.trim();
  return `${before ? `${/[.!?…]$/.test(before) ? before : `${before}.`} ` : ""}(${label}: ${match[3]!.trim()})`;
}

function turndownFor(ctx: HtmlContext, state: Converted): TurndownService {
  const service = new TurndownService({ headingStyle: "atx", hr: "---", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "*", strongDelimiter: "**" });
  escapeAsText(service);
  const drop = (what: string) => state.dropped.push(what);
  const embed = (url: string, caption: string): string | undefined => {
    const parsed = parseEmbed(url);
    if ("error" in parsed) return undefined;
    if (parsed.kind !== "post" && !caption) state.uncaptioned.push(url);
    return embedBlock(url, caption);
  };

  // Rules added later are tried first (turndown keeps them in a stack).
  service.addRule("dropped", {
    filter: DROPPED as TurndownService.TagName[],
    replacement: (_content, node) => {
      // A form's fields and a player's sources go with it, unnamed; so does an embed's own script,
      // whose blockquote is the embed (see socialQuote).
      const embedScript = node.nodeName === "SCRIPT" && EMBED_SCRIPT.test(node.getAttribute("src") ?? "");
      if (!embedScript && !insideHandledFigure(node) && !inside(node, (parent) => DROPPED.includes(parent.nodeName.toLowerCase()))) drop(node.nodeName.toLowerCase());
      return "";
    },
  });
  service.addRule("iframe", {
    filter: "iframe",
    replacement: (_content, node) => {
      if (insideHandledFigure(node)) return "";
      const src = node.getAttribute("src") ?? "";
      const url = embedUrlOfFrame(src);
      const block = url && embed(url, (node.getAttribute("title") ?? "").trim());
      if (block) return block;
      drop(`iframe ${hostOf(src)}`);
      return "";
    },
  });
  service.addRule("strikethrough", { filter: ["del", "s", "strike" as TurndownService.TagName], replacement: (content) => (content.trim() ? `~~${content}~~` : "") });
  // The classic editor's "Preformatted" is a <pre> without <code>.
  service.addRule("preformatted", {
    filter: (node) => node.nodeName === "PRE" && !node.querySelector("code"),
    replacement: (_content, node) => `\n\n\`\`\`\n${(node.textContent ?? "").replace(/\n$/, "")}\n\`\`\`\n\n`,
  });
  service.addRule("table", { filter: "table", replacement: (content, node) => tableMarkdown(node) ?? `\n\n${content}\n\n` });
  // A picture's link (to the file or its attachment page) goes; the picture stays.
  service.addRule("linkedPicture", {
    filter: (node) => node.nodeName === "A" && !!node.querySelector("img") && node.textContent!.trim() === "",
    replacement: (content) => content,
  });
  service.addRule("picture", {
    filter: "img",
    replacement: (_content, node) => {
      if (insideHandledFigure(node)) return "";
      return ctx.picture({ src: node.getAttribute("src") ?? "", attachmentId: attachmentIdOf(node), alt: (node.getAttribute("alt") ?? "").trim(), caption: "" });
    },
  });
  service.addRule("figure", {
    filter: (node) => isPictureFigure(node),
    replacement: (_content, node) => {
      const img = node.querySelector("img")!;
      const caption = captionWithCredit(node.querySelector("figcaption")?.textContent ?? "");
      return ctx.picture({ src: img.getAttribute("src") ?? "", attachmentId: attachmentIdOf(img), alt: (img.getAttribute("alt") ?? "").trim(), caption });
    },
  });
  service.addRule("embedFigure", {
    filter: (node) => isEmbedFigure(node),
    replacement: (_content, node) => {
      const url = embedUrlOfFigure(node);
      const caption = (node.querySelector("figcaption")?.textContent ?? "").replace(/\s+/g, " ").trim();
      const block = url ? embed(url, caption) : undefined;
      if (block) return block;
      if (!url) {
        drop("embed without an address");
        return "";
      }
      drop(`embed ${hostOf(url)} (kept as a link)`);
      return `\n\n<${url}>${caption ? ` ${markdownLine(caption)}` : ""}\n\n`;
    },
  });
  // A post pasted from X (a blockquote with X's script beside it, which goes): the post's own embed.
  service.addRule("socialQuote", {
    filter: (node) => isSocialQuote(node),
    replacement: (_content, node) => {
      const links = Array.from(node.querySelectorAll("a")).map((a) => a.getAttribute("href") ?? "");
      const url = node.getAttribute("cite") || links.reverse().find((href) => /\/status(es)?\/\d+/.test(href)) || links[0] || "";
      const block = url ? embed(url.split("?")[0]!, "") : undefined;
      if (block) return block;
      drop(`embed ${hostOf(url)} (kept as a link)`);
      return url ? `\n\n<${url}>\n\n` : "";
    },
  });
  // WordPress's oEmbed: a URL alone in its paragraph shows the video or post it names.
  service.addRule("urlParagraph", {
    filter: (node) => node.nodeName === "P" && /^https?:\/\/\S+$/.test(node.textContent!.trim()) && !node.querySelector("img, iframe"),
    replacement: (content, node) => embed(node.textContent!.trim(), "") ?? `\n\n${content}\n\n`,
  });
  service.addRule("blank", {
    filter: (node) => node.nodeName === "P" && node.textContent!.trim() === "" && !node.querySelector("img, iframe, br"),
    replacement: () => "",
  });
  return service;
}

/**
 * turndown escapes Markdown in text; the site's typographer also reads "(c)" as ©, and markdown-it
 * "&amp;" as "&": those are escaped too, as src/import/plain-markdown.ts does for plain text.
 */
function escapeAsText(service: TurndownService): TurndownService {
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => escapeMarkdown(text).replace(/&(?=#?[a-z0-9]+;)/gi, "\\&").replace(/\((?=(?:c|r|tm)\))/gi, "\\(");
  return service;
}

/** A `<figure>` whose subject is a picture (not a gallery of figures, not an embed). */
function isPictureFigure(node: HTMLElement): boolean {
  return node.nodeName === "FIGURE" && !isEmbedFigure(node) && !!node.querySelector("img") && !node.querySelector("figure");
}

/** The blockquote a social network's embed code leaves in a post (its script goes). */
function isSocialQuote(node: HTMLElement): boolean {
  return node.nodeName === "BLOCKQUOTE" && /\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-xfbml-parse-ignore)\b/.test(node.getAttribute("class") ?? "");
}

function isEmbedFigure(node: HTMLElement): boolean {
  return node.nodeName === "FIGURE" && /\bwp-block-embed\b/.test(node.getAttribute("class") ?? "");
}

/** Inside a figure that a figure rule converts whole: its parts are not converted on their own. */
function insideHandledFigure(node: HTMLElement): boolean {
  return inside(node, (parent) => isEmbedFigure(parent) || isPictureFigure(parent));
}

function inside(node: HTMLElement, test: (parent: HTMLElement) => boolean): boolean {
  for (let parent = node.parentNode as HTMLElement | null; parent && parent.nodeType === 1; parent = parent.parentNode as HTMLElement | null) {
    if (test(parent)) return true;
  }
  return false;
}

function isBlockNode(node: HTMLElement): boolean {
  return /^(P|DIV|H[1-6]|UL|OL|LI|BLOCKQUOTE|FIGURE|PRE|TABLE|TR|SECTION|ARTICLE)$/.test(node.nodeName);
}

function attachmentIdOf(img: HTMLElement): string | undefined {
  return /\bwp-image-(\d+)\b/.exec(img.getAttribute("class") ?? "")?.[1] ?? img.getAttribute("data-id") ?? undefined;
}

/** A Gutenberg embed block's address: the text of its wrapper (what WordPress stores), else its frame's or link's. */
function embedUrlOfFigure(node: HTMLElement): string | undefined {
  const wrapper = node.querySelector(".wp-block-embed__wrapper")?.textContent?.trim();
  if (wrapper && /^https?:\/\/\S+$/.test(wrapper)) return wrapper;
  const frame = node.querySelector("iframe")?.getAttribute("src");
  if (frame) return embedUrlOfFrame(frame);
  return node.querySelector("a")?.getAttribute("href") ?? undefined;
}

/** An `<iframe src>` as an address `::: embed` reads: YouTube's privacy-enhanced host is YouTube's. */
function embedUrlOfFrame(src: string): string | undefined {
  const absolute = src.startsWith("//") ? `https:${src}` : src;
  if (!/^https?:\/\//.test(absolute)) return undefined;
  return absolute.replace(/^https?:\/\/(www\.)?youtube-nocookie\.com\//, "https://www.youtube.com/");
}

function hostOf(url: string): string {
  try {
    return new URL(url.startsWith("//") ? `https:${url}` : url).hostname || "(no address)";
  } catch {
    return "(no address)";
  }
}

/** Table cells' text with its emphasis and links (nothing in a cell has side effects: see `tableMarkdown`). */
const cellMarkdown = escapeAsText(new TurndownService({ emDelimiter: "*", strongDelimiter: "**" }));

/** A simple table (rows of text cells, nothing nested) as a GFM table; undefined for anything else. */
function tableMarkdown(table: HTMLElement): string | undefined {
  if (table.querySelector("table, img, iframe, figure, ul, ol, blockquote, pre, script, form")) return undefined;
  const rows = Array.from(table.querySelectorAll("tr")).map((tr) =>
    Array.from(tr.children).filter((cell) => cell.nodeName === "TD" || cell.nodeName === "TH").map((cell) => cellMarkdown.turndown((cell as HTMLElement).innerHTML).replace(/\s*\n+\s*/g, " ").replace(/\|/g, "\\|").trim()),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || width === 0) return undefined;
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return `\n\n${[line(rows[0]!), line(Array(width).fill("---")), ...rows.slice(1).map(line)].join("\n")}\n\n`;
}
