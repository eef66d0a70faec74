/**
 * `npm run check -- --explain-images`: for every picture of every story, where each of its texts
 * came from (the story's frontmatter or Markdown, the picture's XMP, its IPTC IIM), so an editor
 * sees that a caption on the page was written by the photographer, not on the desk:
 *
 *   content/world/x/index.md:9: image hero.jpg (at the top)
 *     alt text    frontmatter   A snowplough clears the runway at dawn
 *     caption     picture XMP   Snow closed the airport for six hours.
 *     credit      picture IIM   Dateline graphics
 *     creator     —
 *     copyright   picture XMP   © 2026 Dateline
 *     source      http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia, labelled "AI-generated image"
 */
import path from "node:path";
import type { Article } from "../model/article.ts";
import type { ArticleSource } from "../content/warnings.ts";
import { ORIGIN_WORDS } from "../render/figure.ts";
import { PICTURE_FIELDS, type PictureText, type TextOrigin } from "../render/picture-text.ts";

/** One picture's texts and their origins, as `--json` gives them. */
export interface PictureExplanation {
  file: string;
  line: number | null;
  /** The picture's path, relative to the project. */
  picture: string;
  /** "hero" for the picture at the top, "body" for a figure in the text. */
  place: "hero" | "body";
  values: Partial<Record<(typeof PICTURE_FIELDS)[number], { value: string; from: TextOrigin }>>;
  sourceType: string | null;
  /** The label the page shows under the picture for its source type, or null. */
  label: string | null;
}

const FIELD_NAMES: Record<(typeof PICTURE_FIELDS)[number], string> = { alt: "alt text", caption: "caption", credit: "credit", creator: "creator", copyright: "copyright" };
const ORIGIN_NAMES: Record<TextOrigin, string> = { frontmatter: "frontmatter", markdown: "Markdown", xmp: "picture XMP", iim: "picture IIM" };

/** The pictures of one story, the one at the top first, then the body's figures in order. */
export function explainPictures(article: Article, source: ArticleSource, root: string, planSourceOf: (src: string) => string | undefined): PictureExplanation[] {
  const explain = (picture: string, place: "hero" | "body", line: number | undefined, text: PictureText): PictureExplanation => ({
    file: article.sourcePath,
    line: line ?? null,
    picture,
    place,
    values: Object.fromEntries(
      PICTURE_FIELDS.flatMap((field) => {
        const found = text[field];
        if (!found) return [];
        return [[field, { value: typeof found.value === "string" ? found.value : found.value.join(", "), from: found.origin }]];
      }),
    ),
    sourceType: text.sourceType ?? null,
    label: text.pictureOrigin ? article.edition.words.t(ORIGIN_WORDS[text.pictureOrigin]) : null,
  });
  const shown = (file: string | undefined, src: string) => (file ? path.relative(root, file).split(path.sep).join("/") : src);
  const found: PictureExplanation[] = [];
  if (article.hero) found.push(explain(shown(article.hero.plan.source, ""), "hero", source.lineOf(["image", "src"]), article.hero.text));
  for (const figure of source.figures) found.push(explain(shown(planSourceOf(figure.src), figure.src), "body", figure.line, figure.text));
  return found;
}

/** The explanation as lines for a terminal. */
export function explanationLines(found: PictureExplanation): string[] {
  const where = `${found.file}${found.line === null ? "" : `:${found.line}`}`;
  const lines = [`${where}: image ${found.picture} (${found.place === "hero" ? "at the top" : "in the text"})`];
  for (const field of PICTURE_FIELDS) {
    const value = found.values[field];
    lines.push(`  ${FIELD_NAMES[field].padEnd(11)} ${value ? `${ORIGIN_NAMES[value.from].padEnd(13)} ${value.value}` : "—"}`);
  }
  if (found.sourceType) lines.push(`  ${"source".padEnd(11)} ${found.sourceType}${found.label ? `, labelled "${found.label}"` : ""}`);
  return lines;
}
