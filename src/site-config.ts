/**
 * The publication's settings, from `content/_data/site.yaml`, validated like an article.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isValidZone } from "./dates.ts";
import { ContentError } from "./errors.ts";
import { LANG_PATTERN } from "./article-schema.ts";
import { schemaProblems } from "./schema-problems.ts";
import { isYamlError, parseYaml } from "./yaml-source.ts";

const text = z.string().trim().min(1);

export const siteSchema = z
  .object({
    name: text,
    description: text,
    url: z
      .url({ protocol: /^https?$/, error: "expected an absolute http(s) URL such as https://news.example.org/" })
      .transform((u) => (u.endsWith("/") ? u : `${u}/`)),
    language: z.string().regex(LANG_PATTERN, "expected a language code such as en").default("en"),
    /** Locale for dates and numbers, e.g. en-GB; defaults to `language`. */
    locale: z.string().optional(),
    timeZone: z.string().refine(isValidZone, "not an IANA time zone (e.g. Asia/Baghdad)"),
    publisher: z
      .object({
        name: text,
        /** Path under the repo's `assets/`, e.g. /assets/logo.png */
        logo: z.string().regex(/^\/assets\//, "expected a path under /assets/").optional(),
      })
      .strict(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema> & {
  /** URL path the site is served under ("/" or "/news/"), from `url`. */
  readonly pathPrefix: string;
};

export const SITE_FILE = "_data/site.yaml";

export async function loadSiteConfig(contentDir: string, root: string): Promise<SiteConfig> {
  const file = path.join(contentDir, SITE_FILE);
  const rel = path.relative(root, file).split(path.sep).join("/");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new ContentError([{ file: rel, field: "file", message: "missing: the site's settings (name, url, timeZone, ...) live here" }]);
  }
  const yaml = parseYaml(raw);
  if (isYamlError(yaml)) throw new ContentError([{ file: rel, line: yaml.line, field: "yaml", message: yaml.message }]);
  const result = siteSchema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (!result.success) throw new ContentError(schemaProblems(siteSchema, result.error.issues, rel, yaml.lineOf));
  return { ...result.data, pathPrefix: new URL(result.data.url).pathname };
}
