/**
 * RSS 2.0, Atom and JSON Feed for each edition and each of its sections, made by the `feed` package (it escapes
 * everything and knows each format's rules). Every URL is absolute, inside the content too.
 */
import { Feed } from "feed";
import type { Article } from "../../src/model/article.ts";
import type { Instant } from "../../src/shared/dates.ts";
import { html, raw } from "../../src/shared/html.ts";
import { dateText } from "../layout/components/dates.ts";
import type { Page } from "../../src/model/page.ts";
import { lastChange, lastModified, type EditionModel } from "../../src/model/site-model.ts";
import { absoluteUrl, faviconPath, FILE, imageBase, outputDirOf } from "../../src/site/url-space.ts";

export interface FeedSource {
  title: string;
  description: string;
  /** URL path of the site's or section's front, under which the feed files live. */
  base: string;
  articles: readonly Article[];
}

/** The three feed files for one source. */
export function feedPages(source: FeedSource, model: EditionModel): Page[] {
  const dir = outputDirOf(model.site.pathPrefix, source.base);
  // Its stories' versions, or the date an empty feed carries (templates/index.ts explains keys).
  const key = [source.title, source.description, ...source.articles.map((a) => a.version), source.articles.length ? "" : feedDate(source, model).toISO()].join("\n");
  return [
    // RSS has one date per item, pubDate: the first publication. Atom and JSON Feed carry both.
    { outputPath: `${dir}${FILE.rss}`, key, render: () => makeFeed(source, model, "published").rss2() },
    { outputPath: `${dir}${FILE.atom}`, key, render: () => withXmlLang(escapeAttributeLessThan(makeFeed(source, model, "updated").atom1()), model.edition.code) },
    { outputPath: `${dir}${FILE.jsonFeed}`, key, render: () => jsonFeed11(makeFeed(source, model, "updated").json1(), source, model) },
  ];
}

/**
 * When the feed last changed: the newest change among its items, not the build time, so the same
 * content gives the same feed. A feed without items (a section without stories yet) takes its
 * edition's newest change, and the build time only when the edition has no stories at all.
 */
function feedDate(source: FeedSource, model: EditionModel): Instant {
  return lastChange(source.articles) ?? lastChange(model.articles) ?? model.now;
}

function makeFeed(source: FeedSource, model: EditionModel, itemDate: "published" | "updated"): Feed {
  const { site } = model;
  const abs = (path: string) => absoluteUrl(site.url, site.pathPrefix, path);
  const home = abs(source.base);

  const feed = new Feed({
    title: source.title,
    description: source.description,
    id: home,
    link: home,
    language: model.edition.code,
    favicon: abs(faviconPath(site.pathPrefix)),
    ...(site.publisher.logo ? { image: abs(`${site.pathPrefix}${site.publisher.logo.slice(1)}`) } : {}),
    copyright: `© ${model.now.year} ${site.publisher.name}`,
    updated: feedDate(source, model).toJSDate(),
    generator: "Dateline",
    feedLinks: { rss: `${home}${FILE.rss}`, atom: `${home}${FILE.atom}`, json: `${home}${FILE.jsonFeed}` },
    author: { name: site.publisher.name, link: site.url },
  });
  for (const a of source.articles) {
    const hero = a.hero;
    const jpeg = hero?.plan.crops?.wide;
    const heroHtml =
      hero && jpeg
        ? html`<figure><img src="${imageBase(site.url)}${jpeg.name}" width="${jpeg.width}" height="${jpeg.height}" alt="${hero.alt}">${
            hero.caption.text || hero.caption.credit ? html`<figcaption>${[hero.caption.text, hero.caption.credit].filter(Boolean).join(" ")}</figcaption>` : ""
          }</figure>`.value
        : "";
    feed.addItem({
      title: a.title,
      id: abs(a.url),
      link: abs(a.url),
      description: a.summary,
      content: heroHtml + a.feedHtml + liveUpdatesHtml(a, model) + correctionsHtml(a, model),
      author: a.authors.map((b) => ({ name: b.name, ...(b.url ? { link: abs(b.url) } : {}) })),
      date: (itemDate === "updated" ? lastModified(a) : a.date).toJSDate(),
      published: a.date.toJSDate(),
      ...(jpeg ? { image: `${imageBase(site.url)}${jpeg.name}` } : {}),
      category: [{ name: a.section.name, term: a.section.name, domain: abs(a.section.url) }, ...a.tags.map((t) => ({ name: t.name, term: t.name, domain: abs(t.url) }))],
    });
  }
  return feed;
}

/**
 * A live story's updates after its opening, newest first, each under its time (and "Key event"), as
 * the page lists them: the item is the story, and its content is what the page says.
 */
function liveUpdatesHtml(a: Article, { edition }: EditionModel): string {
  return (a.live?.updates ?? [])
    .map((u) => html`<p><strong>${dateText(u.time, edition)}${u.key ? ` · ${edition.words.t("liveKeyEvent")}` : ""}</strong></p>${raw(a.updateHtml[u.index]?.feedHtml ?? "")}`.value)
    .join("");
}

/**
 * A story's corrections after its text, as the page's box gives them: "Correction (29 January 2026,
 * 09:00 GMT+3): …". A feed reader shows the item's content, not the page, and a reader who saw the
 * first version should learn what was wrong (issue 17).
 */
function correctionsHtml(a: Article, { edition }: EditionModel): string {
  return a.corrections.map((c) => html`<p><strong>${edition.words.t("correctionDated", { date: dateText(c.date, edition) })}</strong> ${c.text}</p>`.value).join("");
}

/**
 * `feed` 6 writes Atom attributes through xml-js, which escapes `&` and `"` but not `<`, so a tag
 * named `a<b` made atom.xml ill-formed. Attribute values cannot hold a raw `"` (it is escaped), so
 * each value is found exactly and its `<` escaped here.
 */
function escapeAttributeLessThan(xml: string): string {
  return xml.replace(/(\s[\w:-]+=")([^"]*)"/g, (_, start: string, value: string) => `${start}${value.replace(/</g, "&lt;")}"`);
}

/** `feed` writes no language into Atom: the root element gets `xml:lang`, as RFC 4287 allows. */
function withXmlLang(xml: string, lang: string): string {
  return xml.replace(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}"`);
}

/**
 * `feed` writes JSON Feed 1, which has no language and one author per item; 1.1 has `language` and
 * `authors` lists (every name of a byline, in order).
 */
function jsonFeed11(json: string, source: FeedSource, model: EditionModel): string {
  const { version: _version, author, items, ...rest } = JSON.parse(json) as { version: string; author: unknown; items: Record<string, unknown>[] };
  const abs = (path: string) => absoluteUrl(model.site.url, model.site.pathPrefix, path);
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      language: model.edition.code,
      ...rest,
      authors: [author],
      items: items.map(({ author: _first, ...item }, i) => ({
        ...item,
        authors: source.articles[i]!.authors.map((b) => ({ name: b.name, ...(b.url ? { url: abs(b.url) } : {}) })),
      })),
    },
    null,
    4,
  );
}
