/**
 * Reads every article under `content/` and returns them validated, or throws one ContentError
 * holding every problem of every file. Files and folders whose names start with `_` or `.` are not
 * articles (`content/_data/` holds site data).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadArticle, type Article, type LoadContext } from "./article.ts";
import { articleSchema } from "./article-schema.ts";
import { ContentError, type Problem } from "./errors.ts";
import { mapLimit } from "./images.ts";
import type { SiteConfig } from "./site-config.ts";
import type { Section } from "./sections.ts";
import type { Author } from "./authors.ts";

export interface ContentOptions {
  root: string;
  contentDir: string;
  assetsDir: string;
  site: SiteConfig;
  sections: readonly Section[];
  authors: readonly Author[];
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
  const ctx: LoadContext = {
    site: o.site,
    root: o.root,
    assetsDir: o.assetsDir,
    schema: articleSchema(o.site.timeZone),
    sections: new Map(o.sections.map((s) => [s.name, s])),
    authors: new Map(o.authors.map((a) => [a.name, a])),
  };
  const problems: Problem[] = [];
  const articles: Article[] = [];
  // Reading synchronously is several times faster than fs/promises for thousands of small files
  // (measured: ~1 s of a 4,000-article build went to FileHandle open/stat/close); image planning
  // inside loadArticle stays asynchronous and overlaps.
  const results = await mapLimit(files, 8, (file) => loadArticle(file, readFileSync(file, "utf8"), ctx));
  for (const result of results) {
    if (result.problems) problems.push(...result.problems);
    else articles.push(result.article);
  }
  problems.push(...duplicateUrls(articles));
  return { articles, problems };
}

/** The articles, or one ContentError holding every problem of every file. */
export async function loadArticles(o: ContentOptions): Promise<Article[]> {
  const { articles, problems } = await readArticles(o);
  if (problems.length) throw new ContentError(problems);
  return articles;
}

function duplicateUrls(articles: readonly Article[]): Problem[] {
  const byUrl = new Map<string, Article[]>();
  for (const a of articles) {
    const group = byUrl.get(a.url);
    if (group) group.push(a);
    else byUrl.set(a.url, [a]);
  }
  return [...byUrl.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((a) => ({
        file: a.sourcePath,
        field: "slug",
        message: `${a.url} is also the URL of ${group.filter((b) => b !== a).map((b) => b.sourcePath).join(", ")}: give one of them another \`slug:\``,
      })),
    );
}
