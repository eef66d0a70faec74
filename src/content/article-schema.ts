/**
 * What an editor writes: the frontmatter contract of an article. This schema is both the validator
 * (run on `unknown` data at the boundary) and the source of the `Frontmatter` type.
 * Dates are parsed in the site's time zone, so the schema is made per site.
 */
import { z } from "zod";
import { parseDate, type Instant } from "../shared/dates.ts";
import { languageField } from "../locale/languages.ts";
import { slugField } from "../site/slugs.ts";

const text = z.string().trim().min(1);


/** A date as editors write it; the editing form shows it with a date and time picker (src/admin/form-fields.ts). */
function dateField(zone: string) {
  return z
    .union([z.string(), z.date()])
    .transform((value, ctx): Instant => {
      const parsed = parseDate(value, zone);
      if (typeof parsed === "string") {
        ctx.issues.push({ code: "custom", message: parsed, input: value });
        return z.NEVER;
      }
      return parsed;
    })
    .meta({ form: "datetime" });
}

export function articleSchema(zone: string) {
  const date = dateField(zone);
  return z
    .object({
      title: text,
      summary: text,
      date,
      updated: date.optional(),
      dateline: z
        .union([text.transform((place) => ({ place, source: undefined as string | undefined })), z.object({ place: text, source: text.optional() }).strict()])
        .optional(),
      author: z.union([text.transform((name) => [name]), z.array(text).min(1)]),
      section: text,
      tags: z.union([text.transform((tag) => [tag]), z.array(text)]).default([]),
      image: z
        .object({
          src: text,
          // Required, but it may come from the picture itself (src/render/picture-text.ts): the loader checks.
          alt: text.optional(),
          caption: text.optional(),
          credit: text.optional(),
        })
        .strict()
        .optional(),
      corrections: z.array(z.object({ date, text }).strict()).default([]),
      /** The article's language, one of the site's: it decides the edition. */
      lang: languageField().optional(),
      /** Shared by all translations of one story, e.g. moscow-summit-2026. */
      translationKey: slugField("moscow-summit-2026").optional(),
      slug: slugField("al-sharaa-moscow").optional(),
      draft: z.boolean().default(false),
      /** Asks to lead the front page (the newest featured story among the latest does). */
      featured: z.boolean().default(false),
      /** A live story: its body holds `::: update` blocks (src/render/rules/live-updates.ts). */
      live: z.object({ status: z.enum(["live", "ended"]), ended: date.optional() }).strict().optional(),
    })
    .strict()
    .superRefine((fm, ctx) => {
      if (fm.updated && fm.updated < fm.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: `is before \`date\` (${fm.date.toISO()})`, input: fm.updated });
      }
      if (fm.featured && fm.draft) {
        ctx.addIssue({ code: "custom", path: ["featured"], message: "a draft cannot lead the front page: remove `featured` or `draft`", input: true });
      }
      if (fm.live?.status === "ended" && !fm.live.ended) {
        ctx.addIssue({ code: "custom", path: ["live", "status"], message: "a live story that has ended needs `ended:`, the time coverage ended", input: fm.live.status });
      }
      if (fm.live?.status === "live" && fm.live.ended) {
        ctx.addIssue({ code: "custom", path: ["live", "ended"], message: "is for a story whose coverage has ended: set `status: ended` too, or remove it", input: fm.live.ended });
      }
      if (fm.live?.ended && fm.live.ended < fm.date) {
        ctx.addIssue({ code: "custom", path: ["live", "ended"], message: `is before \`date\` (${fm.date.toISO()})`, input: fm.live.ended });
      }
      fm.corrections.forEach((c, i) => {
        if (c.date < fm.date) {
          ctx.addIssue({ code: "custom", path: ["corrections", i, "date"], message: "is before the article's `date`", input: c.date });
        }
      });
    });
}

export type Frontmatter = z.output<ReturnType<typeof articleSchema>>;
