/**
 * The Markdown an import writes for what is more than text: a figure, a `::: embed`, and a
 * `::: picture-needed` block where a picture cannot be shown yet (src/render/rules/picture-needed.ts).
 * Text goes in escaped (src/import/plain-markdown.ts), so that it reads back as written: a caption
 * with an asterisk or brackets stays a caption, a quote mark stays inside its title.
 */
import { markdownLine, markdownTitle } from "./plain-markdown.ts";

/** `![alt](./name.jpg "caption")` in a paragraph of its own (a figure); `caption` may end in "(Photo: AFP)". */
export function figureBlock(o: { name: string; alt: string; caption: string }): string {
  const caption = oneLine(o.caption);
  return `\n\n![${markdownLine(oneLine(o.alt))}](./${o.name}${caption ? ` ${markdownTitle(caption)}` : ""})\n\n`;
}

/** `::: embed URL`, its caption (a post on X needs none), `:::`. */
export function embedBlock(url: string, caption: string): string {
  const text = markdownLine(oneLine(caption));
  return `\n\n::: embed ${url}\n${text ? `${text}\n` : ""}:::\n\n`;
}

/** `::: picture-needed name` (the file the import looked for, if any), the caption waiting for the picture (the block needs some text), `:::`. */
export function pictureNeededBlock(name: string | undefined, caption: string): string {
  return `\n\n::: picture-needed${name ? ` ${name}` : ""}\n${markdownLine(oneLine(caption))}\n:::\n\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
