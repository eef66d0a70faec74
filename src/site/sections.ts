/**
 * The newsroom's sections, from `content/_data/sections.yaml`, in navigation order. Sections are the
 * newsroom's structure, not free text: an article naming an undeclared section is an error.
 *
 * A section is in the first edition under its `name`, and in another edition when it has a name in
 * that language under `translations`; its URL folder is the same in every edition (/ckb/business/).
 */
import { z } from "zod";
import { ContentError, type Problem } from "../shared/errors.ts";
import { readDataFile } from "../source/data-file.ts";
import type { Project } from "../source/project.ts";
import { slugField } from "./slugs.ts";
import { RESERVED_SEGMENTS } from "./url-space.ts";
import { urlPath } from "./url-space.ts";
import { slugOf } from "./slugs.ts";
import { translationProblems, type Edition } from "./editions.ts";

const named = z.object({ name: z.string().trim().min(1), description: z.string().trim().min(1) }).strict();

const sectionsSchema = z
  .array(
    z
      .object({
        name: z.string().trim().min(1),
        slug: slugField().optional(),
        /** One or two sentences: the section page's description. */
        description: z.string().trim().min(1),
        /** Name and description in the other editions' languages, by language code. */
        translations: z.record(z.string(), named).default({}),
      })
      .strict(),
  )
  .min(1, "declare at least one section");

export interface Section {
  readonly name: string;
  /** The same in every edition: the section's identity. */
  readonly slug: string;
  readonly url: string;
  readonly description: string;
  /** The edition's language. */
  readonly lang: string;
}

/** Each edition's sections, by language code, in the declared order. */
export type SectionsByEdition = ReadonlyMap<string, readonly Section[]>;

export async function loadSections(project: Project, editions: readonly Edition[]): Promise<SectionsByEdition> {
  const data = await readDataFile(project, "sections.yaml", sectionsSchema, "the newsroom's sections (name, description)");
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const segments = new Set(editions.map((e) => e.segment).filter(Boolean));
  const byEdition = new Map<string, Section[]>(editions.map((e) => [e.code, []]));
  data.value.forEach((s, i) => {
    const slug = s.slug ?? slugOf(s.name);
    // The URL comes from `slug:` when there is one, else from the name: the problem is on that line.
    const from = s.slug ? "slug" : "name";
    const line = data.lineOf([i, from]);
    if (RESERVED_SEGMENTS.has(slug) || segments.has(slug)) {
      problems.push({ file: data.file, line, field: `${i}.slug`, message: `"${slug}" is used by the site itself${segments.has(slug) ? " (an edition's folder)" : ""}; give the section another slug` });
    }
    const earlier = seen.get(slug);
    if (earlier !== undefined) {
      problems.push({ file: data.file, line, field: `${i}.${from}`, message: `same URL (/${slug}/) as section ${earlier + 1}, "${data.value[earlier]!.name}"` });
    }
    seen.set(slug, i);
    problems.push(...translationProblems(data, i, s.translations, editions));
    for (const edition of editions) {
      const words = edition.isDefault ? s : s.translations[edition.code];
      if (words) byEdition.get(edition.code)!.push({ name: words.name, slug, url: urlPath(edition.home, slug), description: words.description, lang: edition.code });
    }
  });
  if (problems.length) throw new ContentError(problems);
  return byEdition;
}
