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
import { parseYaml } from "../source/yaml-source.ts";
import { ContentError } from "../shared/errors.ts";
import { isValidZone } from "../shared/dates.ts";
import { DIGITS, directionOf, languageField, localeField } from "../locale/languages.ts";
import { readDataFile } from "../source/data-file.ts";
import type { Project } from "../source/project.ts";
import { RESERVED_SEGMENTS } from "./url-space.ts";

const text = z.string().trim().min(1);

/** One language the newsroom publishes in: an edition of the site (src/site/editions.ts). */
const languageSchema = z
  .object({
    /** BCP 47, as in `lang` and `hreflang`: en, ckb, ar, fa, tr, kmr. */
    code: languageField("en, ckb or ar"),
    /** The language's name in its own script: English, کوردی, العربية. */
    name: text,
    /** Written right to left or left to right; by default as Intl knows the language. */
    dir: z.enum(["ltr", "rtl"]).optional(),
    /** Locale for dates and numbers, e.g. en-GB, ar-IQ; defaults to `code`. */
    locale: localeField().optional(),
    /** Digits for numbers and dates: latn (0-9), arab (٠-٩), arabext (۰-۹); defaults to the locale's. */
    digits: z.enum(DIGITS).optional(),
    /** When the edition's readers live in another zone than the site's. */
    timeZone: z.string().refine(isValidZone, "not an IANA time zone (e.g. Asia/Tehran)").optional(),
    /** The edition's URL folder: /ckb/. Defaults to the code in lower case; the first language lives at /. */
    path: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case Latin letters, digits and hyphens").optional(),
    /** The publication's name in this edition; defaults to `name` of the site. */
    title: text.optional(),
    /** The publication's description in this language (required for every edition but the first). */
    description: text.optional(),
    /** The publisher's name in this language, for the footer's © line; defaults to `publisher.name` of the site. */
    publisher: text.optional(),
  })
  .strict();

