/**
 * One story's file → an `Article` (src/model/article.ts), in two steps: validate (the frontmatter
 * against the schema, the section, the language, the body's pictures, embeds and alt text), then
 * enrich (pictures planned, the body rendered, URLs and display data worked out once), so templates
 * only lay things out.
 */
import path from "node:path";
import { inLanguage, pictureText, type PictureText } from "../render/picture-text.ts";
import { type Problem, shownPath } from "../shared/errors.ts";
import type { Frontmatter } from "./article-schema.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import { ImageReadError, withCrops, type ImagePlan } from "../images/image-plan.ts";
import type { LoadContext } from "./load-context.ts";
import { locateImage } from "../images/locate-image.ts";
import { resolveHref } from "../render/rules/links.ts";
import { typeset } from "../render/typeset.ts";
import { likelyName, schemaProblems } from "../source/schema-problems.ts";
import { placeholderProblems } from "./placeholders.ts";
import { editionOf, undeclaredLanguage } from "../site/editions.ts";
import { readingMinutes } from "../locale/languages.ts";
import { BodyCache, renderKey, type RenderedBody } from "./body-cache.ts";
import { FOLDER, outputPathOf, urlPath } from "../site/url-space.ts";
import { slugOf } from "../site/slugs.ts";
import { timed } from "../shared/work-clock.ts";
import { orNone } from "../shared/none.ts";
import type { BodyField, Article, Figure, Term } from "../model/article.ts";
import { lastUpdate, liveStory } from "./live-story.ts";
import { NOT_PUBLISHED, pictureNeededMessage } from "./picture-needed.ts";
import { articleVersion, bodyFacts, keep, parseBody, readBack, renderBody, renderInputs, withBody, type BodyRef } from "./article-body.ts";

export type LoadResult = { article: Article; body?: BodyRef | undefined; problems?: undefined } | { article?: undefined; body?: undefined; problems: Problem[] };

