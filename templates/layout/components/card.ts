import type { Article } from "../../../src/model/article.ts";
import { picture, SIZES } from "../../../src/render/figure.ts";
import { html, raw, type SafeHtml } from "../../../src/shared/html.ts";
import { timeTag } from "./dates.ts";
import type { Edition } from "../../../src/site/editions.ts";

export interface CardOptions {
  edition: Edition;
  imageBase: string;
  /** Heading level of the headline, to keep the page's outline in order. */
  level: 2 | 3;
  standfirst?: boolean;
  /** The lead story: large image, loaded first. */
  lead?: boolean;
  /** The section label; left out where the block is already that section's. */
  label?: boolean;
  /** The picture; left out in a list of headlines. */
  media?: boolean;
  /** In a grid, a story without a picture gets a panel of the same shape, so that the row's headlines line up. */
  panel?: boolean;
  /** How wide the picture is drawn (`SIZES`); a grid's card by default. */
  sizes?: string;
}

/**
 * A story card: image (fixed aspect ratio, so nothing shifts), section label, headline, standfirst,
 * time and reading time. The headline's link covers the card (CSS), the label stays its own link.
 */
export function card(a: Article, o: CardOptions): SafeHtml {
  // The same card appears on many pages (front, section, tag, author, archive, related): rendered
  // once (12 µs a card; 80,000 of them at 10,000 stories), kept as UTF-8 bytes. As the text a
  // template makes, a tree of the pieces joined, a card took 1.2 KB, 24 MB of a 10,000-story build.
  const key = `${o.edition.code}|${o.imageBase}|${o.level}|${o.standfirst ?? true}|${o.lead ?? false}|${o.label ?? true}|${o.media ?? true}|${o.panel ?? false}|${o.sizes ?? ""}`;
  const cards = rendered.get(a) ?? new Map<string, Buffer>();
  rendered.set(a, cards);
  const kept = cards.get(key);
  if (kept) return raw(kept.toString());
  const html = renderCard(a, o);
  cards.set(key, Buffer.from(html.value));
  return html;
}

/** Cards by article (a new build makes new articles, and the old cards go with them). */
const rendered = new WeakMap<Article, Map<string, Buffer>>();

function renderCard(a: Article, o: CardOptions): SafeHtml {
  const h = raw(`h${o.level}`);
  const sizes = o.sizes ?? (o.lead ? SIZES.lead : SIZES.card);
  const media =
    o.media === false
      ? ""
      : a.hero
        ? html`<div class="card__media">${picture(a.hero.plan, { alt: a.hero.alt, sizes, imageBase: o.imageBase, priority: o.lead ?? false })}</div>`
        : o.panel
          ? html`<div class="card__media card__media--none" aria-hidden="true"><span>${a.section.name}</span></div>`
          : "";
  return html`<article class="card${o.lead ? " card--lead" : ""}${o.media === false ? " card--text" : ""}" lang="${a.lang}" dir="${a.dir}">${media}<div class="card__body">${
    o.label ?? true ? html`<p class="label"><a href="${a.section.url}">${a.section.name}</a></p>` : ""
  }<${h} class="card__headline"><a href="${a.url}">${a.title}</a></${h}>${
    o.standfirst ?? true ? html`<p class="card__standfirst">${a.summary}</p>` : ""
  }<p class="card__meta">${timeTag(a.date, o.edition)}<span aria-hidden="true"> · </span><span class="card__reading">${o.edition.words.n("minRead", a.readingMinutes)}</span></p></div></article>`;
}

/** A grid of cards, or a plain sentence when there are none. */
export function cardGrid(articles: readonly Article[], o: CardOptions): SafeHtml {
  if (!articles.length) return html`<p class="empty">${o.edition.words.t("noArticles")}</p>`;
  return html`<ul class="cards">${articles.map((a) => html`<li>${card(a, { ...o, panel: true })}</li>`)}</ul>`;
}

/** Headlines one under another, ruled apart, without pictures: no count of them leaves a row ragged. */
export function storyList(articles: readonly Article[], o: CardOptions): SafeHtml {
  return html`<ul class="story-list">${articles.map((a) => html`<li>${card(a, { ...o, media: false })}</li>`)}</ul>`;
}
