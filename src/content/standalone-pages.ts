/**
 * Pages that are not news: About, Contact, Corrections policy. Markdown files in `content/_pages/`
 * with a title, a summary and an order; they are linked from the footer and live at `/<slug>/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, type Problem, shownPath } from "../shared/errors.ts";
import { isProblem, splitSource } from "../source/frontmatter.ts";
import { embedRefs, imageRefs } from "../render/tokens.ts";
import { parseMarkdown, renderMarkdown } from "../render/markdown.ts";
import { typeset } from "../render/typeset.ts";
import { schemaProblems } from "../source/schema-problems.ts";
import { RESERVED_SEGMENTS } from "../site/url-space.ts";
import { slugField } from "../site/slugs.ts";
import { languageField } from "../locale/languages.ts";
import { editionOf, undeclaredLanguage, type Edition } from "../site/editions.ts";
import { duplicateTranslations } from "./load-content.ts";
import { outputPathOf, urlPath } from "../site/url-space.ts";
import { slugOf } from "../site/slugs.ts";
import type { StandalonePage } from "../model/standalone-page.ts";
import type { Project } from "../source/project.ts";

const pageSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    slug: slugField().optional(),
    /** Position in the footer, smallest first. */
    order: z.number().int().default(100),
    /** The page's language: it is in that edition's footer (default: the first edition's). */
    lang: languageField().optional(),
    /** Shared by a page's translations, e.g. about. */
    translationKey: slugField().optional(),
  })
  .strict();

export function loadStandalonePages(project: Project, pathPrefix: string, editions: readonly Edition[], takenSlugs: ReadonlySet<string>): StandalonePage[] {
  const dir = path.join(project.contentDir, "_pages");
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  const pages: StandalonePage[] = [];
  // As for stories: names starting with _ or . are not pages (notes, drafts kept aside, editors' lock files).
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".md") && !/^[_.]/.test(e.name));
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = entry.name;
    const abs = path.join(dir, name);
    if (!entry.isFile() && !isFileBehindLink(abs)) {
      problems.push({ file: shownPath(project.root, abs), field: "file", message: "not a file: a page is one Markdown file in content/_pages/" });
      continue;
    }
    const file = shownPath(project.root, abs);
    const source = splitSource(file, readFileSync(abs, "utf8"));
    if (isProblem(source)) {
      problems.push(source);
      continue;
    }
    const parsed = pageSchema.safeParse(source.data ?? {}, { reportInput: true });
    if (!parsed.success) {
      problems.push(...schemaProblems(pageSchema, parsed.error.issues, file, source.lineOf));
      continue;
    }
    const fm = parsed.data;
    const edition = fm.lang === undefined ? editions[0]! : editionOf(editions, fm.lang);
    if (!edition) {
      problems.push({ file, line: source.lineOf(["lang"]), field: "lang", message: undeclaredLanguage(fm.lang!, editions) });
      continue;
    }
    // A translation may be named for its language, about.ckb.md: the suffix is not part of the URL,
    // and must agree with `lang`.
    const base = path.basename(name, ".md");
    const suffix = /\.([a-z]{2,3}(?:-[a-z0-9]+)*)$/i.exec(base)?.[1];
    const named = suffix === undefined ? undefined : editionOf(editions, suffix);
    if (named && named !== edition) {
      problems.push({ file, line: source.lineOf(["lang"]), field: "lang", message: `the file name says ${named.code} but the page is in ${edition.code}: add \`lang: ${named.code}\`` });
      continue;
    }
    const slug = fm.slug ?? slugOf(named ? base.slice(0, -suffix!.length - 1) : base);
    if (RESERVED_SEGMENTS.has(slug) || takenSlugs.has(slug) || editions.some((e) => e.segment === slug)) {
      problems.push({ file, line: source.lineOf(["slug"]), field: "slug", message: `/${slug}/ is already used by a section or by the site itself` });
      continue;
    }
    const { tokens, env } = parseMarkdown(source.body, edition.code);
    const image = imageRefs(tokens)[0];
    if (image) {
      problems.push({ file, line: source.bodyLine + (image.line ?? 0), field: "body", message: "pages hold text only; put pictures in articles" });
      continue;
    }
    const refused = embedRefs(tokens).filter((e) => e.error);
    if (refused.length) {
      for (const e of refused) problems.push({ file, line: source.bodyLine + (e.line ?? 0), field: "embed", message: e.error! });
      continue;
    }
    const url = urlPath(edition.home, slug);
    pages.push({
      sourcePath: file,
      title: typeset(fm.title, edition.code),
      summary: typeset(fm.summary, edition.code),
      url,
      outputPath: outputPathOf(pathPrefix, url),
      // Links resolve like an article's (`/corrections-policy/` goes under the prefix). Pages yield paths,
      // so the page's origin does not matter: any absolute base will do.
      html: renderMarkdown(tokens, { ...env, images: new Map(), imageBase: "", links: { page: new URL(url, "https://site.invalid").href, prefix: pathPrefix, absolute: false }, words: edition.words }),
      order: fm.order,
      edition,
      lang: edition.code,
      translationKey: fm.translationKey,
    });
  }
  problems.push(...duplicateTranslations(pages));
  if (problems.length) throw new ContentError(problems);
  return pages.sort((a, b) => a.order - b.order || a.url.localeCompare(b.url));
}

function isFileBehindLink(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
