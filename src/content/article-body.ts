/**
 * An article's body: parsed once into tokens (what the loader checks of them, `BodyFacts`), rendered
 * for its page and for feeds, and held behind getters that read the render back from the body cache
 * when a page shows it, so that the model does not keep thousands of bodies in memory.
 */
/**
 * An article an earlier build loaded (src/content/article-manifest.ts), its body read back from the body
 * cache as a loaded one's is. `fields` are bound to this build's edition and section.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Token } from "markdown-it";
import type { BodyField, Article } from "../model/article.ts";
import type { ImagePlan } from "../images/image-plan.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Edition } from "../site/editions.ts";
import { absoluteUrl, imageBase } from "../site/url-space.ts";
import { countWords, embedRefs, imageRefs, linkRefs, picturesNeededRefs, tokenAttr } from "../render/tokens.ts";
import { leadWithDateline } from "../render/rules/dateline.ts";
import { parseMarkdown, renderMarkdown } from "../render/markdown.ts";
import { updateBlocks } from "../render/rules/live-updates.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import type { Frontmatter } from "./article-schema.ts";
import type { BodyCache, BodyFacts, RenderedBody } from "./body-cache.ts";

/**
 * Where an article's body is in the body cache, and the pictures its render names by the paths
 * written: what the article manifest (src/content/article-manifest.ts) keeps to give the article back.
 */
export interface BodyRef {
  readonly key: string;
  readonly renderKey: string;
  readonly pictures: readonly (readonly [string, ImagePlan])[];
}

export function reviveArticle(absFile: string, fields: Omit<Article, BodyField>, body: BodyRef, bodies: BodyCache, site: SiteConfig): Article {
  bodies.keep(body.key, body.renderKey);
  return withBody(fields, readBack(bodies, body.key, body.renderKey, { absFile, pictures: body.pictures, site }));
}

/** What rendering a parsed body needs besides its tokens. */
export interface RenderInputs {
  readonly images: ReadonlyMap<string, ImagePlan>;
  readonly site: SiteConfig;
  readonly pageUrl: string;
  readonly edition: Edition;
  readonly dateline: Frontmatter["dateline"];
}

export function renderBody({ tokens, env }: { tokens: Token[]; env: Record<string, unknown> }, r: RenderInputs): RenderedBody {
  const { images, site, pageUrl, edition } = r;
  const page = { ...env, images, imageBase: imageBase(site.pathPrefix), links: { page: pageUrl, prefix: site.pathPrefix, absolute: false }, words: edition.words };
  // Feed readers show the body far from the site: the same body with absolute URLs throughout.
  const feed = { ...env, images, imageBase: imageBase(site.url), links: { page: pageUrl, prefix: site.pathPrefix, absolute: true }, words: edition.words };
  return {
    html: renderMarkdown(tokens, page),
    feedHtml: renderMarkdown(tokens, feed),
    updates: updateBlocks(env).map((u) => ({ html: renderMarkdown(u.tokens, page), feedHtml: renderMarkdown(u.tokens, feed) })),
  };
}

/** An article's body, given the article: held by the article, read by the getters all articles share. */
export type BodyOf = (article: Article) => RenderedBody;

const BODY = Symbol("body");

/**
 * `html` and `feedHtml`, for every article: getters on one prototype, each calling the article's
 * own `BODY` function. Getters made per article (closures of its own) would give each article a
 * shape of its own, and V8 then keeps the articles as hash tables: 1.6 KB an article, and 2 closures
 * of 0.5 KB, 110 MB of a 50,000-story model (a heap snapshot; 264 MB in all).
 */
const bodied = Object.freeze({
  get html(): string {
    return bodyPart(this, "html");
  },
  get feedHtml(): string {
    return bodyPart(this, "feedHtml");
  },
  get updateHtml(): RenderedBody["updates"] {
    return bodyPart(this, "updates");
  },
});

function bodyPart<K extends keyof RenderedBody>(article: object, part: K): RenderedBody[K] {
  const a = article as Article & { [BODY]: BodyOf };
  return a[BODY](a)[part];
}

/**
 * The article with its body behind getters. At newsroom scale the bodies are most of the model's
 * memory (typographer quotes make them two-byte strings: ~20 KB a story, 220 MB of a 10,000-story
 * model), and a build shows each body once or twice (its page, a feed), most builds none (the page
 * cache): with a body cache, they are read back from it when asked for.
 */
