/**
 * sitemap.xml (split into a sitemap index past 50,000 URLs), the Google News sitemap and
 * robots.txt. The XML is written by the `sitemap` package.
 */
import { SitemapIndexStream, SitemapStream, streamToPromise } from "sitemap";
import { isoWithOffset, type Instant } from "../src/dates.ts";
import type { Page } from "../src/page.ts";
import type { SiteModel } from "../src/site-model.ts";
import { absoluteUrl } from "../src/urls.ts";

/** The sitemaps.org limit of URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;
export const NEWS_SITEMAP = "news-sitemap.xml";

export interface SitemapEntry {
  url: string;
  lastmod: Instant | undefined;
}

/** sitemap.xml, or sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml… when there are too many URLs. */
export function sitemapPages(entries: readonly SitemapEntry[], model: SiteModel, limit = SITEMAP_LIMIT): Page[] {
  const { site } = model;
  const chunks: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) chunks.push(entries.slice(i, i + limit));
  const urlset = (chunk: readonly SitemapEntry[]) => async () => {
    const stream = new SitemapStream({ hostname: site.url, xmlns: { news: false, xhtml: false, image: false, video: false } });
    for (const e of chunk) stream.write({ url: absoluteUrl(site.url, site.pathPrefix, e.url), ...(e.lastmod ? { lastmod: isoWithOffset(e.lastmod) } : {}) });
    stream.end();
    return (await streamToPromise(stream)).toString();
  };
  if (chunks.length <= 1) return [{ outputPath: "sitemap.xml", render: urlset(chunks[0] ?? []) }];
  const newest = (chunk: readonly SitemapEntry[]) => chunk.map((e) => e.lastmod).filter((d) => d !== undefined).sort((a, b) => b.toMillis() - a.toMillis())[0];
  const index = async () => {
    const stream = new SitemapIndexStream();
    chunks.forEach((chunk, i) => {
      const last = newest(chunk);
      stream.write({ url: `${site.url}sitemap-${i + 1}.xml`, ...(last ? { lastmod: isoWithOffset(last) } : {}) });
    });
    stream.end();
    return (await streamToPromise(stream)).toString();
  };
  return [{ outputPath: "sitemap.xml", render: index }, ...chunks.map((chunk, i) => ({ outputPath: `sitemap-${i + 1}.xml`, render: urlset(chunk) }))];
}

/**
 * Articles of the last two days, as Google News wants them (publication, language, date, title).
 * None on a quiet weekend: then no file at all, since the sitemaps.org schema requires at least
 * one <url> in a <urlset>.
 */
export function newsSitemapPages(model: SiteModel): Page[] {
  const { site } = model;
  if (!model.news.length) return [];
  return [{
    outputPath: NEWS_SITEMAP,
    render: async () => {
      const stream = new SitemapStream({ hostname: site.url, xmlns: { news: true, xhtml: false, image: false, video: false } });
      for (const a of model.news) {
        stream.write({
          url: absoluteUrl(site.url, site.pathPrefix, a.url),
          news: { publication: { name: site.name, language: a.lang.split("-")[0]! }, publication_date: isoWithOffset(a.date), title: a.title },
        });
      }
      stream.end();
      return (await streamToPromise(stream)).toString();
    },
  }];
}

/** robots.txt: everything may be crawled; where the sitemaps are. */
export function robotsPage(model: SiteModel): Page {
  const { site } = model;
  return {
    outputPath: "robots.txt",
    render: () =>
      `User-agent: *\nAllow: /\n\nSitemap: ${site.url}sitemap.xml\n${model.news.length ? `Sitemap: ${site.url}${NEWS_SITEMAP}\n` : ""}`,
  };
}
