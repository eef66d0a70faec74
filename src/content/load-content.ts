/**
 * Reads every article under `content/` and returns them validated, or throws one ContentError
 * holding every problem of every file. Files and folders whose names start with `_` or `.` are not
 * articles (`content/_data/` holds site data).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { loadArticle } from "./load-article.ts";
import { rebound } from "./article-body.ts";
import type { Article } from "../model/article.ts";
import { ContentError, shownPath, type Problem } from "../shared/errors.ts";
import { isInside } from "../shared/inside.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { timed } from "../shared/work-clock.ts";
import { groupBy } from "../shared/group-by.ts";
import { stampOf, storyStamps } from "../shared/file-stamp.ts";
import { ArticleManifest } from "./article-manifest.ts";
import type { ArticleMemo } from "./article-memo.ts";
import { placeIn, type LoadContext } from "./load-context.ts";

/**
 * The largest story file a build reads: 2 MB, twenty times the longest reports a newsroom files
 * (a 6,000-word investigation is about 40 KB). A 20 MB file took a build 28 s and over 1 GB; a file
 * that size is a pasted data dump, which belongs in a linked file, not in a story.
 */
export const MAX_STORY_BYTES = 2 * 1024 * 1024;

/** Where stories loaded by earlier builds are kept: this process's memo (the preview), or the store's manifest. */
export interface Kept {
  /** Stories an earlier build of this process loaded (`npm start`). */
  memo?: ArticleMemo | undefined;
  /** Keep stories in the store's article manifest (a production build; not with a memo, and only with a body cache). */
  manifest?: boolean;
}

/**
 * Every article file, sorted, and a problem for each link among them that cannot be followed: a
 * link (to a story or a folder of them) is followed while it stays inside the project, and one that
 * leads outside it, or nowhere, is named rather than skipped. Synchronous: one folder per article
 * makes thousands of small reads, and readdir through the thread pool took 0.3 s for 4,000 folders
 * where readdirSync takes 0.03 s.
 */
export function findArticleFiles(dir: string, root = dir): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const realRoot = realpathSync(root);
  const problem = (file: string, message: string) => problems.push({ file: shownPath(root, file), field: "file", message });
  // `real`: the real path of `current` (its links resolved); `within`: the real folders walked down
  // to here, so that a link back up to one of them is not walked for ever. A folder's real path is
  // its parent's and its name, unless it is a link: resolving every folder's path costs a stat per
  // part of it, and only links need it (50,000 story folders: 1.8 s with every path resolved, 0.85 s
  // without, nearly all of it the readdir of each folder).
  const within: string[] = [];
  const walk = (current: string, real: string) => {
    within.push(real);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
      const full = path.join(current, entry.name);
      let kind: "folder" | "file" | undefined = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : undefined;
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = linkTarget(full);
        if (resolved === undefined) problem(full, "a link that leads nowhere: remove it, or point it at a story in the project");
        else if (resolved !== realRoot && !isInside(resolved, realRoot)) problem(full, `a link to ${resolved}, outside the project: copy the story into content/ instead (a build reads only the project)`);
        else if (within.includes(resolved)) problem(full, "a link to a folder that holds it, which would be read for ever: remove it");
        else kind = statSync(full).isDirectory() ? "folder" : "file";
        target = resolved ?? target;
      }
      if (kind === "folder") walk(full, target);
      else if (kind === "file" && entry.name.endsWith(".md")) files.push(full);
    }
    within.pop();
  };
  walk(dir, realpathSync(dir));
  // Sorted, so that everything downstream (and the output) is the same on every machine.
  return { files: files.sort(), problems };
}

function tooLarge(file: string, size: number): Problem {
  // Rounded up, so that a file just over the limit does not read as the limit itself.
  const mb = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
  return { file, field: "file", message: `${mb(size)} is over the ${mb(MAX_STORY_BYTES)} a story may be: split it into several stories, or put tables and data in a file the story links to` };
}

function linkTarget(link: string): string | undefined {
  try {
    return realpathSync(link);
  } catch {
    return undefined;
  }
}

/** Every article that loaded, and every problem of the others: for `npm run check`, which goes on to warnings. */
export async function readArticles(ctx: LoadContext, o: Kept = {}): Promise<{ articles: Article[]; problems: Problem[]; read: number }> {
  const { files, problems } = findArticleFiles(ctx.contentDir, ctx.root);
  const articles: Article[] = [];
  // Reading synchronously is several times faster than fs/promises for thousands of small files
  // (measured: ~1 s of a 4,000-article build went to FileHandle open/stat/close); image planning
  // inside loadArticle stays asynchronous and overlaps.
  const { settings } = ctx;
  const manifest = o.manifest && !o.memo && ctx.bodies ? timed("read", () => ArticleManifest.load(ctx.store, settings)) : undefined;
  o.memo?.keep(files);
  manifest?.keep(files);
  // Files read this time: new or changed since they were kept (all of them, with nothing kept).
  let read = 0;
  const results = await mapLimit(files, 8, async (file) => {
    const known = o.memo?.get(file, settings);
    // The same settings, but this build's objects: pages and listings match editions by identity.
    if (known) return { article: rebind(known, ctx) };
    const kept = manifest && timed("read", () => manifest.get(file, ctx));
    if (kept) return { article: kept };
    read++;
    // Taken before the file is read: a save while it loads is seen next time.
    const stamp = timed("read", () => stampOf(file));
    if (stamp && stamp.size > MAX_STORY_BYTES) return { problems: [tooLarge(shownPath(ctx.root, file), stamp.size)] };
    const raw = timed("read", () => readFileSync(file, "utf8"));
    const result = await timed("validate", () => loadArticle(file, raw, ctx));
    // Only kept stories need their pictures stamped (a stat each).
    const stamps = (o.memo || manifest) && result.article && storyStamps(stamp, result.article.images.map((p) => p.source));
    if (stamps) {
      o.memo?.set(file, stamps, settings, result.article!);
      if (result.body) manifest?.set(file, stamps, result.article!, result.body);
    }
    return result;
  });
  if (manifest) timed("write", () => manifest.save());
  for (const result of results) {
    if (result.problems) problems.push(...result.problems);
    else articles.push(result.article);
  }
  problems.push(...duplicateUrls(articles), ...duplicateTranslations(articles));
  return { articles, problems, read };
}

/** The articles and how many files were read, or one ContentError holding every problem of every file. */
export async function loadArticles(ctx: LoadContext, o: Kept = {}): Promise<{ articles: Article[]; read: number }> {
  const { articles, problems, read } = await readArticles(ctx, o);
  if (problems.length) throw new ContentError(problems);
  return { articles, read };
}

/**
 * Articles that would share a URL: the oldest keeps it (it may be published and linked to), and each
 * newer one is told to take another slug. Said once, on the newer file only.
 */
function duplicateUrls(articles: readonly Article[]): Problem[] {
  return [...groupBy(articles, (a) => [a.url]).values()]
    .filter((group) => group.length > 1)
    .flatMap((group) => {
      const [first, ...later] = [...group].sort((a, b) => a.date.toMillis() - b.date.toMillis() || a.sourcePath.localeCompare(b.sourcePath));
      return later.map((a) => ({
        file: a.sourcePath,
        field: "slug",
        message: `${a.url} is already the URL of ${first!.sourcePath}, an earlier story: give this one another \`slug:\``,
      }));
    });
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

/** An article of an earlier build, pointing at this build's edition and section. */
function rebind(article: Article, ctx: LoadContext): Article {
  return rebound(article, placeIn(ctx, article.edition.code, article.section.slug)!);
}
