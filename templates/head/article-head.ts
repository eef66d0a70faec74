import type { Article } from "../../src/article.ts";
import { html, type SafeHtml } from "../../src/html.ts";
import type { SiteModel } from "../../src/site-model.ts";

/** What an article adds to <head>: robots directives, structured data and social cards. */
export function articleHead(_article: Article, _model: SiteModel): SafeHtml {
  return html`<meta name="robots" content="max-image-preview:large">`;
}
