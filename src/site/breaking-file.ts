/**
 * The breaking-news bar, per edition: `content/_data/breaking.yaml` for the first edition,
 * `breaking.<code>.yaml` for each other one, as the front file is named.
 *
 *   text: Polls have closed in the Kurdistan Region's parliamentary election
 *   link: kurdistan-election-results      # optional: a story's slug, or a full URL
 *   until: 2026-12-07T18:00               # optional: ISO 8601; without an offset, the site's time zone
 *
 * The link is found among the articles later (src/listings/breaking-bar.ts), as the front file's
 * stories are.
 */
import { z } from "zod";
import { parseDate, type Instant } from "../shared/dates.ts";
import { ContentError, type Problem } from "../shared/errors.ts";
import { editionFileName, readOptionalDataFile } from "../source/data-file.ts";
import type { Project } from "../source/project.ts";
import type { Edition } from "./editions.ts";

const LINK_RULE = "expected a story's slug (snow-closes-mountain-roads) or a full URL (https://…)";

export function breakingSchema(zone: string) {
  return z
    .object({
      text: z.string().trim().min(1),
      link: z
        .string()
        .trim()
        .min(1, LINK_RULE)
        .refine((link) => !link.includes(":") || isWebUrl(link), LINK_RULE)
        .optional(),
      until: z
        .string()
        .transform((text, ctx) => {
          const parsed = parseDate(text, zone);
          if (typeof parsed === "string") {
            ctx.addIssue({ code: "custom", message: parsed });
            return z.NEVER;
          }
          return parsed;
        })
        .meta({ form: "datetime" })
        .optional(),
    })
    .strict();
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export interface BreakingFile {
  /** Path relative to the project root, for messages. */
  readonly file: string;
  readonly text: string;
  /** A full URL, or a story's slug (or `section/slug`) with the line that names it. */
  readonly link: { readonly url: string } | { readonly story: string; readonly line: number | undefined } | undefined;
  readonly until: Instant | undefined;
}

/** Each edition's bar as its file gives it, by language code; an edition without a file is absent. */
export type BreakingFiles = ReadonlyMap<string, BreakingFile>;

export async function loadBreakingFiles(project: Project, editions: readonly Edition[], zone: string): Promise<BreakingFiles> {
  const problems: Problem[] = [];
  const files = new Map<string, BreakingFile>();
  const schema = breakingSchema(zone);
  for (const edition of editions) {
    const name = editionFileName("breaking.yaml", edition);
    try {
      const data = await readOptionalDataFile(project, name, schema, `the ${edition.name} edition's breaking-news bar (text, link, until)`);
      if (!data) continue;
      const { text, link, until } = data.value;
      files.set(edition.code, {
        file: data.file,
        text,
        link: link === undefined ? undefined : isWebUrl(link) ? { url: link } : { story: link, line: data.lineOf(["link"]) },
        until,
      });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new ContentError(problems);
  return files;
}
