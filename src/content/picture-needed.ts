/**
 * What an editor is told about a `::: picture-needed` block (src/render/rules/picture-needed.ts), the
 * caption an import could not give a picture: in a draft, `npm run check` warns at its line
 * (src/content/warnings.ts); in a story that is not a draft, the loader refuses it with the same
 * words (src/content/load-article.ts), so a caption waiting for its picture is never published.
 */

/** A block as the loader's facts keep it (src/content/body-cache.ts). */
export interface PictureNeeded {
  /** The file the import looked for. */
  readonly name?: string | undefined;
  readonly caption: string;
  /** Nothing but other such blocks before it: where the story's own picture goes. */
  readonly top: boolean;
  /** 0-based, within the body. */
  readonly line: number;
  /** Why the block itself is malformed (not closed, more than a caption): an error in any story. */
  readonly error?: string | undefined;
}

/**
 * What to do, in place of the block: a figure in the text, or, for a block at the top of a story
 * without a picture of its own, the story's picture (`image:`, which gives it its share card and its
 * crops for search engines).
 */
export function pictureNeededMessage(block: Pick<PictureNeeded, "name" | "caption" | "top">, hasHero: boolean): string {
  const file = `./${block.name ?? "its-name.jpg"}`;
  const where = `(the caption: "${block.caption}")`;
  if (block.top && !hasHero) {
    return `the story's picture is needed here ${where}: put it beside the story and give it in the fields at the top (image: with src: ${file}, alt: what it shows, caption: the caption) in place of this block`;
  }
  return `a picture is needed here ${where}: put it beside the story and write ![what it shows](${file} "the caption") in place of this block`;
}

/** The reason a story that is not a draft is refused while it holds a block. */
export const NOT_PUBLISHED = "until then the story cannot be published: keep `draft: true`";
