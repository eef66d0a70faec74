/**
 * `npm run check`: checks all of content/ without building. Prints every error (what would stop a
 * build) and every warning (what an editor should fix but a build allows), in one format:
 *
 *   content/world/x/index.md:3: summary: warning: 182 characters; aim for 50–160 (search engines cut it)
 *   content/world/y.md:7: image.alt: required
 *
 * sorted by file, then line: each file's errors and warnings together, as an editor fixes them. Then
 * one summary line. Exits 1 when there is an error, 0 when there are only warnings. Drafts and
 * embargoed articles are checked too.
 *
 *   npm run check -- [--json] [--explain-images]
 *     --json: the findings as a JSON array of {file, line, field, severity, message} (line null when
 *             unknown); with --explain-images, an object {findings, images}
 *     --explain-images: every story's pictures after the findings, each with where its alt text,
 *             caption, credit, creator and copyright came from (src/cli/explain-images.ts)
 *
 * Exit 2 for an unknown option. The command's entry point is src/cli/check.ts.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pages as sitePages } from "../../templates/index.ts";
import type { Article } from "../model/article.ts";
import { hasPageIn, loadAuthors, type Author, type AuthorsByEdition } from "../site/authors.ts";
import { loadEditions, type Edition } from "../site/editions.ts";
import { articleSource, articleWarnings, SitePages } from "../content/warnings.ts";
import { findContentError, formatFinding, sortProblems, type Finding, type Problem } from "../shared/errors.ts";
import { faultLine } from "../shared/system-faults.ts";
import type { CommandIo } from "./command-io.ts";
import { outputClashes } from "../model/page.ts";
import { readArticles } from "../content/load-content.ts";
import { loadSections, type SectionsByEdition } from "../site/sections.ts";
import { loadSiteConfig, type SiteConfig } from "../site/site-config.ts";
import { buildSiteModel, resolveNow } from "../listings/site-model.ts";
import { editorialChoices } from "../listings/editorial-choices.ts";
import { loadFrontFiles } from "../site/front-file.ts";
import { loadBreakingFiles } from "../site/breaking-file.ts";
import { loadShareImage } from "../listings/share-image.ts";
import { loadContext } from "../content/load-context.ts";
import { locateImage } from "../images/locate-image.ts";
import { explainPictures, explanationLines, type PictureExplanation } from "./explain-images.ts";
import { ImagePlanner } from "../images/image-planner.ts";
import { openProject } from "../source/project.ts";
import { FRONT_TOP, PER_PAGE } from "../listings/limits.ts";
import { loadStandalonePages } from "../content/standalone-pages.ts";
import type { StandalonePage } from "../model/standalone-page.ts";
import { correctionsPath, FEED_FILES, FILE, outputDirOf, outputPathOf, pagedUrl, searchPath } from "../site/url-space.ts";

/** `npm run check` with `argv` in `io.cwd`: the findings go to `io`; resolves to the exit code. */
export async function checkSite(argv: string[], io: CommandIo): Promise<number> {
  try {
    return await check(argv, io);
  } catch (error) {
    io.stderr(`Stopped: ${faultLine(error, io.cwd, io.env)}\n`);
    return 1;
  }
}

