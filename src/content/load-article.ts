/**
 * What templates read: an `Article`, made from one validated source file. validate → enrich:
 * frontmatter is checked against the schema, then images are planned, the body rendered, and URLs
 * and display data worked out once, so templates only lay things out.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Caption } from "../render/credits.ts";
import { splitCaption } from "../render/credits.ts";
import type { Instant } from "../shared/dates.ts";
import type { Problem } from "../shared/errors.ts";
import { articleSchema, type Frontmatter } from "./article-schema.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import { ImageReadError, planImage, withCrops, type ImagePlan } from "../images/images.ts";
import { locateImage } from "../images/locate-image.ts";
import { countWords, embedRefs, imageRefs, leadWithDateline, linkRefs, parseMarkdown, renderMarkdown, resolveHref, tokenAttr, typeset } from "../render/markdown.ts";
import { nearest, schemaProblems } from "../source/schema-problems.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Section } from "../site/sections.ts";
import type { Author } from "../site/authors.ts";
import { editionOf, undeclaredLanguage, type Edition } from "../site/editions.ts";
import { readingMinutes } from "../locale/languages.ts";
import { BodyCache, renderKey, type BodyFacts, type RenderedBody } from "./body-cache.ts";
import type { Token } from "markdown-it";
import { absoluteUrl, FOLDER, imageBase, outputPathOf, urlPath } from "../site/url-space.ts";
import { slugOf } from "../site/slugs.ts";

export interface Term {
  name: string;
  slug: string;
  /** Root-relative URL of the term's listing page. */
  url: string;
}

/** A name in a byline, with the author's page when the author has a profile. */
export interface Byline {
  name: string;
  url: string | undefined;
}

export interface Figure {
  plan: ImagePlan;
  alt: string;
  caption: Caption;
}

export interface Correction {
  date: Instant;
  text: string;
}

export interface Article {
  /** Source path relative to the project root, for messages. */
  readonly sourcePath: string;
  readonly slug: string;
  /** Root-relative URL path, with the site's prefix: "/middle-east/al-sharaa-moscow/". */
  readonly url: string;
  /** File Eleventy writes: "middle-east/al-sharaa-moscow/index.html". */
  readonly outputPath: string;
  /** The edition the article belongs to, by its `lang`. */
  readonly edition: Edition;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** Shared by an article's translations (frontmatter `translationKey`). */
  readonly translationKey: string | undefined;
  readonly title: string;
  readonly summary: string;
  readonly date: Instant;
  readonly updated: Instant | undefined;
  readonly dateline: { place: string; source?: string | undefined } | undefined;
  readonly authors: readonly Byline[];
  readonly section: Section;
  readonly tags: readonly Term[];
  readonly hero: Figure | undefined;
  readonly corrections: readonly Correction[];
  readonly draft: boolean;
  /** Asks to lead the front page. */
  readonly featured: boolean;
  /**
   * Rendered body (trusted: markdown-it with raw HTML off). With a body cache, read back from it
   * when a page asks (see `withBody`), not held by the model.
   */
  readonly html: string;
  /** The body for feeds: every URL absolute. */
  readonly feedHtml: string;
  readonly wordCount: number;
  readonly readingMinutes: number;
  /** Every image the page shows, for the encoder. */
  readonly images: readonly ImagePlan[];
  /** Links from the body to pages of this site (URL paths, with the prefix), for `npm run check`. */
  readonly internalLinks: readonly { url: string; line: number | undefined }[];
  /**
   * What the article is made from, as a hash: its file's path and text and its pictures' content
   * hashes (the site's settings and the code are the site model's `fingerprint`). Pages that show
   * the article are keyed by it (templates/index.ts), so a changed story renders only its pages.
   */
  readonly version: string;
}

