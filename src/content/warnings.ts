/**
 * Warnings for `npm run check`: things that do not stop a build but that an editor should fix before
 * publishing. Each rule is a small pure function of one article (and what the rules know of its source
 * file and of the site's pages) returning findings; none reads a file or the clock.
 *
 *   content/x/index.md:3: summary: warning: 182 characters; aim for 50–160 (search engines cut it)
 */
import { nearest } from "../source/schema-problems.ts";
import type { Article } from "../model/article.ts";
import type { ImagePlan } from "../images/image-plan.ts";
import { pictureText, type PictureText } from "../render/picture-text.ts";
import type { Finding } from "../shared/errors.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import { parseMarkdown } from "../render/markdown.ts";
import { picturesNeededRefs, tokenAttr } from "../render/tokens.ts";
import { pictureNeededMessage, type PictureNeeded } from "./picture-needed.ts";
import { typeset } from "../render/typeset.ts";

export const LIMITS = {
  /** Search results and share cards cut headlines around here. */
  headline: 110,
  summaryMin: 50,
  summaryMax: 160,
  /** Search engines ask for heroes at least this wide (Google Discover: 1200 px), and share cards are 1200 wide. */
  heroWidth: 1200,
} as const;

/** A picture in the body that is a figure (a paragraph holding only an image). */
export interface BodyFigure {
  src: string;
  /** Its alt text, caption and credit as the page shows them: the Markdown's, else the picture's own. */
  text: PictureText;
  /** Line in the file. */
  line: number;
}

/** What the rules read from an article's source file that the `Article` does not keep. */
export interface ArticleSource {
  /** Line of a frontmatter field, as in the article's problems. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  figures: readonly BodyFigure[];
  /** `::: picture-needed` blocks, each with its line in the file. */
  picturesNeeded: readonly PictureNeeded[];
}

/**
 * Reads the lines and body figures of an article's source text (the file an `Article` loaded from),
 * with the plans of the pictures it names by the path written (`planOf`), for their embedded text.
 */
export function articleSource(file: string, raw: string, lang: string, planOf: (src: string) => ImagePlan | undefined): ArticleSource {
  const source = splitSource(file, raw);
  // The article loaded from this text, so it splits; an empty view only if the file changed meanwhile.
  if (isProblem(source)) return { lineOf: () => undefined, figures: [], picturesNeeded: [] };
  const figures: BodyFigure[] = [];
  const { tokens } = parseMarkdown(source.body);
  for (const token of tokens) {
    const image = token.type === "figure" ? token.children?.[0] : undefined;
    if (!image) continue;
    const src = tokenAttr(image, "src") ?? "";
    const editor = { origin: "markdown" as const, alt: image.content, caption: tokenAttr(image, "title") };
    figures.push({ src, text: pictureText(editor, planOf(src)?.embedded, lang), line: source.bodyLine + (token.map?.[0] ?? 0) });
  }
  const picturesNeeded = picturesNeededRefs(tokens).map((block) => ({ ...block, line: source.bodyLine + block.line }));
  return { lineOf: source.lineOf, figures, picturesNeeded };
}

/**
 * The pages a build writes and the files under `assets/`, for links. Built from output paths
 * ("middle-east/x/index.html", "feed.xml"), which carry neither the prefix nor percent-encoding.
 */
export class SitePages {
  readonly #paths: ReadonlySet<string>;

  constructor(
    readonly prefix: string,
    outputPaths: Iterable<string>,
    /** Whether a path relative to `assets/` is a file there. */
    private readonly assetExists: (relative: string) => boolean,
  ) {
    this.#paths = new Set(outputPaths);
  }

  /** Whether a URL path with the site's prefix ("/news/world/x/", "/news/assets/logo.png") is on the site. */
  has(url: string): boolean {
    const inner = this.#inner(url);
    if (inner === undefined) return false;
    if (inner.startsWith("assets/")) return this.assetExists(inner.slice("assets/".length));
    if (inner === "" || inner.endsWith("/")) return this.#paths.has(`${inner}index.html`);
    // "/world/x" is served as "/world/x/" (static hosts redirect to the folder).
    return this.#paths.has(inner) || this.#paths.has(`${inner}/index.html`);
  }

  /** Whether a URL path points under `assets/` (which holds files, not pages). */
  isAsset(url: string): boolean {
    return this.#inner(url)?.startsWith("assets/") ?? false;
  }

  /** The page URL nearest to a missing one, when it is near enough to be a typo. */
  nearest(url: string): string | undefined {
    const inner = this.#inner(url);
    if (inner === undefined || inner.startsWith("assets/")) return undefined;
    const candidates = [...this.#paths].filter((p) => p.endsWith("index.html")).map((p) => p.slice(0, -"index.html".length));
    const near = nearest(inner, candidates, Math.max(2, Math.floor(inner.length / 8)));
    return near === undefined ? undefined : `${this.prefix}${near}`;
  }

  /** The path under the prefix, decoded; undefined for a URL outside the site or badly encoded. */
  #inner(url: string): string | undefined {
    if (!url.startsWith(this.prefix)) return undefined;
    try {
      return decodeURIComponent(url.slice(this.prefix.length));
    } catch {
      return undefined;
    }
  }
}

export interface WarningContext {
  source: ArticleSource;
  pages: SitePages;
}

/** A warning about the article's own file: the rule says where and what. */
export type Warning = Pick<Finding, "line" | "field" | "message">;

export type WarningRule = (article: Article, ctx: WarningContext) => Warning[];

