/**
 * Author profiles, from `content/_data/authors.yaml`. A byline naming a profiled author links to
 * the author's page; a byline without a profile (a wire agency, a guest) is just a name.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, type Problem } from "../shared/errors.ts";
import { readDataFile } from "../source/data-file.ts";
import type { Project } from "../source/project.ts";
import type { ImagePlanner } from "../images/image-planner.ts";
import { slugField } from "./slugs.ts";
import { ImageReadError, type ImagePlan } from "../images/image-plan.ts";
import { locateImage } from "../images/locate-image.ts";
import { FOLDER, urlPath } from "./url-space.ts";
import { slugOf } from "./slugs.ts";
import { translationProblems, type Edition } from "./editions.ts";

const authorsSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1),
      slug: slugField().optional(),
      role: z.string().trim().min(1),
      bio: z.string().trim().min(1),
      /** A portrait: `/assets/...`, or a path relative to content/_data/. */
      photo: z.string().trim().min(1).optional(),
      links: z
        .array(
          z
            .object({
              label: z.string().trim().min(1),
              url: z.url({ protocol: /^(https?|mailto)$/, error: "expected an https:// or mailto: address" }),
            })
            .strict(),
        )
        .default([]),
      /** Name, role and biography in the other editions' languages, by language code. */
      translations: z
        .record(z.string(), z.object({ name: z.string().trim().min(1).optional(), role: z.string().trim().min(1), bio: z.string().trim().min(1) }).strict())
        .default({}),
    })
    .strict(),
);

export interface Author {
  readonly name: string;
  /** The name as written in authors.yaml (bylines in any edition may use it). */
  readonly canonicalName: string;
  readonly slug: string;
  readonly url: string;
  readonly role: string;
  readonly bio: string;
  readonly photo: ImagePlan | undefined;
  readonly links: readonly { label: string; url: string }[];
  /** The language of `role` and `bio`: the edition's, or the first edition's where not translated. */
  readonly textLang: string;
}

/** Each edition's profiles, by language code, in the order of authors.yaml. */
export type AuthorsByEdition = ReadonlyMap<string, readonly Author[]>;

/** An edition has a page for an author when it is the first edition, the profile is translated into it, or the author writes in it. */
export function hasPageIn(edition: Edition, author: Author, writesThere: boolean): boolean {
  return edition.isDefault || author.textLang === edition.code || writesThere;
}

/** Profiles are optional: without `authors.yaml`, bylines are plain names. */
export async function loadAuthors(project: Project, editions: readonly Edition[], images: ImagePlanner): Promise<AuthorsByEdition> {
  if (!existsSync(path.join(project.contentDir, "_data", "authors.yaml"))) return new Map(editions.map((e) => [e.code, []]));
  const data = await readDataFile(project, "authors.yaml", authorsSchema, "author profiles (name, role, bio, photo, links)");
  const problems: Problem[] = [];
  const slugs = new Map<string, string>();
  const authors = await Promise.all(
    data.value.map(async (a, i) => {
      const slug = a.slug ?? slugOf(a.name);
      const other = slugs.get(slug);
      // On the `slug:` line when the URL comes from one, else on the name's.
      const from = a.slug ? "slug" : "name";
      if (other) problems.push({ file: data.file, line: data.lineOf([i, from]), field: `${i}.${from}`, message: `same URL (/authors/${slug}/) as "${other}"` });
      slugs.set(slug, a.name);
      let photo: ImagePlan | undefined;
      if (a.photo) {
        const line = data.lineOf([i, "photo"]);
        const source = locateImage(a.photo, path.join(project.contentDir, "_data"), project);
        if (typeof source !== "string") problems.push({ file: data.file, line, field: `${i}.photo`, message: source.error });
        else {
          try {
            photo = await images.plan(source);
          } catch (error) {
            if (!(error instanceof ImageReadError)) throw error;
            problems.push({ file: data.file, line, field: `${i}.photo`, message: `${a.photo}: ${error.message}` });
          }
        }
      }
      problems.push(...translationProblems(data, i, a.translations, editions));
      return editions.map((e): Author => {
        const own = e.isDefault ? undefined : a.translations[e.code];
        return {
          name: own?.name ?? a.name,
          canonicalName: a.name,
          slug,
          url: urlPath(e.home, FOLDER.authors, slug),
          role: own?.role ?? a.role,
          bio: own?.bio ?? a.bio,
          photo,
          links: a.links,
          textLang: own ? e.code : editions[0]!.code,
        };
      });
    }),
  );
  if (problems.length) throw new ContentError(problems);
  return new Map(editions.map((e, j) => [e.code, authors.map((perEdition) => perEdition[j]!)]));
}