export async function loadArticle(absFile: string, raw: string, ctx: LoadContext): Promise<LoadResult> {
  const file = shownPath(ctx.root, absFile);
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
    const near = likelyName(fm.section, names);
    const hint = near ? ` Did you mean \`${near}\`?` : "";
    const where = edition.isDefault ? "" : ` with a name in ${edition.name} (translations.${edition.code})`;
    problems.push({ file, line: source.lineOf(["section"]), field: "section", message: `"${fm.section}" is not a section declared in content/_data/sections.yaml${where} (${names.join(", ") || "none"}).${hint}` });
  }

  // The body: parsed only when the cache has no entry for it, or its render is out of date.
  const cacheKey = ctx.bodies ? BodyCache.key(source.body, edition.code, fm.dateline) : undefined;
  const cached = cacheKey ? timed("read", () => ctx.bodies!.facts(cacheKey)) : undefined;
  let body: ReturnType<typeof parseBody> | undefined;
  const parse = () => (body ??= timed("render", () => parseBody(source.body, edition.code, fm.dateline)));
  const facts = cached ?? timed("render", () => bodyFacts(parse()));
  if (!cached && cacheKey) timed("write", () => ctx.bodies!.setFacts(cacheKey, facts));
  const images = new Map<string, ImagePlan>();
  // `line` is asked for only when there is a problem: finding a frontmatter line parses the YAML again.
  const resolve = async (src: string, field: string, line: () => number | undefined) => {
    const located = locateImage(src, path.dirname(absFile), ctx);
    if (typeof located !== "string") {
      problems.push({ file, line: line(), field, message: located.error });
      return undefined;
    }
    try {
      const plan = await ctx.images.plan(located);
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
    const text = plan && pictureText({ origin: "frontmatter", ...fm.image }, plan.embedded, edition.code);
    if (text && !text.alt) {
      problems.push({ file, line: source.lineOf(["image"]), field: "image.alt", message: `${fm.image.src}: alt text is required: add \`alt:\` (what the picture shows), or embed it in the picture (IPTC Alt Text (Accessibility))` });
    }
    // The hero stands for the story in search results and social cards: it gets fixed-shape crops.
    if (plan && text?.alt) hero = figureOf(withCrops(plan), text);
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
  // A caption an import left waiting for its picture: a draft's to-do (check warns), never published.
  for (const block of facts.picturesNeeded) {
    const line = source.bodyLine + block.line;
    if (block.error) problems.push({ file, line, field: "body", message: block.error });
    else if (!fm.draft) problems.push({ file, line, field: "body", message: `${pictureNeededMessage(block, fm.image !== undefined)}; ${NOT_PUBLISHED}` });
  }
  for (const figure of facts.missingAlt) {
    // A figure whose picture carries its own alt text in the story's language needs none written.
    const embedded = figure.src === undefined ? undefined : images.get(figure.src)?.embedded;
    if (inLanguage(embedded?.xmp?.altText, edition.code)) continue;
    problems.push({ file, line: source.bodyLine + figure.line, field: "body", message: `image ${figure.src}: alt text is required: ![what the picture shows](${figure.src}), or embed it in the picture (IPTC Alt Text (Accessibility))` });
  }
  if (!fm.draft) problems.push(...placeholderProblems({ file, summary: fm.summary, body: source.body, bodyLine: source.bodyLine, summaryLine: () => source.lineOf(["summary"]) }, ctx.placeholders));
  fm.tags.forEach((tag, i) => {
    if (!slugOf(tag)) problems.push({ file, line: source.lineOf(["tags", i]), field: `tags.${i}`, message: `"${tag}" has no letters or digits to make a tag page's URL from` });
  });
  const { live, problems: liveProblems } = liveStory(fm, facts.updates, { file, bodyLine: source.bodyLine, zone: edition.timeZone, lineOf: source.lineOf });
  problems.push(...liveProblems);
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
  const inputs = renderInputs({ url, edition, dateline: fm.dateline }, images, site);
  const pageUrl = inputs.pageUrl;
  const key = renderKey({ pageUrl, siteUrl: site.url, prefix: site.pathPrefix, images });
  let rendered: RenderedBody | undefined;
  if (!cacheKey || !ctx.bodies!.hasRendered(cacheKey, key)) {
    const tokens = parse();
    rendered = timed("render", () => renderBody(tokens, inputs));
    if (cacheKey) timed("write", () => ctx.bodies!.setRendered(cacheKey, key, rendered!));
  }
  const wordCount = facts.wordCount;
  const fields: Omit<Article, BodyField> = {
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
    updated: lastUpdate(fm.date, fm.updated, live),
    dateline: fm.dateline,
    authors: fm.author.map((name) => {
      const profile = authors.get(name);
      return ctx.shared({ name: profile?.name ?? name, url: profile?.url });
    }),
    section,
    tags: orNone(uniqueTerms(fm.tags, (slug) => urlPath(edition.home, FOLDER.tags, slug)).map(ctx.shared)),
    hero,
    corrections: orNone(fm.corrections.map((c) => ({ date: c.date, text: typeset(c.text, edition.code) }))),
    draft: fm.draft,
    featured: fm.featured,
    live,
    wordCount,
    readingMinutes: readingMinutes(wordCount, lang),
    images: [...new Set([...(hero ? [hero.plan] : []), ...images.values()])],
    internalLinks: orNone(
      facts.links
        .map((ref) => ({ url: resolveHref(ref.href, { page: pageUrl, prefix: site.pathPrefix, absolute: true }), line: ref.line }))
        .filter((ref) => ref.url.startsWith(site.url))
        .map((ref) => ({ url: new URL(ref.url).pathname, line: ref.line === undefined ? undefined : source.bodyLine + ref.line })),
    ),
    version: articleVersion(file, raw, images.values()),
  };
  const pictures = [...images];
  const bodyOf = cacheKey ? readBack(ctx.bodies!, cacheKey, key, { absFile, pictures, site }) : keep(rendered!);
  return { article: withBody(fields, bodyOf), body: cacheKey ? { key: cacheKey, renderKey: key, pictures } : undefined };
}

/** The story's picture at the top, with its text as resolved (an alt text is known to be there). */
function figureOf(plan: ImagePlan, text: PictureText): Figure {
  return {
    plan,
    alt: text.alt!.value,
    caption: { text: text.caption?.value ?? "", credit: text.credit?.value },
    ...(text.creator && { creator: text.creator.value }),
    ...(text.copyright && { copyright: text.copyright.value }),
    ...(text.pictureOrigin && { origin: text.pictureOrigin }),
    text,
  };
}

function uniqueTerms(names: readonly string[], urlOf: (slug: string) => string): Term[] {
  const bySlug = new Map<string, Term>();
  for (const name of names) {
    const slug = slugOf(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { name, slug, url: urlOf(slug) });
  }
  return [...bySlug.values()];
}