export interface LoadContext {
  site: SiteConfig;
  /** Absolute project root: messages name files relative to it. */
  root: string;
  /** Absolute path of `assets/`, where `/assets/...` image paths point. */
  assetsDir: string;
  editions: readonly Edition[];
  /** The schema for an edition's time zone (dates without an offset are read in it). */
  schemaFor(edition: Edition): ReturnType<typeof articleSchema>;
  /** Each edition's sections, by every name an editor may write: the edition's, the first edition's, the slug. */
  sections: ReadonlyMap<string, ReadonlyMap<string, Section>>;
  /** Each edition's author profiles, by the name in authors.yaml and the edition's name. */
  authors: ReadonlyMap<string, ReadonlyMap<string, Author>>;
  /** Parsed and rendered bodies of earlier builds (src/content/body-cache.ts); without it, every body is parsed. */
  bodies?: BodyCache | undefined;
}

/**
 * Where an article's body is in the body cache, and the pictures its render names by the paths
 * written: what the article manifest (src/content/article-manifest.ts) keeps to give the article back.
 */
export interface BodyRef {
  readonly key: string;
  readonly renderKey: string;
  readonly pictures: readonly (readonly [string, ImagePlan])[];
}

/** This build's edition and section objects for a story loaded earlier (pages and listings match them by identity). */
export function placeIn(ctx: LoadContext, editionCode: string, sectionSlug: string): { edition: Edition; section: Section } | undefined {
  const edition = ctx.editions.find((e) => e.code === editionCode);
  const section = edition && [...(ctx.sections.get(edition.code)?.values() ?? [])].find((s) => s.slug === sectionSlug);
  return edition && section ? { edition, section } : undefined;
}

export type LoadResult = { article: Article; body?: BodyRef | undefined; problems?: undefined } | { article?: undefined; body?: undefined; problems: Problem[] };

