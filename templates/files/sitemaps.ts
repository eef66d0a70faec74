/**
 * Each edition's sitemap.xml (split into a sitemap index past 50,000 URLs) and Google News sitemap,
 * in the edition's folder (/sitemap.xml, /ckb/sitemap.xml: a sitemap lists URLs under its own
 * folder), and robots.txt naming them all. Pages with versions in other editions carry them as
 * xhtml:link alternates, as their hreflang links do. The XML is written by the `sitemap` package.
 */
import { SitemapIndexStream, SitemapStream, streamToPromise } from "sitemap";
import { isoWithOffset, type Instant } from "../../src/shared/dates.ts";
import type { Page } from "../../src/model/page.ts";
import { lastModified, type EditionModel } from "../../src/model/site-model.ts";
import { absoluteUrl, FILE, outputDirOf, sitemapPart } from "../../src/site/url-space.ts";

/** The sitemaps.org limit of URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapEntry {
  url: string;
  lastmod: Instant | undefined;
}

/** sitemap.xml, or sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml… when there are too many URLs. */
export function sitemapPages(entries: readonly SitemapEntry[], model: EditionModel, limit = SITEMAP_LIMIT): Page[] {
  const { site } = model;
  const dir = folderOf(model);
  const abs = (url: string) => absoluteUrl(site.url, site.pathPrefix, url);
  const alternates = (url: string) => {
    const group = model.alternatesOf(url);
    if (!group.length) return {};
    return { links: [...group.map((a) => ({ lang: a.edition.code, url: abs(a.url) })), { lang: "x-default", url: abs(group[0]!.url) }] };
  };
  const chunks: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) chunks.push(entries.slice(i, i + limit));
  const urlset = (chunk: readonly SitemapEntry[]) => async () => {
    const stream = new SitemapStream({ hostname: site.url, xmlns: { news: false, xhtml: model.editions.length > 1, image: false, video: false } });
    for (const e of chunk) stream.write({ url: abs(e.url), ...(e.lastmod ? { lastmod: isoWithOffset(e.lastmod) } : {}), ...alternates(e.url) });
    stream.end();
    return (await streamToPromise(stream)).toString();
  };
  // A sitemap's key is what it lists: each URL, its date and its alternates.
  const keyOf = (chunk: readonly SitemapEntry[]) => chunk.map((e) => `${e.url} ${e.lastmod?.toISO() ?? ""} ${model.alternatesOf(e.url).map((a) => a.url).join(" ")}`).join("\n");
  if (chunks.length <= 1) return [{ outputPath: `${dir}${FILE.sitemap}`, key: keyOf(chunks[0] ?? []), render: urlset(chunks[0] ?? []) }];
  const newest = (chunk: readonly SitemapEntry[]) => chunk.map((e) => e.lastmod).filter((d) => d !== undefined).sort((a, b) => b.toMillis() - a.toMillis())[0];
  const index = async () => {
    const stream = new SitemapIndexStream();
    chunks.forEach((chunk, i) => {
      const last = newest(chunk);
      stream.write({ url: abs(`${model.edition.home}${sitemapPart(i + 1)}`), ...(last ? { lastmod: isoWithOffset(last) } : {}) });
    });
    stream.end();
    return (await streamToPromise(stream)).toString();
  };
  return [
    { outputPath: `${dir}${FILE.sitemap}`, key: chunks.map((chunk) => newest(chunk)?.toISO() ?? "").join("\n"), render: index },
    ...chunks.map((chunk, i) => ({ outputPath: `${dir}${sitemapPart(i + 1)}`, key: keyOf(chunk), render: urlset(chunk) })),
  ];
}

/**
 * Articles of the last two days, as Google News wants them (publication, language, date, title).
 * None on a quiet weekend: then no file at all, since the sitemaps.org schema requires at least
 * one <url> in a <urlset>.
 */
export function newsSitemapPages(model: EditionModel): Page[] {
  const { site } = model;
  if (!model.news.length) return [];
  return [{
    outputPath: `${folderOf(model)}${FILE.newsSitemap}`,
    key: model.news.map((a) => a.version).join(" "),
    render: async () => {
      const stream = new SitemapStream({ hostname: site.url, xmlns: { news: true, xhtml: false, image: false, video: false } });
      for (const a of model.news) {
        stream.write({
          url: absoluteUrl(site.url, site.pathPrefix, a.url),
          // When it last changed (a live story's newest update), beside when it was first published.
          lastmod: isoWithOffset(lastModified(a)),
          news: { publication: { name: model.edition.title, language: newsLanguage(a.lang) }, publication_date: isoWithOffset(a.date), title: a.title },
        });
      }
      stream.end();
      return (await streamToPromise(stream)).toString();
    },
  }];
}

/** robots.txt: everything may be crawled; where every edition's sitemaps are. */
export function robotsPage(models: readonly EditionModel[]): Page {
  const lines = models.flatMap((m) => {
    const abs = (file: string) => absoluteUrl(m.site.url, m.site.pathPrefix, `${m.edition.home}${file}`);
    return [`Sitemap: ${abs(FILE.sitemap)}`, ...(m.news.length ? [`Sitemap: ${abs(FILE.newsSitemap)}`] : [])];
  });
  return { outputPath: FILE.robots, key: lines.join("\n"), render: () => `User-agent: *\nAllow: /\n\n${lines.join("\n")}\n` };
}

/** The edition's folder in the output: "" or "ckb/". */
function folderOf(model: EditionModel): string {
  return outputDirOf(model.site.pathPrefix, model.edition.home);
}

/**
 * Google News wants ISO 639 codes, with zh-cn/zh-tw the only regions; it lists Sorani as "ckb"
 * among its three-letter exceptions, so the primary subtag is kept as it is.
 */
function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  return lower.startsWith("zh-") ? lower : lower.split("-")[0]!;
}
