/**
 * The site model, built in three steps: load the site's data and its stories (src/site/,
 * src/content/), arrange each edition's stories into the listings templates read (sorted, paginated,
 * grouped and related once), and say what every page may show besides its stories (the
 * fingerprint). Caches are the loaders' business, not this file's.
 */
import { storeKey } from "../store/store.ts";
import { DateTime } from "luxon";
import type { Article, Term } from "../model/article.ts";
import { lastModified, type EditionModel, type Listing, type SiteModel } from "../model/site-model.ts";
import { isIncluded, publicationState } from "../model/publishing.ts";
import { parseDate, type Instant } from "../shared/dates.ts";
import { ContentError } from "../shared/errors.ts";
import { groupBy } from "../shared/group-by.ts";
import { paginate } from "../shared/pagination.ts";
import { timed } from "../shared/work-clock.ts";
import type { Project } from "../source/project.ts";
import { ImagePlanner } from "../images/image-planner.ts";
import { loadStylesheet } from "../assets/stylesheet.ts";
import { hasPageIn, loadAuthors, type AuthorsByEdition } from "../site/authors.ts";
import { loadEditions, type Edition } from "../site/editions.ts";
import { loadSections, type SectionsByEdition } from "../site/sections.ts";
import { loadSiteConfig, type SiteConfig } from "../site/site-config.ts";
import { loadFrontFiles } from "../site/front-file.ts";
import { loadBreakingFiles } from "../site/breaking-file.ts";
import { pagedUrl } from "../site/url-space.ts";
import { BodyCache } from "../content/body-cache.ts";
import type { ArticleMemo } from "../content/article-memo.ts";
import { loadContext } from "../content/load-context.ts";
import { loadArticles } from "../content/load-content.ts";
import { loadStandalonePages } from "../content/standalone-pages.ts";
import type { StandalonePage } from "../model/standalone-page.ts";
import { Alternates } from "./alternates.ts";
import { editionFonts } from "./edition-fonts.ts";
import { frontPage } from "./front-page.ts";
import { footerPages } from "./footer-pages.ts";
import { correctionsList } from "./corrections.ts";
import { editorialChoices, type EditorialChoices } from "./editorial-choices.ts";
import { FEED_ITEMS, NEWS_MAX, NEWS_WINDOW_DAYS, PER_PAGE } from "./limits.ts";
import { relatedStories } from "./related.ts";
import { loadShareImage } from "./share-image.ts";
import { adminModel, LOCAL_BACKEND } from "../admin/cms-config.ts";
import { adminScript } from "../admin/admin-script.ts";
import { decapBundleIntegrity, integrityOf } from "../admin/decap-files.ts";

export interface ModelRules {
  /** The build time, ISO 8601; default: the real clock. */
  now?: string | undefined;
  /** Include drafts and embargoed stories (previews). */
  drafts: boolean;
  future: boolean;
  /** Stories loaded by an earlier build of this process (the preview server's rebuilds). */
  memo?: ArticleMemo | undefined;
  /** The environment the site's settings read (DATELINE_URL); default: this process's. */
  env?: NodeJS.ProcessEnv | undefined;
}

export async function buildSiteModel(project: Project, o: ModelRules): Promise<SiteModel> {
  const images = new ImagePlanner(project.store);
  const site = await loadSiteConfig(project, o.env);
  const now = resolveNow(o.now, site.timeZone);
  const editions = loadEditions(site, project.root);
  const [sections, authors, stylesheet] = await Promise.all([loadSections(project, editions), loadAuthors(project, editions, images), loadStylesheet(project, site.pathPrefix)]);
  const [shareImage, fronts, breaking] = await Promise.all([
    loadShareImage(project, site, images),
    loadFrontFiles(project, editions, sections),
    loadBreakingFiles(project, editions, site.timeZone),
  ]);
  const sectionSlugs = new Set([...sections.values()].flatMap((list) => list.map((s) => s.slug)));
  const pages = loadStandalonePages(project, site.pathPrefix, editions, sectionSlugs);
  const bodies = new BodyCache(project.store);
  const { articles: all, read: storiesRead } = await loadArticles(loadContext(project, { site, editions, sections, authors }, { images, bodies }), { memo: o.memo, manifest: true });
  // A preview reuses articles without asking the body cache: pruning then would empty it.
  if (!o.memo) timed("write", () => bodies.prune());
  const rules = { now, drafts: o.drafts, future: o.future };
  const sorted = [...all].sort(newestFirst);
  const articles = sorted.filter((a) => isIncluded(a, rules));
  const chosen = editorialChoices({ fronts, breaking }, sorted, editions, rules);
  if (chosen.problems.length) throw new ContentError(chosen.problems);

  const alternates = new Alternates(editions);
  const unfonted = editions.map((edition) => editionModel(edition, { site, editions, sections, authors, articles, pages, now, chosen }, { stylesheet: stylesheet.link, shareImage, alternates }));
  alternates.addAll(unfonted, articles, pages);
  const { fonts, preload, perEdition } = await editionFonts(unfonted, editions, { pathPrefix: site.pathPrefix, store: project.store, everyPage: [site.publisher.name] });

  const shown = [
    ...new Set([
      ...articles.flatMap((a) => a.images),
      ...[...authors.values()].flatMap((list) => list.flatMap((a) => (a.photo ? [a.photo] : []))),
      ...(shareImage ? [shareImage.plan] : []),
    ]),
  ];
  images.save([...all.flatMap((a) => a.images), ...shown]);
  // Not the build time itself: what pages take from it is in their keys (a story's state, a feed
  // without stories, the news sitemap's stories), the footer's year here.
  const settings = { site, editions, sections: [...sections], authors: [...authors], pages, stylesheetLink: stylesheet.link, fonts: [fonts.css, preload?.fileName], shareImage, year: now.year, drafts: o.drafts, future: o.future };

  // Every story, drafts too, is one the desk may name; the local backend is `npm run edit`'s.
  const form = adminModel({ root: project.root, contentDir: project.contentDir, site, editions, sections, authors, articles: sorted, localBackend: (o.env ?? process.env).DATELINE_LOCAL_BACKEND || LOCAL_BACKEND });
  const script = form ? await adminScript(project.store) : "";
  const admin = form ? { ...form, script, integrity: { decap: decapBundleIntegrity(), script: integrityOf(script) } } : undefined;

  return {
    site,
    editions: unfonted.map((m, i) => ({ ...m, fonts: perEdition[i]! })),
    articles,
    images: shown,
    stylesheet: { outputPath: stylesheet.outputPath, content: stylesheet.content },
    fontFiles: fonts.files,
    withheld: sorted.filter((a) => !isIncluded(a, rules)).map((article) => ({ article, state: publicationState(article, now) })),
    bodiesParsed: bodies.parsed,
    storiesRead,
    fingerprint: fingerprintOf(settings),
    notices: chosen.notices,
    now,
    admin,
  };
}