export async function loadArticle(absFile: string, raw: string, ctx: LoadContext): Promise<LoadResult> {
  const file = path.relative(ctx.root, absFile).split(path.sep).join("/");
  const source = splitSource(file, raw);
  if (isProblem(source)) return { problems: [source] };

  // The language decides the edition, and the edition the time zone dates are read in.
  const data = (source.data ?? {}) as Record<string, unknown>;
  const edition = typeof data.lang === "string" ? editionOf(ctx.editions, data.lang) : ctx.editions[0]!;
  const schema = ctx.schemaFor(edition ?? ctx.editions[0]!);
  const parsed = schema.safeParse(data, { reportInput: true });
  const problems: Problem[] = [];
  if (!edition) problems.push({ file, line: source.lineOf(["lang"]), field: "lang", message: undeclaredLanguage(String(data.lang), ctx.editions) });
  if (!parsed.success) return { problems: [...problems, ...schemaProblems(schema, parsed.error.issues, file, source.lineOf)] };
  if (!edition) return { problems };
  const fm: Frontmatter = parsed.data;
  const sections = ctx.sections.get(edition.code)!;
  const section = sections.get(fm.section) ?? sections.get(fm.section.toLowerCase());
  if (!section) {
    const names = [...new Set([...sections.values()].map((s) => s.name))];
    const near = nearest(fm.section.toLowerCase(), names.map((n) => n.toLowerCase()), 3);
    const hint = near ? ` Did you mean \`${names.find((n) => n.toLowerCase() === near)}\`?` : "";
    const where = edition.isDefault ? "" : ` with a name in ${edition.name} (translations.${edition.code})`;
    problems.push({ file, line: source.lineOf(["section"]), field: "section", message: `"${fm.section}" is not a section declared in content/_data/sections.yaml${where} (${names.join(", ") || "none"}).${hint}` });
  }

  // The body: parsed only when the cache has no entry for it, or its render is out of date.
  const cacheKey = ctx.bodies ? BodyCache.key(source.body, edition.code, fm.dateline) : undefined;
  const cached = cacheKey ? ctx.bodies!.facts(cacheKey) : undefined;
  let body: ReturnType<typeof parseBody> | undefined;
  const parse = () => (body ??= parseBody(source.body, edition.code, fm.dateline));
  const facts = cached ?? bodyFacts(parse());
  if (!cached && cacheKey) ctx.bodies!.setFacts(cacheKey, facts);
  const images = new Map<string, ImagePlan>();
  // `line` is asked for only when there is a problem: finding a frontmatter line parses the YAML again.
  const resolve = async (src: string, field: string, line: () => number | undefined) => {
    const located = locateImage(src, path.dirname(absFile), ctx);
    if (typeof located !== "string") {
      problems.push({ file, line: line(), field, message: located.error });
      return undefined;
    }
    try {
      const plan = await planImage(located);
      images.set(src, plan);
      return plan;
    } catch (error) {
      if (!(error instanceof ImageReadError)) throw error;
      problems.push({ file, line: line(), field, message: `${src}: ${error.message}` });
      return undefined;
    }
  };

  let hero: Figure | undefined;
  if (fm.image) {
    const plan = await resolve(fm.image.src, "image.src", () => source.lineOf(["image", "src"]));
    const caption = fm.image.caption === undefined ? undefined : typeset(fm.image.caption, edition.code);
    // The hero stands for the story in search results and social cards: it gets fixed-shape crops.
    if (plan) hero = { plan: withCrops(plan), alt: fm.image.alt, caption: splitCaption(caption, fm.image.credit) };
  }
  for (const ref of facts.images) {
    const line = ref.line === undefined ? undefined : source.bodyLine + ref.line;
    if (!ref.src) problems.push({ file, line, field: "body", message: "an image has no path" });
    else if (!images.has(ref.src)) await resolve(ref.src, "body", () => line);
  }
  // Third-party content comes only through the allow-list of src/render/embeds.ts.
  for (const ref of facts.embedErrors) {
    problems.push({ file, line: ref.line === undefined ? undefined : source.bodyLine + ref.line, field: "embed", message: ref.error });
  }
  for (const figure of facts.missingAlt) {
    problems.push({ file, line: source.bodyLine + figure.line, field: "body", message: `image ${figure.src}: alt text is required: ![what the picture shows](${figure.src})` });
  }
  fm.tags.forEach((tag, i) => {
    if (!slugOf(tag)) problems.push({ file, line: source.lineOf(["tags", i]), field: `tags.${i}`, message: `"${tag}" has no letters or digits to make a tag page's URL from` });
  });
  if (!facts.datelineLed) {
    problems.push({ file, line: source.lineOf(["dateline"]), field: "dateline", message: "the body has no paragraph for the dateline to lead" });
  }
  if (problems.length || !section) return { problems };

  const site = ctx.site;
  const slug = fm.slug ?? slugOf(fm.title);
  if (!slug) {
    return { problems: [{ file, line: source.lineOf(["title"]), field: "slug", message: "cannot make a slug from the title: add `slug:`" }] };
  }
  const url = urlPath(edition.home, section.slug, slug);
  const lang = edition.code;
  const authors = ctx.authors.get(edition.code)!;
  const pageUrl = absoluteUrl(site.url, site.pathPrefix, url);
  const key = renderKey({ pageUrl, siteUrl: site.url, prefix: site.pathPrefix, images });
  const inputs: RenderInputs = { images, site, pageUrl, edition, dateline: fm.dateline };
  let rendered: RenderedBody | undefined;
  if (!cacheKey || !ctx.bodies!.hasRendered(cacheKey, key)) {
    rendered = renderBody(parse(), inputs);
    if (cacheKey) ctx.bodies!.setRendered(cacheKey, key, rendered);
  }
  const wordCount = facts.wordCount;
  const fields: Omit<Article, "html" | "feedHtml"> = {
    sourcePath: file,
    slug,
    url,
    outputPath: outputPathOf(site.pathPrefix, url),
    edition,
    lang,
    dir: edition.dir,
    translationKey: fm.translationKey,
    title: typeset(fm.title, edition.code),
    summary: typeset(fm.summary, edition.code),
    date: fm.date,
    updated: fm.updated,
    dateline: fm.dateline,
    authors: fm.author.map((name) => {
      const profile = authors.get(name);
      return { name: profile?.name ?? name, url: profile?.url };
    }),
    section,
    tags: uniqueTerms(fm.tags, (slug) => urlPath(edition.home, FOLDER.tags, slug)),
    hero,
    corrections: fm.corrections.map((c) => ({ date: c.date, text: typeset(c.text, edition.code) })),
    draft: fm.draft,
    featured: fm.featured,
    wordCount,
    readingMinutes: readingMinutes(wordCount, lang),
    images: [...new Set([...(hero ? [hero.plan] : []), ...images.values()])],
    internalLinks: facts.links
      .map((ref) => ({ url: resolveHref(ref.href, { page: pageUrl, prefix: site.pathPrefix, absolute: true }), line: ref.line }))
      .filter((ref) => ref.url.startsWith(site.url))
      .map((ref) => ({ url: new URL(ref.url).pathname, line: ref.line === undefined ? undefined : source.bodyLine + ref.line })),
    version: articleVersion(file, raw, images.values()),
  };
  const bodyOf = cacheKey ? readBack(ctx.bodies!, cacheKey, key, { absFile, file, version: fields.version, inputs }) : keep(rendered!);
  return { article: withBody(fields, bodyOf), body: cacheKey ? { key: cacheKey, renderKey: key, pictures: [...images] } : undefined };
}

