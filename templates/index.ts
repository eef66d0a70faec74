/**
 * Every page of the site, from the model. The Eleventy plugin paginates over this list.
 */
import type { Page } from "../src/page.ts";
import type { SiteModel } from "../src/site-model.ts";
import { outputPathOf } from "../src/urls.ts";
import { articlePage } from "./article.ts";
import { frontPage, sectionPage, tagPage } from "./listing.ts";

export function pages(model: SiteModel): Page[] {
  const prefix = model.site.pathPrefix;
  return [
    { outputPath: "index.html", render: () => frontPage(model) },
    ...model.sections.map((s) => ({ outputPath: outputPathOf(prefix, s.term.url), render: () => sectionPage(s, model) })),
    ...model.tags.map((t) => ({ outputPath: outputPathOf(prefix, t.term.url), render: () => tagPage(t, model) })),
    ...model.articles.map((a) => ({ outputPath: a.outputPath, render: () => articlePage(a, model) })),
  ];
}
