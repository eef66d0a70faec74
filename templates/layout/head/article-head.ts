import type { Article, Figure } from "../../../src/model/article.ts";
import type { SiteConfig } from "../../../src/site/site-config.ts";
import { isoWithOffset } from "../../../src/shared/dates.ts";
import { html, jsonScript, type SafeHtml } from "../../../src/shared/html.ts";
import { lastModified, type EditionModel } from "../../../src/model/site-model.ts";
import { shareCardOf } from "../../../src/model/share-card.ts";
import { absoluteUrl, imageBase } from "../../../src/site/url-space.ts";
import { openGraphLocales, organization } from "./shared.ts";

/** Google shows at most 110 characters of a NewsArticle headline. */
const MAX_HEADLINE = 110;
/**
 * A live story's structured data lists its newest updates, up to this many: search engines read
 * the newest, and a day-long live story of 300 updates would otherwise carry its text twice.
 */
export const LIVE_UPDATES_IN_JSON_LD = 50;

/** What an article adds to <head>: robots directives, NewsArticle JSON-LD, Open Graph and Twitter cards. */
export function articleHead(article: Article, model: EditionModel): SafeHtml {
  const { site } = model;
  const url = absoluteUrl(site.url, site.pathPrefix, article.url);
  const img = (name: string) => `${imageBase(site.url)}${name}`;
  const picture = article.hero ?? model.shareImage;
  const crops = picture?.plan.crops;
  const modified = lastModified(article);
  const authorUrl = (u: string | undefined) => (u ? absoluteUrl(site.url, site.pathPrefix, u) : undefined);
  const authors = article.authors.map((a) =>
    a.name === site.publisher.name || a.name === site.name || a.name === model.edition.title ? organization(model) : { "@type": "Person", name: a.name, url: authorUrl(a.url) },
  );
  const data = {
    "@context": "https://schema.org",
    "@type": article.live ? "LiveBlogPosting" : "NewsArticle",
    headline: shorten(article.title, MAX_HEADLINE),
    description: article.summary,
    // Google's three shapes, each an ImageObject with the picture's caption, credit, creator and
    // copyright (the editor's or the picture's own: src/render/picture-text.ts) and the site's terms.
    image: crops ? [crops.wide, crops.standard, crops.square].map((crop) => imageObject(img(crop.name), crop, article.hero, site.pictures)) : undefined,
    datePublished: isoWithOffset(article.date),
    dateModified: isoWithOffset(modified),
    author: authors,
    publisher: organization(model),
    dateline: article.dateline ? `${article.dateline.place}${article.dateline.source ? ` (${article.dateline.source})` : ""}` : undefined,
    articleSection: article.section.name,
    keywords: article.tags.length ? article.tags.map((t) => t.name).join(", ") : undefined,
    inLanguage: article.lang,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    wordCount: article.wordCount,
    // schema.org's `correction` (CreativeWork) takes CorrectionComment, Text or URL: a comment has
    // both the text and the date the box shows.
    correction: article.corrections.length
      ? article.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: isoWithOffset(c.date) }))
      : undefined,
    // An update without an `author:` line is by the story's byline.
    ...liveBlog(article, url, (name) => (name ? [{ "@type": "Person", name }] : authors)),
  };
  // Drawn by the build from the same facts (src/model/share-card.ts): the name here is the file there.
  const card = shareCardOf(article, model);
  return html`<meta name="robots" content="max-image-preview:large">
${jsonScript(data)}
<meta property="og:type" content="article">
<meta property="og:title" content="${article.title}">
<meta property="og:description" content="${article.summary}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${model.edition.title}">
${openGraphLocales(model, article.url)}
<meta property="og:image" content="${img(card.name)}">
<meta property="og:image:width" content="${card.width}">
<meta property="og:image:height" content="${card.height}">
<meta property="og:image:alt" content="${card.alt}">
<meta property="article:published_time" content="${isoWithOffset(article.date)}">
<meta property="article:modified_time" content="${isoWithOffset(modified)}">
<meta property="article:section" content="${article.section.name}">
${article.tags.map((t) => html`<meta property="article:tag" content="${t.name}">\n`)}${article.authors.map(
    (a) => html`<meta property="article:author" content="${authorUrl(a.url) ?? a.name}">\n`,
  )}<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${article.title}">
<meta name="twitter:description" content="${article.summary}">
<meta name="twitter:image" content="${img(card.name)}">
<meta name="twitter:image:alt" content="${card.alt}">`;
}

/** A picture in one shape, described as schema.org's ImageObject (and Google's image license metadata) asks. */
function imageObject(url: string, size: { width: number; height: number }, figure: Figure | undefined, terms: SiteConfig["pictures"]): object {
  return {
    "@type": "ImageObject",
    url,
    contentUrl: url,
    width: size.width,
    height: size.height,
    caption: figure?.caption.text || undefined,
    creditText: figure?.caption.credit,
    creator: figure?.creator?.map((name) => ({ "@type": "Person", name })),
    copyrightNotice: figure?.copyright,
    // The site's terms are for its stories' pictures, not for its own share picture.
    license: figure && terms?.license,
    acquireLicensePage: figure && terms?.acquireLicensePage,
  };
}

/**
 * A live story's coverage (from its first update, or its publication, to its end once it has ended)
 * and its newest updates as BlogPostings, each at its anchor.
 */
function liveBlog(article: Article, url: string, person: (name: string | undefined) => object[]): object {
  const live = article.live;
  if (!live) return {};
  const first = live.updates[live.updates.length - 1]?.time ?? article.date;
  return {
    coverageStartTime: isoWithOffset(first),
    coverageEndTime: live.ended && isoWithOffset(live.ended),
    liveBlogUpdate: live.updates.slice(0, LIVE_UPDATES_IN_JSON_LD).map((u) => ({
      "@type": "BlogPosting",
      headline: shorten(u.headline, MAX_HEADLINE),
      datePublished: isoWithOffset(u.time),
      url: `${url}#${u.id}`,
      author: person(u.author),
    })),
  };
}

/** Cuts at a word boundary and adds an ellipsis when the text is longer than `max`. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