export const siteSchema = z
  .object({
    name: text,
    description: text,
    url: z
      .url({ protocol: /^https?$/, error: "expected an absolute http(s) URL such as https://news.example.org/" })
      .transform((u) => (u.endsWith("/") ? u : `${u}/`)),
    /** A site in one language names it here; a site in several declares `languages` instead. */
    language: languageField("en").optional(),
    /** Locale for dates and numbers, e.g. en-GB; defaults to `language`. */
    locale: localeField("en-GB").optional(),
    /** The editions, the first at the site's root and the others under /<path>/. */
    languages: z.array(languageSchema).min(1, "declare at least one language").optional(),
    timeZone: z.string().refine(isValidZone, "not an IANA time zone (e.g. Asia/Baghdad)"),
    /** Stands for a story without a picture of its own in search results and social cards. */
    image: z
      .object({
        src: z.string().regex(/^\/assets\//, "expected a path under /assets/"),
        alt: z.string().trim().min(1),
      })
      .strict()
      .optional(),
    /**
     * The terms the site's pictures are published under: `license` (a page stating them) and
     * `acquireLicensePage` (where to license one), given on every story picture's ImageObject, for
     * search engines' "Licensable" badge on image results.
     */
    pictures: z
      .object({
        license: z.url({ protocol: /^https?$/ }).optional(),
        acquireLicensePage: z.url({ protocol: /^https?$/ }).optional(),
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
    /**
     * Editing in the browser at /admin/ (src/admin/): `false` leaves it out of the build; `backend` is
     * Decap CMS's hosted Git backend for the public site (without one, /admin/ edits through `npm run edit` only).
     */
    admin: z
      .union([
        z.boolean(),
        z
          .object({
            backend: z.looseObject({ name: z.enum(["github", "gitlab", "gitea", "bitbucket", "azure", "git-gateway"]) }).optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict()
  .superRefine((site, ctx) => {
    if (site.languages && (site.language || site.locale)) {
      ctx.addIssue({ code: "custom", path: [site.language ? "language" : "locale"], message: "a site with `languages` sets each edition's code and locale there", input: site.language ?? site.locale });
    }
    const seen = new Map<string, number>();
    site.languages?.forEach((l, i) => {
      if (i === 0 && l.path) ctx.addIssue({ code: "custom", path: ["languages", 0, "path"], message: "the first language lives at the site's root: remove `path`", input: l.path });
      const folder = l.path ?? l.code.toLowerCase();
      if (i > 0 && RESERVED_SEGMENTS.has(folder)) ctx.addIssue({ code: "custom", path: ["languages", i, l.path ? "path" : "code"], message: `/${folder}/ is used by the site itself: give the edition another \`path\``, input: folder });
      if (i > 0 && !l.description) ctx.addIssue({ code: "custom", path: ["languages", i, "description"], message: `required: the site's description in ${l.name}`, input: undefined });
      for (const key of [l.code.toLowerCase(), l.path ?? l.code.toLowerCase()]) {
        const j = seen.get(key);
        if (j !== undefined && j !== i) ctx.addIssue({ code: "custom", path: ["languages", i, "code"], message: `"${key}" is also used by language ${j + 1}`, input: l.code });
        seen.set(key, i);
      }
    });
  });

type SiteData = z.output<typeof siteSchema>;

/** A language the site publishes in, resolved: src/site/editions.ts makes an edition of each. */
export interface Language {
  /** BCP 47: the pages' `lang`, hreflang, the translations file's name. */
  readonly code: string;
  /** In its own script: "کوردی". */
  readonly name: string;
  readonly dir: "ltr" | "rtl";
  /** Locale as written (en-GB, ar-IQ): og:locale, feeds. */
  readonly locale: string;
  /** Locale for Intl, with the digits asked for: "ar-IQ-u-nu-latn". */
  readonly intl: string;
  readonly timeZone: string;
  /** URL folder under the site's prefix: "" for the first language, "ckb" for /ckb/. */
  readonly segment: string;
  /** The publication's name and description in this language. */
  readonly title: string;
  readonly description: string;
  /** The publisher's name in this language: "Northern Dispatch Media", "مؤسسة رسالة الشمال للإعلام". */
  readonly publisher: string;
}

export type SiteConfig = Omit<SiteData, "language" | "locale" | "languages"> & {
  /** URL path the site is served under ("/" or "/news/"), from `url`. */
  readonly pathPrefix: string;
  /** At least one; the first is the default, at the site's root. */
  readonly languages: readonly Language[];
};

export async function loadSiteConfig(project: Project, env: NodeJS.ProcessEnv = process.env): Promise<SiteConfig> {
  const { value } = await readDataFile(project, "site.yaml", siteSchema, "the site's settings (name, url, timeZone, ...)");
  return resolveSite(value, env.DATELINE_URL ? urlFromEnvironment(env.DATELINE_URL) : value.url);
}

/** Validated settings, with the URL to use (site.yaml's or DATELINE_URL), and every language resolved. */
export function resolveSite(value: SiteData, url = value.url): SiteConfig {
  const { language, locale, languages, ...rest } = value;
  const declared = languages ?? [{ code: language ?? "en", name: language ?? "en", locale }];
  return {
    ...rest,
    url,
    pathPrefix: new URL(url).pathname,
    languages: declared.map((l, i) => {
      const written = l.locale ?? l.code;
      return {
        code: l.code,
        name: l.name,
        dir: ("dir" in l && l.dir) || directionOf(l.code),
        locale: written,
        intl: "digits" in l && l.digits ? `${written}-u-nu-${l.digits}` : written,
        timeZone: ("timeZone" in l && l.timeZone) || value.timeZone,
        segment: i === 0 ? "" : ("path" in l && l.path) || l.code.toLowerCase(),
        title: ("title" in l && l.title) || value.name,
        description: ("description" in l && l.description) || value.description,
        publisher: ("publisher" in l && l.publisher) || value.publisher.name,
      };
    }),
  };
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
