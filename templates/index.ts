/**
 * Every page of the site, from the model. The Eleventy plugin paginates over this list.
 */
import type { Page } from "../src/page.ts";
import type { SiteModel } from "../src/site-model.ts";
import { outputPathOf } from "../src/urls.ts";
import { articlePage } from "./article.ts";
import { archivePage, frontPage } from "./front.ts";
import { authorPage, sectionPage, tagPage } from "./listing.ts";
import { notFoundPage } from "./not-found.ts";
import { standalonePage } from "./standalone.ts";

export function pages(model: SiteModel): Page[] {
  const at = (url: string) => outputPathOf(model.site.pathPrefix, url);
  return [
    { outputPath: "index.html", render: () => frontPage(model) },
    { outputPath: "404.html", render: () => notFoundPage(model) },
    ...model.front.archive.map((p) => ({ outputPath: at(p.url), render: () => archivePage(p, model) })),
    ...model.sections.flatMap((l) => l.pages.map((p) => ({ outputPath: at(p.url), render: () => sectionPage(l.subject, p, model) }))),
    ...model.tags.flatMap((l) => l.pages.map((p) => ({ outputPath: at(p.url), render: () => tagPage(l.subject, p, model) }))),
    ...model.authors.flatMap((l) => l.pages.map((p) => ({ outputPath: at(p.url), render: () => authorPage(l.subject, p, model) }))),
    ...model.pages.map((p) => ({ outputPath: p.outputPath, render: () => standalonePage(p, model) })),
    ...model.articles.map((a) => ({ outputPath: a.outputPath, render: () => articlePage(a, model) })),
  ];
}
