import type { Article } from "../../../src/model/article.ts";
import type { Author } from "../../../src/site/authors.ts";
import { html, jsonScript, type SafeHtml } from "../../../src/shared/html.ts";
import type { EditionModel } from "../../../src/model/site-model.ts";
import { absoluteUrl, imageBase } from "../../../src/site/url-space.ts";
import { openGraphLocales, organization } from "./shared.ts";

export interface PageHeadOptions {
  title: string;
  description: string;
  url: string;
  /** The stories listed, for CollectionPage's ItemList. */
  articles?: readonly Article[];
  /** An author page describes a person. */
  author?: Author;
  /** The front page describes the website. */
  website?: boolean;
}

/** Open Graph and structured data for pages that are not articles: front, listings, author pages. */
export function pageHead(model: EditionModel, o: PageHeadOptions): SafeHtml {
  const { site, edition } = model;
  const url = absoluteUrl(site.url, site.pathPrefix, o.url);
  const abs = (u: string) => absoluteUrl(site.url, site.pathPrefix, u);
  const itemList = o.articles?.length
    ? { "@type": "ItemList", itemListElement: o.articles.map((a, i) => ({ "@type": "ListItem", position: i + 1, url: abs(a.url) })) }
    : undefined;
  const data = o.website
    ? { "@context": "https://schema.org", "@type": "WebSite", name: edition.title, description: edition.description, url, inLanguage: edition.code, publisher: organization(model) }
    : o.author
      ? {
          "@context": "https://schema.org",
          "@type": "ProfilePage",
          url,
          name: o.title,
          mainEntity: {
            "@type": "Person",
            name: o.author.name,
            jobTitle: o.author.role,
            description: o.author.bio,
            url,
            image: o.author.photo ? `${imageBase(site.url)}${o.author.photo.variants[0]!.name}` : undefined,
            sameAs: o.author.links.filter((l) => l.url.startsWith("http")).map((l) => l.url),
            worksFor: organization(model),
          },
        }
      : { "@context": "https://schema.org", "@type": "CollectionPage", name: o.title, description: o.description, url, isPartOf: { "@type": "WebSite", name: edition.title, url: absoluteUrl(site.url, site.pathPrefix, edition.home) }, inLanguage: edition.code, mainEntity: itemList };
  return html`${jsonScript(data)}
<meta property="og:type" content="${o.author ? "profile" : "website"}">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${o.description}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${edition.title}">
${openGraphLocales(model, o.url)}
${shareCard(model)}`;
}

/** The site's share picture on pages that are not stories. */
function shareCard(model: EditionModel): SafeHtml {
  const picture = model.shareImage;
  const social = picture?.plan.crops?.social;
  if (!picture || !social) return html`<meta name="twitter:card" content="summary">`;
  const src = `${imageBase(model.site.url)}${social.name}`;
  return html`<meta property="og:image" content="${src}">
<meta property="og:image:width" content="${social.width}">
<meta property="og:image:height" content="${social.height}">
<meta property="og:image:alt" content="${picture.alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${src}">
<meta name="twitter:image:alt" content="${picture.alt}">`;
}