/** Characters as readers count them: an emoji or a letter with its accents is one. */
export function characters(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export const headlineTooLong: WarningRule = (a, { source }) => {
  const n = characters(a.title);
  if (n <= LIMITS.headline) return [];
  return [{ line: source.lineOf(["title"]), field: "title", message: `${n} characters; aim for ${LIMITS.headline} or fewer (search results and share cards cut it)` }];
};

export const summaryLength: WarningRule = (a, { source }) => {
  const n = characters(a.summary);
  const aim = `aim for ${LIMITS.summaryMin}–${LIMITS.summaryMax}`;
  const line = source.lineOf(["summary"]);
  if (n > LIMITS.summaryMax) return [{ line, field: "summary", message: `${n} characters; ${aim} (search engines cut it)` }];
  if (n < LIMITS.summaryMin) return [{ line, field: "summary", message: `${n} characters; ${aim} (say what happened, and why it matters)` }];
  return [];
};

const ALT_IS_CAPTION = "same as the caption: describe what the picture shows, for readers who cannot see it";

export const altEqualsCaption: WarningRule = (a, { source }) => {
  const found: Warning[] = [];
  if (a.hero && sameText(a.hero.alt, a.hero.caption.text)) {
    found.push({ line: source.lineOf(["image", "alt"]) ?? source.lineOf(["image", "src"]), field: "image.alt", message: `${ALT_IS_CAPTION}${fromPicture(a.hero.text)}` });
  }
  for (const { src, text, line } of source.figures) {
    if (text.alt && text.caption && sameText(text.alt.value, text.caption.value)) {
      found.push({ line, field: "body", message: `image ${src}: alt text is the ${ALT_IS_CAPTION}${fromPicture(text)}` });
    }
  }
  return found;
};

/** Where an editor must look when the alt text or the caption came from the picture's file, not the story. */
function fromPicture(text: PictureText): string {
  const embedded = [text.alt, text.caption].some((v) => v?.origin === "xmp" || v?.origin === "iim");
  return embedded ? " (read from the picture's own metadata: see npm run check -- --explain-images)" : "";
}

export const narrowHero: WarningRule = (a, { source }) => {
  const width = a.hero?.plan.width;
  if (width === undefined || width >= LIMITS.heroWidth) return [];
  return [
    {
      line: source.lineOf(["image", "src"]),
      field: "image.src",
      message: `${width} px wide; use a picture at least ${LIMITS.heroWidth} px wide (search engines and share cards show it at ${LIMITS.heroWidth})`,
    },
  ];
};

const CREDIT_HOW = "end the caption with the source, e.g. (Photo: AFP)";
const CREDIT_IN_FILE = "or give the picture an IPTC Credit Line";

/**
 * A picture with no credit in the story or in its own metadata: a newsroom credits every picture it
 * publishes (agencies' terms require it). The story's text and the file are both searched first
 * (src/render/picture-text.ts), so a picture whose file carries its credit needs none written.
 */
export const pictureWithoutCredit: WarningRule = (a, { source }) => {
  const found: Warning[] = [];
  if (a.hero && !a.hero.caption.credit) {
    const line = source.lineOf(["image", "caption"]) ?? source.lineOf(["image", "src"]);
    found.push({ line, field: "image.credit", message: `no credit in the story or in the picture: add \`credit:\`, ${CREDIT_HOW}, ${CREDIT_IN_FILE}` });
  }
  for (const { src, text, line } of source.figures) {
    if (!text.credit) found.push({ line, field: "body", message: `image ${src}: no credit in the story or in the picture: ${CREDIT_HOW}, ${CREDIT_IN_FILE}` });
  }
  return found;
};

/** A caption waiting for its picture in a draft (in a story that is not a draft, the loader refuses it). */
export const pictureNeeded: WarningRule = (a, { source }) =>
  source.picturesNeeded.map((block) => ({ line: block.line, field: "body", message: pictureNeededMessage(block, a.hero !== undefined) }));

export const noTags: WarningRule = (a, { source }) =>
  a.tags.length ? [] : [{ line: source.lineOf(["tags"]), field: "tags", message: "none; add a few, e.g. tags: [Syria, Oil] (tag pages and related stories use them)" }];

export const brokenLinks: WarningRule = (a, { pages }) =>
  a.internalLinks
    .filter((link) => !pages.has(link.url))
    .map((link) => {
      const near = pages.nearest(link.url);
      const hint = near ? ` (did you mean ${readable(near)}?)` : "";
      const what = pages.isAsset(link.url) ? "no such file in assets/" : "no such page on the site";
      return { line: link.line, field: "body", message: `link to ${readable(link.url)}: ${what}${hint}` };
    });

/** Every rule, in the order their warnings are listed for one line. */
export const WARNING_RULES: readonly WarningRule[] = [headlineTooLong, summaryLength, narrowHero, altEqualsCaption, pictureWithoutCredit, pictureNeeded, noTags, brokenLinks];

export function articleWarnings(article: Article, ctx: WarningContext, rules: readonly WarningRule[] = WARNING_RULES): Finding[] {
  return rules.flatMap((rule) => rule(article, ctx)).map((w) => ({ file: article.sourcePath, ...w, severity: "warning" as const }));
}

/** Alt text and caption compared as a reader would: typography, case, spacing and final stops aside. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    typeset(s)
      .normalize("NFC")
      .toLocaleLowerCase()
      .replace(/\s+/g, " ")
      .replace(/[\s.!?…]+$/u, "")
      .trim();
  const left = norm(a);
  return left !== "" && left === norm(b);
}

/** A URL path as an editor would write it: "/kurdistan/هەولێر/" rather than its percent-encoding. */
function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
