/**
 * Every file of the site, from the model: each edition's HTML pages (each saying how it appears in
 * its sitemap and what it is made of: its key), feeds and sitemaps, then robots.txt. The plugin
 * renders and writes them (src/eleventy/plugin.ts).
 *
 * A page's key names what it reads beyond the model's fingerprint: the versions of the stories it
 * shows, in order, its pagination, and its alternates. A template that starts reading something
 * new must say so here (tests/output/page-cache.test.ts builds with and without the cache and compares).
 */
import type { Article } from "../src/model/article.ts";
import type { Instant } from "../src/shared/dates.ts";
import type { Paged } from "../src/shared/pagination.ts";
import type { Page } from "../src/model/page.ts";
import { lastChange, lastModified, type EditionModel, type SiteModel } from "../src/model/site-model.ts";
import { FILE, FOLDER, outputDirOf, outputPathOf, searchPath } from "../src/site/url-space.ts";
import { ADMIN_FILE } from "../src/model/admin.ts";
import { adminPage } from "./pages/admin.ts";
import { adminConfigYaml } from "./files/admin-config.ts";
import { searchMonth } from "../src/site/url-space.ts";
import { articlePage } from "./pages/article.ts";
import { feedPages } from "./files/feeds.ts";
import { archivePage, frontPage } from "./pages/front.ts";
import { authorPage, sectionPage, tagPage } from "./pages/listing.ts";
import { notFoundPage } from "./pages/not-found.ts";
import { liveUpdatesJson } from "./files/live-updates-json.ts";
import { searchInputs, searchPage } from "./pages/search.ts";
import { newsSitemapPages, robotsPage, sitemapPages } from "./files/sitemaps.ts";
import { standalonePage } from "./pages/standalone.ts";
import { correctionsPage } from "./pages/corrections.ts";
import { dayOf } from "./layout/components/dates.ts";

export function pages(model: SiteModel): Page[] {
  return [...model.editions.flatMap(editionPages), robotsPage(model.editions), ...adminPages(model)];
}

/** The editing form's page and configuration, at the site's root: in no sitemap, feed or search index. */
function adminPages({ admin, site }: SiteModel): Page[] {
  if (!admin) return [];
  const dir = `${FOLDER.admin}/`;
  const config = JSON.stringify(admin.config);
  return [
    { outputPath: `${dir}${FILE.page}`, render: () => adminPage(admin, site), key: `${site.name}\n${JSON.stringify(admin.facts)}\n${admin.integrity.decap} ${admin.integrity.script}` },
    { outputPath: `${dir}${ADMIN_FILE.config}`, render: () => adminConfigYaml(admin), key: config },
  ];
}

/** One edition's pages, feeds and sitemaps, under its folder. */
function editionPages(model: EditionModel): Page[] {
  const { site, edition } = model;
  const at = (url: string) => outputPathOf(site.pathPrefix, url);
  const listed = (url: string, lastmod: Instant | undefined) => ({ sitemap: { url, lastmod } });
  // Every page of the edition carries its breaking-news bar: another edition's bar changes none of them.
  const bar = model.breaking ? JSON.stringify(model.breaking) : "";
  const key = (url: string, ...parts: (string | number | readonly Article[])[]) =>
    [...parts.map((p) => (typeof p === "object" ? p.map((a) => a.version).join(" ") : String(p))), ...model.alternatesOf(url).map((a) => a.url), bar].join("\n");
  // An empty listing (a section without stories yet) is a page, but not one to index.
  const paged = (p: Paged<Article>, subject: string, render: () => string): Page => ({
    outputPath: at(p.url),
    render,
    key: key(p.url, subject, p.number, p.last, p.items),
    ...(p.items.length ? listed(p.url, lastChange(p.items)) : {}),
  });
  const { front } = model;
  const html: Page[] = [
    {
      outputPath: at(edition.home),
      render: () => frontPage(model),
      // The masthead's date (templates/layout/layout.ts): a warm build on a new day renders it anew.
      key: key(edition.home, dayOf(model.now, edition), front.lead ? [front.lead] : [], front.top, front.sections.map((s) => s.section.slug).join(" "), ...front.sections.map((s) => s.articles), front.archive.length),
      ...listed(edition.home, lastChange(model.articles)),
    },
    // A host that serves the nearest 404.html (Cloudflare Pages does) finds the edition's own;
    // others (GitHub Pages) serve the root one, whose language switcher leads to every edition.
    { outputPath: `${outputDirOf(site.pathPrefix, edition.home)}${FILE.notFound}`, render: () => notFoundPage(model), key: key("", front.newest) },
    { outputPath: at(searchPath(edition.home)), render: () => searchPage(model), key: key(searchPath(edition.home), JSON.stringify(searchInputs(model))) },
    ...front.archive.map((p) => paged(p, "", () => archivePage(p, model))),
    ...model.sections.flatMap((l) => l.pages.map((p) => paged(p, "", () => sectionPage(l.subject, p, model)))),
    // A tag is named as in its newest story.
    ...model.tags.flatMap((l) => l.pages.map((p) => paged(p, l.subject.name, () => tagPage(l.subject, p, model)))),
    ...model.authors.flatMap((l) => l.pages.map((p) => paged(p, "", () => authorPage(l.subject, p, model)))),
    ...model.pages.map((p) => ({ outputPath: p.outputPath, render: () => standalonePage(p, model), key: key(p.url), ...listed(p.url, undefined) })),
    // Each correction it shows: its story's version (headline, URL), its date and its text. Not
    // indexed without corrections, as an empty listing; last changed by its newest correction.
    ...model.corrections.pages.map((p) => ({
      outputPath: at(p.url),
      render: () => correctionsPage(p, model),
      key: key(p.url, p.number, p.last, ...p.items.map((c) => `${c.article.version} ${c.date.toISO()} ${c.text}`)),
      ...(p.items.length ? listed(p.url, p.items[0]!.date) : {}),
    })),
    ...model.articles.map((a) => ({
      outputPath: a.outputPath,
      render: () => articlePage(a, model),
      key: key(a.url, [a], model.stateOf(a), model.relatedTo(a)),
      searchMonth: searchMonth(a.date),
      ...listed(a.url, lastModified(a)),
    })),
    // A live story's updates for its page's script, made from what its page is made from.
    ...model.articles.flatMap((a) =>
      a.live ? [{ outputPath: `${outputDirOf(site.pathPrefix, a.url)}${FILE.liveUpdates}`, render: () => liveUpdatesJson(a, edition), key: key(`${a.url}${FILE.liveUpdates}`, [a]) }] : [],
    ),
  ];
  return [
    ...html,
    ...feedPages({ title: edition.title, description: edition.description, base: edition.home, articles: model.latest }, model),
    ...model.sections.flatMap((l) =>
      feedPages({ title: `${l.subject.name} – ${edition.title}`, description: l.subject.description, base: l.subject.url, articles: l.latest }, model),
    ),
    ...sitemapPages(html.flatMap((p) => (p.sitemap ? [p.sitemap] : [])), model),
    ...newsSitemapPages(model),
  ];
}
