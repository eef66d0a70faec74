/**
 * The newsroom's sections, from `content/_data/sections.yaml`, in navigation order. Sections are the
 * newsroom's structure, not free text: an article naming an undeclared section is an error.
 */
import { z } from "zod";
import { ContentError, type Problem } from "./errors.ts";
import { readDataFile } from "./data-file.ts";
import { SLUG_PATTERN } from "./article-schema.ts";
import { slugOf, urlPath } from "./urls.ts";

/** First path segments the site uses for itself; a section cannot take them. */
export const RESERVED_SEGMENTS = new Set(["tags", "authors", "page", "img", "assets", "pagefind", "search", "feeds"]);

const sectionsSchema = z
  .array(
    z
      .object({
        name: z.string().trim().min(1),
        slug: z.string().regex(SLUG_PATTERN, "use lower-case letters, digits and single hyphens").optional(),
        /** One or two sentences: the section page's description. */
        description: z.string().trim().min(1),
      })
      .strict(),
  )
  .min(1, "declare at least one section");

export interface Section {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly description: string;
}

export async function loadSections(contentDir: string, root: string, pathPrefix: string): Promise<Section[]> {
  const data = await readDataFile(contentDir, root, "sections.yaml", sectionsSchema, "the newsroom's sections (name, description)");
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const sections = data.value.map((s, i) => {
    const slug = s.slug ?? slugOf(s.name);
    const line = data.lineOf([i, "name"]);
    if (RESERVED_SEGMENTS.has(slug)) {
      problems.push({ file: data.file, line, field: `${i}.slug`, message: `"${slug}" is used by the site itself; give the section another slug` });
    }
    const earlier = seen.get(slug);
    if (earlier !== undefined) {
      problems.push({ file: data.file, line, field: `${i}.name`, message: `same URL (/${slug}/) as section ${earlier + 1}, "${data.value[earlier]!.name}"` });
    }
    seen.set(slug, i);
    return { name: s.name, slug, url: urlPath(pathPrefix, slug), description: s.description };
  });
  if (problems.length) throw new ContentError(problems);
  return sections;
}
