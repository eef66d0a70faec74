/**
 * Reads every article under `content/` and returns them validated, or throws one ContentError
 * holding every problem of every file. Files and folders whose names start with `_` or `.` are not
 * articles (`content/_data/` holds site data).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadArticle, placeIn, type Article, type LoadContext } from "./load-article.ts";
import { articleSchema } from "./article-schema.ts";
import { ContentError, type Problem } from "../shared/errors.ts";
import { mapLimit } from "../images/images.ts";
import type { SiteConfig } from "../site/site-config.ts";
import type { Section, SectionsByEdition } from "../site/sections.ts";
import type { Author, AuthorsByEdition } from "../site/authors.ts";
import type { Edition } from "../site/editions.ts";
import type { BodyCache } from "./body-cache.ts";
import { groupBy } from "../shared/group-by.ts";
import { stampOf, storyStamps, unchangedStory, type StoryStamps } from "../shared/file-stamp.ts";
import { ArticleManifest } from "./article-manifest.ts";

export interface ContentOptions {
  root: string;
  contentDir: string;
  assetsDir: string;
  site: SiteConfig;
  editions: readonly Edition[];
  sections: SectionsByEdition;
  authors: AuthorsByEdition;
  /** Bodies parsed by earlier builds (src/content/body-cache.ts). */
  bodies?: BodyCache | undefined;
  /** Articles loaded by an earlier build of this process (`npm start`). */
  memo?: ArticleMemo | undefined;
  /** Where the article manifest is kept between builds (src/content/article-manifest.ts); not used with a memo. */
  manifest?: string | undefined;
}

/**
 * Articles an earlier build in this process loaded (the preview server rebuilds on every save): one
 * is reused while its file, the site's settings (site.yaml, sections, authors, interface words) and
 * its pictures' files are what they were, so a save parses one story, not every one. A file counts
 * as unchanged while its size, modification time and inode are (as make judges, and as the picture
 * plans do): a rebuild then reads only the files that changed, and keeps no copy of their text.
 */
export class ArticleMemo {
  readonly #entries = new Map<string, { stamps: StoryStamps; settings: string; article: Article }>();

  get(file: string, settings: string): Article | undefined {
    const entry = this.#entries.get(file);
    return entry && entry.settings === settings && unchangedStory(file, entry.stamps) ? entry.article : undefined;
  }

  set(file: string, stamps: StoryStamps, settings: string, article: Article): void {
    this.#entries.set(file, { stamps, settings, article });
  }

  /** Forgets files that are gone. */
  keep(files: readonly string[]): void {
    const live = new Set(files);
    for (const file of this.#entries.keys()) if (!live.has(file)) this.#entries.delete(file);
  }
}

/** Every article file, sorted. Synchronous: one folder per article makes thousands of small reads,
 * and readdir through the thread pool took 0.3 s for 4,000 folders where readdirSync takes 0.03 s. */
export function findArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".md")) found.push(full);
    }
  };
  walk(dir);
  // Sorted, so that everything downstream (and the output) is the same on every machine.
  return found.sort();
}

/** Every article that loaded, and every problem of the others: for `npm run check`, which goes on to warnings. */
export async function readArticles(o: ContentOptions): Promise<{ articles: Article[]; problems: Problem[] }> {
  const files = findArticleFiles(o.contentDir);
  const ctx = loadContext(o);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  // Reading synchronously is several times faster than fs/promises for thousands of small files
  // (measured: ~1 s of a 4,000-article build went to FileHandle open/stat/close); image planning
  // inside loadArticle stays asynchronous and overlaps.
  const settings = o.memo || o.manifest ? settingsKey(o) : "";
  const manifest = o.manifest && !o.memo && o.bodies ? await ArticleManifest.load(o.manifest, settings) : undefined;
  o.memo?.keep(files);
  manifest?.keep(files);
  const results = await mapLimit(files, 8, async (file) => {
    const known = o.memo?.get(file, settings);
    // The same settings, but this build's objects: pages and listings match editions by identity.
    if (known) return { article: rebind(known, ctx) };
    const kept = manifest?.get(file, ctx);
    if (kept) return { article: kept };
    const stamp = (o.memo || manifest) && stampOf(file);
    const result = await loadArticle(file, readFileSync(file, "utf8"), ctx);
    const stamps = result.article && storyStamps(stamp, result.article.images.map((p) => p.source));
    if (stamps) {
      o.memo?.set(file, stamps, settings, result.article!);
      if (result.body) manifest?.set(file, stamps, result.article!, result.body);
    }
    return result;
  });
  await manifest?.save();
  for (const result of results) {
    if (result.problems) problems.push(...result.problems);
    else articles.push(result.article);
  }
  problems.push(...duplicateUrls(articles), ...duplicateTranslations(articles));
  return { articles, problems };
}

