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
import type { Article } from "../model/article.ts";
import type { ImagePlan } from "../images/image-plan.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Edition } from "../site/editions.ts";
import { absoluteUrl, imageBase } from "../site/url-space.ts";
import { countWords, embedRefs, imageRefs, linkRefs, tokenAttr } from "../render/tokens.ts";
import { leadWithDateline } from "../render/rules/dateline.ts";
import { parseMarkdown, renderMarkdown } from "../render/markdown.ts";
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

export function reviveArticle(absFile: string, fields: Omit<Article, "html" | "feedHtml">, body: BodyRef, bodies: BodyCache, site: SiteConfig): Article {
  const inputs: RenderInputs = { images: new Map(body.pictures), site, pageUrl: absoluteUrl(site.url, site.pathPrefix, fields.url), edition: fields.edition, dateline: fields.dateline };
  bodies.keep(body.key, body.renderKey);
  return withBody(fields, readBack(bodies, body.key, body.renderKey, { absFile, file: fields.sourcePath, version: fields.version, inputs }));
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
  return {
    html: renderMarkdown(tokens, { ...env, images, imageBase: imageBase(site.pathPrefix), links: { page: pageUrl, prefix: site.pathPrefix, absolute: false }, words: edition.words }),
    // Feed readers show the body far from the site: the same body with absolute URLs throughout.
    feedHtml: renderMarkdown(tokens, { ...env, images, imageBase: imageBase(site.url), links: { page: pageUrl, prefix: site.pathPrefix, absolute: true }, words: edition.words }),
  };
}

/**
 * The article with its body behind getters. At newsroom scale the bodies are most of the model's
 * memory (typographer quotes make them two-byte strings: ~20 KB a story, 220 MB of a 10,000-story
 * model), and a build shows each body once or twice (its page, a feed), most builds none (the page
 * cache): with a body cache, they are read back from it when asked for. (Each closure is made in a
 * function of its own, so that it keeps nothing else of the loader alive.)
 */
export function withBody(fields: Omit<Article, "html" | "feedHtml">, body: () => RenderedBody): Article {
  return Object.freeze(
    Object.defineProperties({ ...fields }, {
      html: { get: () => body().html, enumerable: true },
      feedHtml: { get: () => body().feedHtml, enumerable: true },
    }) as Article,
  );
}

/**
 * The body from the cache; if its entry is gone or damaged (by hand: entries are written whole), it
 * is rendered again from the story's file, which must still be the one loaded (its version).
 */
export function readBack(bodies: BodyCache, key: string, renderKey: string, story: { absFile: string; file: string; version: string; inputs: RenderInputs }): () => RenderedBody {
  return () => {
    const cached = bodies.rendered(key, renderKey);
    if (cached) return cached;
    const raw = readFileSync(story.absFile, "utf8");
    const source = splitSource(story.file, raw);
    if (isProblem(source) || articleVersion(story.file, raw, story.inputs.images.values()) !== story.version) {
      throw new Error(`${story.file} changed while the site was being built: build again`);
    }
    const rendered = renderBody(parseBody(source.body, story.inputs.edition.code, story.inputs.dateline), story.inputs);
    bodies.setRendered(key, renderKey, rendered);
    return rendered;
  };
}

export function keep(body: RenderedBody): () => RenderedBody {
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
export function bodyFacts({ tokens, datelineLed }: { tokens: Token[]; datelineLed: boolean }): BodyFacts {
  return {
    images: imageRefs(tokens).map((r) => ({ src: r.src || undefined, line: r.line })),
    embedErrors: embedRefs(tokens).flatMap((r) => (r.error ? [{ line: r.line, error: r.error }] : [])),
    missingAlt: tokens.flatMap((token) => {
      const image = token.type === "figure" ? token.children?.[0] : undefined;
      return image && !image.content.trim() ? [{ src: tokenAttr(image, "src"), line: token.map?.[0] ?? 0 }] : [];
    }),
    links: linkRefs(tokens),
    datelineLed,
    wordCount: countWords(tokens),
  };
}
