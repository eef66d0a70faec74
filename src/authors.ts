/**
 * Author profiles, from `content/_data/authors.yaml`. A byline naming a profiled author links to
 * the author's page; a byline without a profile (a wire agency, a guest) is just a name.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, type Problem } from "./errors.ts";
import { readDataFile } from "./data-file.ts";
import { SLUG_PATTERN } from "./article-schema.ts";
import { ImageReadError, planImage, type ImagePlan } from "./images.ts";
import { locateImage } from "./image-paths.ts";
import { slugOf, urlPath } from "./urls.ts";

const authorsSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1),
      slug: z.string().regex(SLUG_PATTERN, "use lower-case letters, digits and single hyphens").optional(),
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
    })
    .strict(),
);

export interface Author {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly role: string;
  readonly bio: string;
  readonly photo: ImagePlan | undefined;
  readonly links: readonly { label: string; url: string }[];
}

/** Profiles are optional: without `authors.yaml`, bylines are plain names. */
export async function loadAuthors(contentDir: string, root: string, assetsDir: string, pathPrefix: string): Promise<Author[]> {
  if (!existsSync(path.join(contentDir, "_data", "authors.yaml"))) return [];
  const data = await readDataFile(contentDir, root, "authors.yaml", authorsSchema, "author profiles (name, role, bio, photo, links)");
  const problems: Problem[] = [];
  const slugs = new Map<string, string>();
  const authors = await Promise.all(
    data.value.map(async (a, i) => {
      const slug = a.slug ?? slugOf(a.name);
      const other = slugs.get(slug);
      if (other) problems.push({ file: data.file, line: data.lineOf([i, "name"]), field: `${i}.name`, message: `same URL (/authors/${slug}/) as "${other}"` });
      slugs.set(slug, a.name);
      let photo: ImagePlan | undefined;
      if (a.photo) {
        const line = data.lineOf([i, "photo"]);
        const source = locateImage(a.photo, path.join(contentDir, "_data"), { root, assetsDir });
        if (typeof source !== "string") problems.push({ file: data.file, line, field: `${i}.photo`, message: source.error });
        else {
          try {
            photo = await planImage(source);
          } catch (error) {
            if (!(error instanceof ImageReadError)) throw error;
            problems.push({ file: data.file, line, field: `${i}.photo`, message: `${a.photo}: ${error.message}` });
          }
        }
      }
      return { name: a.name, slug, url: urlPath(pathPrefix, "authors", slug), role: a.role, bio: a.bio, photo, links: a.links };
    }),
  );
  if (problems.length) throw new ContentError(problems);
  return authors;
}