export function withBody(fields: Omit<Article, BodyField>, body: BodyOf): Article {
  // `fields` may be an article's own (`rebound`): its body function is replaced by `body`.
  return Object.freeze({ __proto__: bodied, ...fields, [BODY]: body }) as unknown as Article;
}

/** The article's own fields, without its body: what the manifest keeps. */
export function fieldsOf(article: Omit<Article, BodyField>): Omit<Article, BodyField> {
  const { [BODY]: _body, ...fields } = article as Omit<Article, BodyField> & { [BODY]?: BodyOf };
  return fields;
}

/** The article with other fields (this build's edition and section), the same body. */
export function rebound(article: Article, fields: Partial<Omit<Article, BodyField>>): Article {
  return withBody({ ...article, ...fields }, (article as Article & { [BODY]: BodyOf })[BODY]);
}

/**
 * The body from the cache; if its entry is gone or damaged (by hand: entries are written whole), it
 * is rendered again from the story's file, which must still be the one loaded (its version). What it
 * keeps is what the article cannot tell it: the render inputs are made again from the article then.
 */
export function readBack(bodies: BodyCache, key: string, renderKey: string, story: { absFile: string; pictures: BodyRef["pictures"]; site: SiteConfig }): BodyOf {
  return (article) => {
    const cached = bodies.rendered(key, renderKey);
    if (cached) return cached;
    const file = article.sourcePath;
    const raw = readFileSync(story.absFile, "utf8");
    const source = splitSource(file, raw);
    const inputs = renderInputs(article, new Map(story.pictures), story.site);
    if (isProblem(source) || articleVersion(file, raw, inputs.images.values()) !== article.version) {
      throw new Error(`${file} changed while the site was being built: build again`);
    }
    const rendered = renderBody(parseBody(source.body, article.edition.code, article.dateline), inputs);
    bodies.setRendered(key, renderKey, rendered);
    return rendered;
  };
}

/** What rendering an article's body needs besides its tokens: its pictures by the paths written, its page's URL, its edition. */
export function renderInputs(article: Pick<Article, "url" | "edition" | "dateline">, images: ReadonlyMap<string, ImagePlan>, site: SiteConfig): RenderInputs {
  return { images, site, pageUrl: absoluteUrl(site.url, site.pathPrefix, article.url), edition: article.edition, dateline: article.dateline };
}

export function keep(body: RenderedBody): BodyOf {
  return () => body;
}

export function articleVersion(file: string, raw: string, pictures: Iterable<ImagePlan>): string {
  const hash = createHash("sha256").update(`${file}\0${raw}\0`);
  for (const p of pictures) hash.update(`${p.hash} ${p.width}x${p.height}\0`);
  return hash.digest("base64url").slice(0, 24);
}

/** The body's tokens, with the dateline leading the first paragraph when there is one. */
export function parseBody(body: string, lang: string, dateline: Frontmatter["dateline"]): { tokens: Token[]; env: Record<string, unknown>; datelineLed: boolean } {
  const { tokens, env } = parseMarkdown(body, lang);
  return { tokens, env, datelineLed: dateline ? leadWithDateline(tokens, dateline) : true };
}

/** What the loader checks in a body, from its tokens (and what the cache keeps of them). */
export function bodyFacts({ tokens: opening, env, datelineLed }: { tokens: Token[]; env: Record<string, unknown>; datelineLed: boolean }): BodyFacts {
  // A live story's updates are checked as the rest of its body is.
  const updates = updateBlocks(env);
  const tokens = updates.length ? [...opening, ...updates.flatMap((u) => u.tokens)] : opening;
  return {
    images: imageRefs(tokens).map((r) => ({ src: r.src || undefined, line: r.line })),
    embedErrors: embedRefs(tokens).flatMap((r) => (r.error ? [{ line: r.line, error: r.error }] : [])),
    picturesNeeded: picturesNeededRefs(tokens).map(({ name, caption, top, error, line }) => ({ name, caption, top, line, ...(error && { error }) })),
    missingAlt: tokens.flatMap((token) => {
      const image = token.type === "figure" ? token.children?.[0] : undefined;
      return image && !image.content.trim() ? [{ src: tokenAttr(image, "src"), line: token.map?.[0] ?? 0 }] : [];
    }),
    links: linkRefs(tokens),
    datelineLed,
    wordCount: countWords(tokens),
    updates: updates.map(({ spec, line, author, headline, unclosed }) => ({ spec, line, author, headline, unclosed })),
  };
}
