/**
 * One WordPress post → one Dateline story (src/import/story-files.ts): what becomes what.
 *
 *   title                      → title (its HTML entities read)
 *   wp:post_date_gmt           → date, in the edition's time zone (a draft has none: its wp:post_date,
 *                                read in that zone)
 *   wp:post_modified(_gmt)     → updated, when a minute or more after the date
 *   wp:post_name               → slug (percent-decoded: Arabic slugs are stored encoded); empty → from the title
 *   dc:creator, Co-Authors Plus (`category domain="author"`) → author, display names, each once
 *   category                   → section: the first one sections.yaml knows, else the first (reported)
 *   post_tag                   → tags
 *   excerpt:encoded            → summary (else the body's first sentences, up to 160 characters)
 *   _thumbnail_id              → image: the featured picture, its alt text and caption
 *   content:encoded            → the body (src/import/wordpress-html.ts)
 *   Polylang's `language`      → the edition (else the export's language, else the site's first)
 *   wp:status                  → publish and future stay published (a future date is an embargo);
 *                                draft, pending and private become drafts
 */
import { DateTime } from "luxon";
import type { Instant } from "../shared/dates.ts";
import { editionOf, type Edition } from "../site/editions.ts";
import type { Section, SectionsByEdition } from "../site/sections.ts";
import { SLUG_PATTERN, slugOf } from "../site/slugs.ts";
import { urlPath } from "../site/url-space.ts";
import { sectionNamed, type StoryDraft } from "./story-files.ts";
import type { ExportChannel, ExportItem } from "./wordpress-export.ts";
import { htmlText, htmlToMarkdown } from "./wordpress-html.ts";
import { StoryPictures, type Attachment, type PictureProblem } from "./wordpress-pictures.ts";

/** What the importer knows before the posts: the site's editions and sections, the export's channel and attachments. */
export interface PostContext {
  readonly editions: readonly Edition[];
  readonly sections: SectionsByEdition;
  readonly channel: ExportChannel;
  readonly attachments: ReadonlyMap<string, Attachment>;
  /** Attachment ids by the post they were uploaded to (for `[gallery]` without ids). */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Co-Authors Plus guest authors' display names, by login. */
  readonly guestAuthors: ReadonlyMap<string, string>;
  /** The uploads folder, when given. */
  readonly uploads: string | undefined;
}

/** A category that is no section of the story's edition. */
export interface UnknownSection {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly edition: Edition;
  /** The section of the first edition with this name, when only its translation is missing. */
  readonly translationOf: Section | undefined;
}

export interface ImportedPost {
  readonly story: StoryDraft;
  /** The story's address on the new site. */
  readonly url: string;
  /** Its addresses on the old site (`link` and `guid`). */
  readonly oldUrls: readonly string[];
  readonly unknownSection: UnknownSection | undefined;
  readonly pictures: readonly PictureProblem[];
  readonly dropped: readonly string[];
  readonly uncaptioned: readonly string[];
}

/** Statuses imported, and whether each is a draft. */
const STATUSES: Readonly<Record<string, boolean>> = { publish: false, future: false, draft: true, pending: true, private: true };

/** Whether the item is a post the import writes; otherwise the kind it is skipped as ("page", "post (trash)"). */
export function skippedKind(item: ExportItem): string | undefined {
  if (item.type !== "post") return item.type || "item without a type";
  if (!(item.status in STATUSES)) return `post (${item.status || "no status"})`;
  return [item.dateGmt, item.date, item.modifiedGmt, item.modified].some((d) => dateOf(d, "", "utc")) ? undefined : "post (no date)";
}

/**
 * Takes a story's address if no other story has it (in content/, or earlier in this import), and
 * says whether it did.
 */
export type ClaimAddress = (edition: Edition, sectionSlug: string, slug: string) => boolean;