/**
 * An article an earlier build loaded (src/content/article-manifest.ts), its body read back from the body
 * cache as a loaded one's is. `fields` are bound to this build's edition and section.
 */
export function reviveArticle(absFile: string, fields: Omit<Article, "html" | "feedHtml">, body: BodyRef, bodies: BodyCache, site: SiteConfig): Article {
  const inputs: RenderInputs = { images: new Map(body.pictures), site, pageUrl: absoluteUrl(site.url, site.pathPrefix, fields.url), edition: fields.edition, dateline: fields.dateline };
  bodies.keep(body.key, body.renderKey);
  return withBody(fields, readBack(bodies, body.key, body.renderKey, { absFile, file: fields.sourcePath, version: fields.version, inputs }));
}

/** What rendering a parsed body needs besides its tokens. */
interface RenderInputs {
  readonly images: ReadonlyMap<string, ImagePlan>;
  readonly site: SiteConfig;
  readonly pageUrl: string;
  readonly edition: Edition;
  readonly dateline: Frontmatter["dateline"];
}

function renderBody({ tokens, env }: { tokens: Token[]; env: Record<string, unknown> }, r: RenderInputs): RenderedBody {
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
function withBody(fields: Omit<Article, "html" | "feedHtml">, body: () => RenderedBody): Article {
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
function readBack(bodies: BodyCache, key: string, renderKey: string, story: { absFile: string; file: string; version: string; inputs: RenderInputs }): () => RenderedBody {
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

function keep(body: RenderedBody): () => RenderedBody {
  return () => body;
}

function articleVersion(file: string, raw: string, pictures: Iterable<ImagePlan>): string {
  const hash = createHash("sha256").update(`${file}\0${raw}\0`);
  for (const p of pictures) hash.update(`${p.hash} ${p.width}x${p.height}\0`);
  return hash.digest("base64url").slice(0, 24);
}

function uniqueTerms(names: readonly string[], urlOf: (slug: string) => string): Term[] {
  const bySlug = new Map<string, Term>();
  for (const name of names) {
    const slug = slugOf(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { name, slug, url: urlOf(slug) });
  }
  return [...bySlug.values()];
}

/** The body's tokens, with the dateline leading the first paragraph when there is one. */
function parseBody(body: string, lang: string, dateline: Frontmatter["dateline"]): { tokens: Token[]; env: Record<string, unknown>; datelineLed: boolean } {
  const { tokens, env } = parseMarkdown(body, lang);
  return { tokens, env, datelineLed: dateline ? leadWithDateline(tokens, dateline) : true };
}

/** What the loader checks in a body, from its tokens (and what the cache keeps of them). */
function bodyFacts({ tokens, datelineLed }: { tokens: Token[]; datelineLed: boolean }): BodyFacts {
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