/** What loading an article needs to know of the site: its editions, their sections and authors. */
export function loadContext(o: ContentOptions): LoadContext {
  const schemas = new Map<string, ReturnType<typeof articleSchema>>();
  return {
    site: o.site,
    root: o.root,
    assetsDir: o.assetsDir,
    editions: o.editions,
    schemaFor: (edition) => {
      let schema = schemas.get(edition.timeZone);
      if (!schema) schemas.set(edition.timeZone, (schema = articleSchema(edition.timeZone)));
      return schema;
    },
    sections: new Map(o.editions.map((e) => [e.code, sectionNames(o.sections.get(e.code) ?? [], o.sections.get(o.editions[0]!.code) ?? [])])),
    authors: new Map(o.editions.map((e) => [e.code, authorNames(o.authors.get(e.code) ?? [])])),
    bodies: o.bodies,
  };
}

/** An edition's sections by the names an editor may write: the edition's name, the first edition's name, the slug (and each in lower case). */
function sectionNames(sections: readonly Section[], firstEdition: readonly Section[]): Map<string, Section> {
  const names = new Map<string, Section>();
  const add = (key: string, s: Section) => {
    if (!names.has(key)) names.set(key, s);
    if (!names.has(key.toLowerCase())) names.set(key.toLowerCase(), s);
  };
  for (const s of sections) add(s.name, s);
  for (const s of sections) {
    const first = firstEdition.find((f) => f.slug === s.slug);
    if (first) add(first.name, s);
    add(s.slug, s);
  }
  return names;
}

function authorNames(authors: readonly Author[]): Map<string, Author> {
  const names = new Map<string, Author>();
  for (const a of authors) names.set(a.canonicalName, a).set(a.name, a);
  return names;
}

/** The articles, or one ContentError holding every problem of every file. */
export async function loadArticles(o: ContentOptions): Promise<Article[]> {
  const { articles, problems } = await readArticles(o);
  if (problems.length) throw new ContentError(problems);
  return articles;
}

function duplicateUrls(articles: readonly Article[]): Problem[] {
  return [...groupBy(articles, (a) => [a.url]).values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((a) => ({
        file: a.sourcePath,
        field: "slug",
        message: `${a.url} is also the URL of ${group.filter((b) => b !== a).map((b) => b.sourcePath).join(", ")}: give one of them another \`slug:\``,
      })),
    );
}

/** Two articles (or pages) of one language with one translationKey: the switcher could not tell which to link. */
export function duplicateTranslations<T extends { sourcePath: string; lang: string; translationKey: string | undefined }>(articles: readonly T[]): Problem[] {
  return [...groupBy(articles, (a) => (a.translationKey ? [`${a.lang}\u0000${a.translationKey}`] : [])).values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((a) => ({
        file: a.sourcePath,
        field: "translationKey",
        message: `"${a.translationKey}" is also the translationKey of ${group.filter((b) => b !== a).map((b) => b.sourcePath).join(", ")} in the same language (${a.lang}): each language has one version of a story or page`,
      })),
    );
}

/** Everything besides its own file that an article is made from: changes here reload every article. */
function settingsKey(o: ContentOptions): string {
  return JSON.stringify({
    folders: [o.root, o.contentDir, o.assetsDir],
    site: o.site,
    editions: o.editions.map((e) => [e.code, e.home, e.words.everything]),
    sections: [...o.sections],
    authors: [...o.authors].map(([code, list]) => [code, list.map((a) => [a.canonicalName, a.name, a.url])]),
  });
}

/** An article of an earlier build, pointing at this build's edition and section. */
function rebind(article: Article, ctx: LoadContext): Article {
  const { edition, section } = placeIn(ctx, article.edition.code, article.section.slug)!;
  // Property by property: the body stays behind its getters (article.ts `withBody`).
  return Object.freeze(
    Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(article), edition: { value: edition, enumerable: true }, section: { value: section, enumerable: true } }) as Article,
  );
}
