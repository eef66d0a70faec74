/**
 * What a story's share card shows (src/images/share-card.ts), decided here and only here: the page's
 * og:image and twitter:image tags (templates/layout/head/article-head.ts) and the build's drawer
 * (src/eleventy/plugin.ts) both ask for it, so the file a page names is the file drawn.
 */
import { shareCard, type ShareCard } from "../images/share-card.ts";
import type { Article } from "./article.ts";
import type { EditionModel, SiteModel } from "./site-model.ts";

/**
 * The card of a story in its edition: its headline, section and the edition's title over its hero
 * picture with the picture's credit, or as type alone for a story without one. Its alt text is the
 * headline and what the picture shows.
 */
export function shareCardOf(article: Article, model: EditionModel): ShareCard {
  const hero = article.hero;
  const text = {
    headline: article.title,
    section: article.section.name,
    siteName: model.edition.title,
    credit: hero?.caption.credit,
    lang: article.lang,
    dir: article.dir,
    picture: hero && { source: hero.plan.source, hash: hero.plan.hash },
  };
  return shareCard(text, hero ? `${article.title} — ${hero.alt}` : article.title);
}

/** The card of every story a page of this build shows, edition by edition. */
export function shareCardsOf(site: SiteModel): ShareCard[] {
  return site.editions.flatMap((model) => model.articles.map((article) => shareCardOf(article, model)));
}
