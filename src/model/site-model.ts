/**
 * What the templates read of the whole site: an `EditionModel` per language, its stories already
 * sorted, paginated, grouped and related (src/listings/ builds it). Templates never sort, filter or
 * slice; they lay out what they are given.
 */
import type { Instant } from "../shared/dates.ts";
import type { Paged } from "../shared/pagination.ts";
import type { ImagePlan } from "../images/image-plan.ts";
import type { FontFile } from "../assets/fonts.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Edition } from "../site/editions.ts";
import type { Section } from "../site/sections.ts";
import type { Author } from "../site/authors.ts";
import type { Article, Figure, Term } from "./article.ts";
import type { PublicationState } from "./publishing.ts";
import type { AdminModel } from "./admin.ts";
import type { StandalonePage } from "./standalone-page.ts";
import type { Notice } from "../shared/errors.ts";

export interface Listing<T> {
  readonly subject: T;
  readonly pages: readonly Paged<Article>[];
  /** The newest stories, for the listing's feeds. */
  readonly latest: readonly Article[];
}

export interface FrontPage {
  readonly lead: Article | undefined;
  /** Beside the lead, in the front file's order, or the newest. */
  readonly top: readonly Article[];
  /** The front file's sections, or every section, with their newest stories not at the top; empty ones left out. */
  readonly sections: readonly { section: Section; articles: readonly Article[] }[];
  /** The edition's newest stories, the lead among them wherever it is: for the 404 page. */
  readonly newest: readonly Article[];
  /** Every story not at the top, newest first: /page/2/ onwards. */
  readonly archive: readonly Paged<Article>[];
}

/** One correction as the corrections page lists it: the story it corrects, when, and what it says. */
export interface CorrectionEntry {
  readonly article: Article;
  readonly date: Instant;
  readonly text: string;
}

/** An edition's corrections page (/corrections/): src/listings/corrections.ts. */
export interface CorrectionsList {
  /** Every correction of the edition's published stories, newest first; one page, empty, when there is none. */
  readonly pages: readonly Paged<CorrectionEntry>[];
  /** The corrections policy the page links to: the edition's own, else the first edition's, if the site has one. */
  readonly policy: StandalonePage | undefined;
}

/** The breaking-news bar an edition shows above every page. */
export interface BreakingBar {
  readonly text: string;
  /** Root-relative for a story of the site, else the full URL its file gives. */
  readonly url: string | undefined;
  readonly until: Instant | undefined;
}

/** A page's versions in the editions' languages, for hreflang links, sitemaps and the language switcher. */
export interface Alternate {
  readonly edition: Edition;
  readonly url: string;
}

/** What the templates of one edition read: its stories and listings, in its language. */
export interface EditionModel {
  readonly site: SiteConfig;
  readonly edition: Edition;
  /** Every edition, in the declared order (the first is the default). */
  readonly editions: readonly Edition[];
  /** The stylesheet: one minified file with a content-hashed name (cached by readers for good), and its SRI hash. */
  readonly stylesheet: { readonly url: string; readonly integrity: string };
  /** The edition's articles this build publishes, newest first. */
  readonly articles: readonly Article[];
  /** The newest stories, for the edition's feeds. */
  readonly latest: readonly Article[];
  /** Stories for the Google News sitemap: published in the two days before the build time. */
  readonly news: readonly Article[];
  readonly front: FrontPage;
  /** The breaking-news bar above every page, while its file says so. */
  readonly breaking: BreakingBar | undefined;
  /** In the order declared in sections.yaml; every section the edition has, even an empty one. */
  readonly sections: readonly Listing<Section>[];
  /** Sorted by name. */
  readonly tags: readonly Listing<Term>[];
  /** Profiled authors, in the order of authors.yaml. */
  readonly authors: readonly Listing<Author>[];
  /** About, Contact, …: the edition's own. */
  readonly pages: readonly StandalonePage[];
  /** The footer's pages: the edition's own, and the first edition's it has no translation of (src/listings/footer-pages.ts). */
  readonly footerPages: readonly StandalonePage[];
  readonly corrections: CorrectionsList;
  /** The site's share picture (site.yaml `image`), with its crops: for stories without a hero. */
  readonly shareImage: Figure | undefined;
  readonly now: Instant;
  stateOf(article: Article): PublicationState;
  relatedTo(article: Article): readonly Article[];
  /** The page at `url` in every edition that has it, this one included; empty when only this one has it. */
  alternatesOf(url: string): readonly Alternate[];
  /** Self-hosted faces for an Arabic-script edition: @font-face rules, and the reading face to preload. */
  readonly fonts: { readonly css: string; readonly preload: string | undefined };
}

export interface SiteModel {
  readonly site: SiteConfig;
  readonly editions: readonly EditionModel[];
  /** Every edition's articles, newest first. */
  readonly articles: readonly Article[];
  /** Every image a page of this build shows, for the encoder. */
  readonly images: readonly ImagePlan[];
  /** The minified stylesheet and where it goes in the output. */
  readonly stylesheet: { readonly outputPath: string; readonly content: string };
  /** Font files the Arabic-script editions use, subset to their text, for the output's fonts/ folder. */
  readonly fontFiles: readonly FontFile[];
  /** Drafts and embargoed articles left out of this build, for the build report. */
  readonly withheld: readonly { article: Article; state: PublicationState }[];
  /** Article bodies parsed by this build; the others came from .cache/articles/. */
  readonly bodiesParsed: number;
  /** Story files read by this build: new or changed since an earlier build kept them (a title edit counts; the body may still come from the cache). */
  readonly storiesRead: number;
  /**
   * Everything a page may show besides the stories it lists, as a hash: the code (src/store/code-version.ts),
   * the site's settings, editions, sections, authors, standalone pages, stylesheet, fonts and share
   * picture, the year in the footers and the build's rules. With a page's own key (`Page.key`) it
   * decides whether the page of an earlier build can stand.
   */
  readonly fingerprint: string;
  /** What the build report tells the desk of its data files: a curated story gone stale, an embargoed lead, the bar's end. */
  readonly notices: readonly Notice[];
  readonly now: Instant;
  /** The editing form at /admin/ (src/admin/), unless site.yaml turns it off. */
  readonly admin: AdminModel | undefined;
}

/** When a list of stories last changed: the latest first publication, update or correction among them. */
export function lastChange(articles: readonly Article[]): Instant | undefined {
  let latest: Instant | undefined;
  for (const a of articles) {
    const changed = lastModified(a);
    if (!latest || changed > latest) latest = changed;
  }
  return latest;
}

/**
 * When a story last changed: its latest update or correction, else its publication. A correction
 * changes the text as an update does, so it moves `dateModified`, the feeds' `updated` and the
 * sitemap's `lastmod`; the byline's "Updated" stays the editor's `updated` (new information).
 */
export function lastModified(article: Article): Instant {
  let latest = article.updated ?? article.date;
  for (const c of article.corrections) if (c.date > latest) latest = c.date;
  return latest;
}