interface EditionInputs {
  site: SiteConfig;
  editions: readonly Edition[];
  sections: SectionsByEdition;
  authors: AuthorsByEdition;
  /** Every edition's published stories, newest first. */
  articles: readonly Article[];
  pages: readonly StandalonePage[];
  now: Instant;
  chosen: EditorialChoices;
}

/** One edition's stories arranged as its templates read them. */
function editionModel(edition: Edition, d: EditionInputs, shared: Pick<EditionModel, "stylesheet" | "shareImage"> & { alternates: Alternates }): Omit<EditionModel, "fonts"> {
  const { now } = d;
  const newsSince = now.minus({ days: NEWS_WINDOW_DAYS });
  const own = d.articles.filter((a) => a.edition === edition);
  const related = relatedStories(own);
  const listing = <T>(subject: T, items: readonly Article[], base: string): Listing<T> => ({
    subject,
    pages: paginate(items, PER_PAGE, (n) => pagedUrl(base, n)),
    latest: items.slice(0, FEED_ITEMS),
  });
  const bySection = groupBy(own, (a) => [a.section.slug]);
  const byTag = groupBy(own, (a) => a.tags.map((t) => t.slug));
  const byAuthor = groupBy(own, (a) => a.authors.flatMap((b) => (b.url ? [b.url] : [])));
  // A tag spelled two ways ("Oil", "oil") is one tag, named as in its newest story.
  const tagTerms = new Map<string, Term>();
  for (const t of own.flatMap((a) => a.tags)) if (!tagTerms.has(t.slug)) tagTerms.set(t.slug, t);
  // The first edition profiles every author; the others, those who write in them or are translated.
  const ownAuthors = (d.authors.get(edition.code) ?? []).filter((a) => hasPageIn(edition, a, byAuthor.has(a.url)));
  const ownSections = d.sections.get(edition.code) ?? [];
  const ownFooterPages = footerPages(d.pages, edition, d.editions[0]!);
  return {
    site: d.site,
    edition,
    editions: d.editions,
    stylesheet: shared.stylesheet,
    articles: own,
    latest: own.slice(0, FEED_ITEMS),
    // A live story stays in it while its updates are news, however long ago it opened.
    news: own.filter((a) => (a.date >= newsSince || (a.live && lastModified(a) >= newsSince)) && a.date <= now).slice(0, NEWS_MAX),
    front: frontPage(own, ownSections, edition.home, d.chosen.curations.get(edition.code)),
    breaking: d.chosen.bars.get(edition.code),
    sections: ownSections.map((s) => listing(s, bySection.get(s.slug) ?? [], s.url)),
    tags: [...tagTerms.values()].sort((a, b) => a.name.localeCompare(b.name, edition.locale)).map((t) => listing(t, byTag.get(t.slug)!, t.url)),
    authors: ownAuthors.map((a) => listing(a, byAuthor.get(a.url) ?? [], a.url)),
    pages: d.pages.filter((p) => p.edition === edition),
    footerPages: ownFooterPages,
    corrections: correctionsList(own, edition, ownFooterPages),
    shareImage: shared.shareImage,
    now,
    stateOf: (article) => publicationState(article, now),
    relatedTo: (article) => related.get(article) ?? [],
    alternatesOf: (url) => shared.alternates.of(url),
  };
}

/**
 * Everything a page may show besides the stories it lists, as a hash (SiteModel.fingerprint).
 * Editions appear by their code inside the others; their words are in the code's hash
 * (templates/translations/ is code).
 */
function fingerprintOf(settings: object): string {
  return storeKey(JSON.stringify(settings, (key, value: unknown) => (key === "words" ? undefined : key === "edition" ? (value as Edition).code : value)));
}

/** Newest first; ties broken by URL so the order is the same on every build. */
function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
}

/** The build's clock: `value` (--now, DATELINE_NOW) read in the site's zone, else the real one. */
export function resolveNow(value: string | undefined, zone: string): Instant {
  if (!value) return DateTime.now().setZone(zone) as Instant;
  const parsed = parseDate(value, zone);
  if (typeof parsed === "string") throw new ContentError([{ file: "--now", field: "now", message: parsed }]);
  return parsed;
}