async function check(argv: string[], io: CommandIo): Promise<number> {
  let json: boolean;
  let explainImages: boolean;
  try {
    const options = { json: { type: "boolean", default: false }, "explain-images": { type: "boolean", default: false } } as const;
    ({ json, "explain-images": explainImages } = parseArgs({ args: argv, options }).values);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nUsage: npm run check -- [--json] [--explain-images]\n`);
    return 2;
  }
  const project = openProject(io.cwd);
  const { root, assetsDir } = project;
  /** Plans of the pictures stories name: checked as a build checks them. */
  const images = new ImagePlanner(project.store);
  const findings: Finding[] = [];
  const addErrors = (problems: readonly Problem[]) => findings.push(...problems.map((p) => ({ ...p, severity: "error" as const })));

  /** Runs a loader; its content problems become errors (and the result undefined), anything else is a crash. */
  async function attempt<T>(load: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await load();
    } catch (error) {
      const content = findContentError(error);
      if (!content) throw error;
      addErrors(content.problems);
      return undefined;
    }
  }

  let articles: Article[] = [];
  const pictures: PictureExplanation[] = [];
  /** Set when site data is too broken for articles to be checked against it. */
  let skipped: string | undefined;

  const site = await attempt(() => loadSiteConfig(project, io.env));
  if (!site) skipped = "content/_data/site.yaml";
  else {
    const prefix = site.pathPrefix;
    const editions = await attempt(() => loadEditions(site, root));
    const sections = editions && (await attempt(() => loadSections(project, editions)));
    // Without profiles, bylines are plain names: the articles can still be checked.
    const authors = (editions && (await attempt(() => loadAuthors(project, editions, images)))) ?? new Map<string, Author[]>();
    await checkShareImage(site);
    if (!editions) skipped = "templates/translations/";
    else if (!sections) skipped = "content/_data/sections.yaml";
    else {
      const slugs = new Set([...sections.values()].flatMap((list) => list.map((s) => s.slug)));
      const standalone = (await attempt(() => loadStandalonePages(project, prefix, editions, slugs))) ?? [];
      const fronts = await attempt(() => loadFrontFiles(project, editions, sections));
      const breaking = await attempt(() => loadBreakingFiles(project, editions, site.timeZone));
      const read = await readArticles(loadContext(project, { site, editions, sections, authors }, { images }));
      addErrors(read.problems);
      articles = read.articles;
      // As a build with no drafts and no future stories finds them (the clock: DATELINE_NOW, else now).
      const chosen = fronts && breaking ? editorialChoices({ fronts, breaking }, articles, editions, { now: resolveNow(io.env.DATELINE_NOW, site.timeZone), drafts: false, future: false }) : undefined;
      addErrors(chosen?.problems ?? []);
      const pages = new SitePages(prefix, await outputPaths(site, editions, sections, authors, standalone, articles), assetExists);
      // After the page list: a warning does not keep it from being the site's own.
      findings.push(...(chosen?.notices ?? []).filter((n) => n.severity === "warning").map((n) => ({ ...n, severity: "warning" as const })));
      for (const article of articles) {
        const file = path.join(root, article.sourcePath);
        // The plans the article's pictures were loaded with, by the path written in its body.
        const plans = new Map(article.images.map((plan) => [plan.source, plan]));
        const located = (src: string) => {
          const found = locateImage(src, path.dirname(file), project);
          return typeof found === "string" ? found : undefined;
        };
        const source = articleSource(article.sourcePath, readFileSync(file, "utf8"), article.lang, (src) => plans.get(located(src) ?? ""));
        findings.push(...articleWarnings(article, { source, pages }));
        if (explainImages) pictures.push(...explainPictures(article, source, root, located));
      }
    }
  }

  // Stable: on one line of one field, an error comes before a warning.
  const sorted = sortProblems(findings);
  const errors = sorted.filter((f) => f.severity === "error").length;
  const explained = pictures.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (json) {
    const found = sorted.map((f) => ({ file: f.file, line: f.line ?? null, field: f.field, severity: f.severity, message: f.message }));
    io.stdout(`${JSON.stringify(explainImages ? { findings: found, images: explained } : found, null, 2)}\n`);
  } else {
    for (const f of sorted) io.stdout(`${formatFinding(f)}\n`);
    if (explainImages) {
      io.stdout(`${sorted.length ? "\n" : ""}Pictures (${explained.length}), and where their text came from:\n`);
      for (const picture of explained) io.stdout(`${explanationLines(picture).join("\n")}\n`);
      io.stdout("\n");
    }
    io.stdout(`${summary()}\n`);
  }
  return errors ? 1 : 0;

  function summary(): string {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const unchecked = skipped ? ` (articles not checked: fix ${skipped} first)` : "";
    if (!sorted.length) return `No problems in ${count(articles.length, "article")}`;
    const files = new Set(sorted.map((f) => f.file)).size;
    return `${count(errors, "error")}, ${count(sorted.length - errors, "warning")} in ${count(files, "file")}${unchecked}`;
  }

  /** The build checks the share picture (site.yaml `image`) when it makes the model; so does check, even when other things are wrong. */
  async function checkShareImage(site: SiteConfig): Promise<void> {
    await attempt(() => loadShareImage(project, site, images));
  }

  function assetExists(relative: string): boolean {
    const file = path.resolve(assetsDir, relative);
    if (!file.startsWith(assetsDir + path.sep)) return false;
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  }

  /**
   * Every file a build with drafts and embargoed articles would write. With no errors so far this is the
   * site's own page list (the templates' `pages` over the real model), and two pages written to one
   * path are reported as the build reports them. With errors the model cannot be made: the list is
   * worked out from what loaded (articles, sections, tags, authors, pages, feeds and the fixed files),
   * so links to articles that failed to load are reported too.
   */
  async function outputPaths(
    site: SiteConfig,
    editions: readonly Edition[],
    sectionsByEdition: SectionsByEdition,
    authorsByEdition: AuthorsByEdition,
    standalone: readonly StandalonePage[],
    allArticles: readonly Article[],
  ): Promise<string[]> {
    if (!findings.length) {
      const model = await attempt(() => buildSiteModel(project, { drafts: true, future: true, env: io.env }));
      if (model) {
        const paths = sitePages(model).map((p) => p.outputPath);
        addErrors(outputClashes(paths));
        return paths;
      }
    }
    const prefix = site.pathPrefix;
    const folder = (url: string) => outputDirOf(prefix, url);
    /** A listing's first page, and /page/2/ onwards for the stories that do not fit on it. */
    const listing = (url: string, count: number, onFirst = PER_PAGE) => {
      const more = Math.ceil(Math.max(0, count - onFirst) / PER_PAGE);
      return [1, ...Array.from({ length: more }, (_, i) => i + 2)].map((n) => outputPathOf(prefix, pagedUrl(url, n)));
    };
    return [
      FILE.robots,
      ...standalone.map((p) => p.outputPath),
      ...editions.flatMap((edition) => {
        const articles = allArticles.filter((a) => a.edition === edition);
        const home = folder(edition.home);
        const tagCounts = new Map<string, number>();
        for (const t of articles.flatMap((a) => a.tags)) tagCounts.set(t.url, (tagCounts.get(t.url) ?? 0) + 1);
        return [
          // The front page shows the lead and the stories beside it; the others go to /page/2/ onwards.
          ...listing(edition.home, articles.length, 1 + FRONT_TOP),
          ...[FILE.notFound, ...FEED_FILES, FILE.sitemap, FILE.newsSitemap].map((f) => `${home}${f}`),
          outputPathOf(prefix, searchPath(edition.home)),
          ...listing(correctionsPath(edition.home), articles.reduce((n, a) => n + a.corrections.length, 0)),
          ...(sectionsByEdition.get(edition.code) ?? []).flatMap((s) => [...listing(s.url, articles.filter((a) => a.section.slug === s.slug).length), ...FEED_FILES.map((f) => `${folder(s.url)}${f}`)]),
          ...[...tagCounts].flatMap(([url, n]) => listing(url, n)),
          ...(authorsByEdition.get(edition.code) ?? []).flatMap((p) => {
            const stories = articles.filter((a) => a.authors.some((b) => b.url === p.url)).length;
            return hasPageIn(edition, p, stories > 0) ? listing(p.url, stories) : [];
          }),
          ...articles.map((a) => a.outputPath),
        ];
      }),
    ];
  }
}
