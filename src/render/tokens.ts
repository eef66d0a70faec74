/** What the loader reads off a parsed body's tokens: its pictures, embeds, links and words. */
import type { Token } from "markdown-it";
import type { EmbedMeta } from "./rules/embed-blocks.ts";
import type { PictureNeededMeta } from "./rules/picture-needed.ts";

export interface ImageRef {
  src: string;
  /** 0-based line within the body. */
  line: number | undefined;
}

/** A token's attribute, or undefined. */
export function tokenAttr(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

/** Every image the body refers to, with its line, in order. */
export function imageRefs(tokens: readonly Token[]): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      if (child.type === "image") refs.push({ src: tokenAttr(child, "src") ?? "", line: block.map?.[0] });
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

/** Every `::: picture-needed` block in the body, with its line (0-based within the body). */
export function picturesNeededRefs(tokens: readonly Token[]): (PictureNeededMeta & { line: number })[] {
  return tokens.filter((t) => t.type === "picture_needed").map((t) => ({ ...(t.meta as PictureNeededMeta), line: t.map?.[0] ?? 0 }));
}

/** Every link the body holds, with its line, in order. */
export function linkRefs(tokens: readonly Token[]): { href: string; line: number | undefined }[] {
  const refs: { href: string; line: number | undefined }[] = [];
  for (const block of tokens) {
    for (const child of block.children ?? []) {
      const href = child.type === "link_open" ? tokenAttr(child, "href") : undefined;
      if (href) refs.push({ href, line: block.map?.[0] });
    }
  }
  return refs;
}

/**
 * Words in the body's text (for reading time), counted without building the text. A word runs on
 * across the inline markup inside it (`[report](…).` and `**un**likely` are one word each); a line
 * break or a new block ends it.
 */
export function countWords(tokens: readonly Token[]): number {
  let words = 0;
  for (const block of tokens) {
    let inWord = false;
    for (const child of block.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") inWord = false;
      if (child.type !== "text" && child.type !== "code_inline") continue;
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
