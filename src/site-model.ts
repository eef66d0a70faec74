/**
 * The site model: everything templates need, sorted and shaped once. Templates never sort, filter
 * or slice; they lay out what they are given.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import type { Article, Term } from "./article.ts";
import { parseDate, type Instant } from "./dates.ts";
import { ContentError } from "./errors.ts";
import { loadArticles } from "./load-content.ts";
import { isIncluded, publicationState, type PublicationState } from "./publishing.ts";
import { loadSiteConfig, type SiteConfig } from "./site-config.ts";

export interface SiteModel {
  readonly site: SiteConfig;
  /** The stylesheet, inlined into every page (small, and saves a request on a cold visit). */
  readonly css: string;
  /** The articles this build publishes, newest first. */
  readonly articles: readonly Article[];
  /** Sections and tags with their articles (newest first), each list sorted by name. */
  readonly sections: readonly Listing[];
  readonly tags: readonly Listing[];
  /** Drafts and embargoed articles left out of this build, for the build report. */
  readonly withheld: readonly { article: Article; state: PublicationState }[];
  readonly now: Instant;
  /** A preview (`npm start`) shows drafts and embargoed articles, marked as such. */
  readonly preview: boolean;
  stateOf(article: Article): PublicationState;
}

export interface Listing {
  readonly term: Term;
  readonly articles: readonly Article[];
}

export interface ModelOptions {
  root: string;
  contentDir: string;
  assetsDir: string;
  /** ISO 8601; default: the real clock. */
  now?: string | undefined;
  drafts: boolean;
  future: boolean;
  preview: boolean;
}

export async function buildSiteModel(o: ModelOptions): Promise<SiteModel> {
  const site = await loadSiteConfig(o.contentDir, o.root);
  const now = resolveNow(o.now, site.timeZone);
  const [all, css] = await Promise.all([
    loadArticles({ root: o.root, contentDir: o.contentDir, assetsDir: o.assetsDir, site }),
    readFile(path.join(o.assetsDir, "css", "site.css"), "utf8"),
  ]);
  const rules = { now, drafts: o.drafts, future: o.future };
  const sorted = [...all].sort(newestFirst);
  const articles = sorted.filter((a) => isIncluded(a, rules));
  return {
    site,
    css,
    articles,
    sections: listings(articles, (a) => [a.section]),
    tags: listings(articles, (a) => a.tags),
    withheld: sorted.filter((a) => !isIncluded(a, rules)).map((article) => ({ article, state: publicationState(article, now) })),
    now,
    preview: o.preview,
    stateOf: (article) => publicationState(article, now),
  };
}

function listings(articles: readonly Article[], termsOf: (a: Article) => readonly Term[]): Listing[] {
  const bySlug = new Map<string, { term: Term; articles: Article[] }>();
  for (const article of articles) {
    for (const term of termsOf(article)) {
      const entry = bySlug.get(term.slug) ?? { term, articles: [] };
      entry.articles.push(article);
      bySlug.set(term.slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.term.name.localeCompare(b.term.name));
}

/** Newest first; ties broken by URL so the order is the same on every build. */
function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
}

function resolveNow(value: string | undefined, zone: string): Instant {
  if (!value) return DateTime.now().setZone(zone) as Instant;
  const parsed = parseDate(value, zone);
  if (typeof parsed === "string") throw new ContentError([{ file: "--now", field: "now", message: parsed }]);
  return parsed;
}
