/**
 * The publication's settings, from `content/_data/site.yaml`, validated like an article.
 *
 * `DATELINE_URL` in the environment replaces `url` for one build, checked the same way: a copy of
 * the site deployed to GitHub Pages lives at https://OWNER.github.io/REPO/, not at the newsroom's
 * domain, and its links, canonical URLs, feeds and sitemaps must say so.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseYaml } from "./yaml-source.ts";
import { ContentError } from "./errors.ts";
import { isValidZone } from "./dates.ts";
import { LANG_PATTERN } from "./article-schema.ts";
import { readDataFile } from "./data-file.ts";

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
    /** Stands for a story without a picture of its own in search results and social cards. */
    image: z
      .object({
        src: z.string().regex(/^\/assets\//, "expected a path under /assets/"),
        alt: z.string().trim().min(1),
      })
      .strict()
      .optional(),
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

export async function loadSiteConfig(contentDir: string, root: string, env: NodeJS.ProcessEnv = process.env): Promise<SiteConfig> {
  const { value } = await readDataFile(contentDir, root, "site.yaml", siteSchema, "the site's settings (name, url, timeZone, ...)");
  const url = env.DATELINE_URL ? urlFromEnvironment(env.DATELINE_URL) : value.url;
  return { ...value, url, pathPrefix: new URL(url).pathname };
}

function urlFromEnvironment(raw: string): string {
  const parsed = siteSchema.shape.url.safeParse(raw.trim());
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "invalid";
  throw new ContentError([{ file: "environment", field: "DATELINE_URL", message: `${message}; got ${JSON.stringify(raw)}` }]);
}

/**
 * The site's path prefix, read early and leniently for Eleventy's own config (its dev server serves
 * the output under it, so `npm start` works for a site whose url has a path). Anything unreadable
 * gives "/": the build proper validates site.yaml and reports the problem.
 */
export function pathPrefixForServer(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    const value = env.DATELINE_URL || (parseYaml(readFileSync(path.join(contentDir, "_data", "site.yaml"), "utf8")) as { value?: { url?: unknown } }).value?.url;
    return typeof value === "string" ? new URL(value.endsWith("/") ? value : `${value}/`).pathname : "/";
  } catch {
    return "/";
  }
}