/** The story for a post (one `skippedKind` let through); a post whose address is taken gets "-2", "-3"… */
export function postToStory(item: ExportItem, ctx: PostContext, claim: ClaimAddress): ImportedPost {
  const edition = editionOfPost(item, ctx);
  const draft = STATUSES[item.status]!;
  const title = oneLine(htmlText(item.title)) || `Untitled (WordPress post ${item.id})`;
  const date = dateOf(item.dateGmt, item.date, edition.timeZone) ?? dateOf(item.modifiedGmt, item.modified, edition.timeZone);
  if (!date) throw new Error(`post ${item.id} (line ${item.line}) has no date: skippedKind lets no such post through`);
  const modified = dateOf(item.modifiedGmt, item.modified, edition.timeZone);
  const { section, unknown } = sectionOfPost(item, ctx, edition);

  const pictures = new StoryPictures(ctx.uploads, ctx.attachments, edition.code);
  const thumbnail = item.meta.get("_thumbnail_id");
  const hero = thumbnail ? pictures.hero(thumbnail.trim()) : undefined;
  const converted = htmlToMarkdown(item.content, {
    picture: (ref) => pictures.body(ref),
    attachment: (id) => ctx.attachments.get(id),
    children: ctx.children.get(item.id) ?? [],
  });
  const body = [hero?.block?.trim(), converted.markdown].filter(Boolean).join("\n\n");

  const wanted = slugOfPost(item, title);
  let slug = wanted;
  for (let n = 2; !claim(edition, section.slug, slug); n++) slug = `${wanted}-${n}`;

  const story: StoryDraft = {
    edition,
    section,
    slug,
    fields: {
      title,
      summary: summaryOf(item, edition) || title,
      date,
      updated: modified && modified.toMillis() - date.toMillis() >= 60_000 ? modified : undefined,
      author: authorsOf(item, ctx, edition),
      tags: tagsOf(item),
      image: hero?.image,
      draft,
    },
    body,
    pictures: [...pictures.copies].map(([name, from]) => ({ from, name })),
    notes: notesFor(item, unknown, pictures.problems, converted),
  };
  return {
    story,
    url: urlPath(section.url, slug),
    oldUrls: [...new Set([item.link, item.guid].map((u) => u.trim()).filter((u) => /^https?:\/\//.test(u)))],
    unknownSection: unknown,
    pictures: pictures.problems,
    dropped: converted.dropped,
    uncaptioned: converted.uncaptioned,
  };
}

/** Polylang's language of the post, else the export's language, else the site's first edition. */
function editionOfPost(item: ExportItem, ctx: PostContext): Edition {
  const polylang = item.terms.find((t) => t.domain === "language")?.nicename;
  const exported = ctx.channel.language;
  for (const code of [polylang, exported, exported.split("-")[0]]) {
    const edition = code ? editionOf(ctx.editions, code) : undefined;
    if (edition) return edition;
  }
  return ctx.editions[0]!;
}

/** "2024-05-02 09:30:00" in UTC, else the same in the zone (drafts have no UTC date); undefined for WordPress's zero date. */
function dateOf(gmt: string, local: string, zone: string): Instant | undefined {
  const utc = DateTime.fromSQL(gmt.trim(), { zone: "utc" });
  if (utc.isValid && utc.year > 1) return utc.setZone(zone) as Instant;
  const there = DateTime.fromSQL(local.trim(), { zone });
  return there.isValid && there.year > 1 ? (there as Instant) : undefined;
}

/** WordPress's slug, decoded; a draft without one, or one that is no Dateline slug, takes the title's. */
function slugOfPost(item: ExportItem, title: string): string {
  let name = item.name.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // A slug cut in the middle of a character: read as written.
  }
  name = name.normalize("NFC").toLocaleLowerCase();
  for (const candidate of [name, slugOf(name), slugOf(title)]) if (candidate && SLUG_PATTERN.test(candidate)) return candidate;
  return `post-${item.id}`;
}

/** The first category that is a section of the edition; else the first category, made a section of the name it will have. */
function sectionOfPost(item: ExportItem, ctx: PostContext, edition: Edition): { section: Section; unknown?: UnknownSection } {
  const categories = item.terms.filter((t) => t.domain === "category").map((t) => ({ name: decodeEntities(t.name), slug: decodeSlug(t.nicename) }));
  for (const c of categories) {
    const section = sectionNamed(ctx.sections, c.name, edition) ?? sectionNamed(ctx.sections, c.slug, edition);
    if (section) return { section };
  }
  const first = categories[0] ?? { name: "Uncategorized", slug: "uncategorized" };
  const translationOf = sectionNamed(ctx.sections, first.name, ctx.editions[0]!) ?? sectionNamed(ctx.sections, first.slug, ctx.editions[0]!);
  const slug = translationOf?.slug ?? [slugOf(first.name), first.slug].find((s) => s && SLUG_PATTERN.test(s)) ?? `section-${item.id}`;
  const description = ctx.channel.categories.get(first.slug)?.description ?? "";
  return {
    section: { name: first.name, slug, url: urlPath(edition.home, slug), description, lang: edition.code },
    unknown: { name: first.name, slug, description: decodeEntities(description), edition, translationOf },
  };
}

/** Display names, the post's author first, each once (Co-Authors Plus repeats the author as a co-author). */
function authorsOf(item: ExportItem, ctx: PostContext, edition: Edition): string[] {
  const names = new Map<string, string>();
  const logins = [item.creator, ...item.terms.filter((t) => t.domain === "author").flatMap((t) => [t.name])];
  for (const login of logins.map((l) => l.trim()).filter(Boolean)) {
    const name = ctx.channel.authors.get(login) ?? ctx.guestAuthors.get(login) ?? ctx.guestAuthors.get(login.replace(/^cap-/, "")) ?? login;
    const clean = oneLine(decodeEntities(name));
    if (clean && !names.has(clean.toLocaleLowerCase())) names.set(clean.toLocaleLowerCase(), clean);
  }
  return names.size ? [...names.values()] : [edition.title];
}

/** Tags with letters or digits (a tag page needs a URL), each once. */
function tagsOf(item: ExportItem): string[] {
  const tags = new Map<string, string>();
  for (const t of item.terms) {
    if (t.domain !== "post_tag") continue;
    const name = oneLine(decodeEntities(t.name));
    if (name && slugOf(name) && !tags.has(name.toLocaleLowerCase())) tags.set(name.toLocaleLowerCase(), name);
  }
  return [...tags.values()];
}

/** The excerpt, or the body's first sentences up to 160 characters (search engines cut longer ones). */
function summaryOf(item: ExportItem, edition: Edition): string {
  const excerpt = oneLine(htmlText(item.excerpt));
  if (excerpt) return excerpt;
  const paragraphs = htmlText(item.content).split(/\n\n+/).map(oneLine).filter((p) => p && !/^https?:\/\/\S+$/.test(p));
  return firstSentences(paragraphs.join(" "), edition.locale, 160);
}

export function firstSentences(text: string, locale: string, limit: number): string {
  let sentences = "";
  for (const { segment } of new Intl.Segmenter(locale, { granularity: "sentence" }).segment(text)) {
    if ((sentences + segment).trim().length > limit) break;
    sentences += segment;
  }
  if (sentences.trim()) return sentences.trim();
  // One sentence longer than the limit: cut at a word, with an ellipsis.
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), limit / 2)).trim()}…`;
}

/** What the editor should know, as comments at the top of the story. */
function notesFor(item: ExportItem, unknown: UnknownSection | undefined, problems: readonly PictureProblem[], converted: { dropped: readonly string[]; uncaptioned: readonly string[] }): string[] {
  const notes = [`Imported from WordPress: post ${item.id}${item.link ? `, ${item.link}` : ""}`];
  if (unknown) notes.push(`"${unknown.name}" is not a section in content/_data/sections.yaml yet: the import's report gives the lines to add`);
  for (const p of problems) {
    notes.push(
      p.reason === "missing"
        ? `Picture ${p.name} was not in the uploads folder (${p.source})${p.alt ? `; its alt text on the old site: "${p.alt}"` : ""}: put it beside this file`
        : `Picture ${p.name} has no alt text: write what it shows`,
    );
  }
  if (converted.dropped.length) notes.push(`Left out on import: ${countList(converted.dropped)}`);
  for (const url of converted.uncaptioned) notes.push(`The embed ${url} needs a caption saying what it shows`);
  return notes;
}

/** ["script", "form", "script"] → "2 × script, form". */
function countList(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n > 1 ? `${n} × ${item}` : item)).join(", ");
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Names WordPress stored with their HTML entities ("Q&amp;A", "Culture &#038; Arts"). */
function decodeEntities(text: string): string {
  return text.includes("&") ? htmlText(text.replace(/</g, "&lt;")) : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
