/**
 * A WordPress export (WXR: RSS 2.0 with WordPress's `wp:` elements, from Tools → Export) read as a
 * stream: the file is read in 64 KB pieces and fed to saxes, and each `<item>` (a post, page,
 * attachment, menu item…) is handed on as soon as it is closed, so memory holds one item and one
 * piece of the file whatever the export's size (a newsroom's export runs to hundreds of megabytes).
 * The channel's own facts (the site's address and language, its authors and categories) come before
 * the first item in every export WordPress writes, and are collected as they pass.
 *
 * Only what the importer reads is kept: the item's text fields, its categories and tags, and the
 * few `wp:postmeta` values named in `KEPT_META` (plugins store megabytes there, such as page
 * builders' JSON). Comments (`wp:comment`) are counted, not kept.
 *
 * Format: https://developer.wordpress.org/apis/wordpress-export/ (wp-admin/includes/export.php).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FaultError } from "../shared/errors.ts";

/** A `<category>` of an item: a category, a tag, a co-author (Co-Authors Plus), a language (Polylang)… */
export interface ItemTerm {
  /** `category`, `post_tag`, `author`, `language`, … */
  readonly domain: string;
  /** The term's slug, as WordPress stores it (percent-encoded UTF-8 for non-Latin names). */
  readonly nicename: string;
  /** The term's name. */
  readonly name: string;
}

export interface ExportItem {
  /** The line of the file where the item starts, for messages. */
  readonly line: number;
  readonly title: string;
  /** The item's permalink on the old site. */
  readonly link: string;
  /** Its `?p=123` address (WordPress's guid), or another URL that once named it. */
  readonly guid: string;
  /** The author's login (`wp:author_login` of the channel). */
  readonly creator: string;
  /** The body as WordPress stores it: HTML with shortcodes, Gutenberg block comments, or paragraphs as blank lines. */
  readonly content: string;
  readonly excerpt: string;
  readonly id: string;
  /** "YYYY-MM-DD HH:MM:SS" in the site's zone, and in UTC ("0000-00-00 00:00:00" for drafts). */
  readonly date: string;
  readonly dateGmt: string;
  readonly modified: string;
  readonly modifiedGmt: string;
  /** The slug, percent-encoded; empty for most drafts. */
  readonly name: string;
  /** publish, draft, pending, private, future, trash, auto-draft, inherit. */
  readonly status: string;
  /** post, page, attachment, revision, nav_menu_item, or a plugin's own. */
  readonly type: string;
  readonly parent: string;
  /** An attachment's address on the old site. */
  readonly attachmentUrl: string;
  readonly terms: readonly ItemTerm[];
  /** The `wp:postmeta` values the importer reads (`KEPT_META`), by key. */
  readonly meta: ReadonlyMap<string, string>;
  readonly comments: number;
}

/** The site's own facts, from the channel. */
export interface ExportChannel {
  title: string;
  /** The site's address (`wp:base_blog_url`, else the channel's `link`). */
  siteUrl: string;
  /** "en-US", "ar": the site's language setting. */
  language: string;
  /** Display names by login (`wp:author`). */
  readonly authors: Map<string, string>;
  /** Categories by slug: their names and descriptions (`wp:category`). */
  readonly categories: Map<string, { name: string; description: string }>;
}

/** The postmeta keys kept: the featured image, a picture's alt text and file, Co-Authors Plus's guest authors. */
export const KEPT_META = new Set(["_thumbnail_id", "_wp_attachment_image_alt", "_wp_attached_file", "cap-user_login", "cap-display_name"]);

/** The item fields read, by element name. */
const ITEM_FIELDS = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  "wp:post_modified": "modified",
  "wp:post_modified_gmt": "modifiedGmt",
  "wp:post_name": "name",
  "wp:status": "status",
  "wp:post_type": "type",
  "wp:post_parent": "parent",
  "wp:attachment_url": "attachmentUrl",
} as const satisfies Record<string, keyof ExportItem>;

type TextField = (typeof ITEM_FIELDS)[keyof typeof ITEM_FIELDS];

/** Characters XML 1.0 cannot hold (WordPress exports them anyway, pasted from Word): removed from every text. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export interface ReadOptions {
  /** Whether to keep items' bodies (`content:encoded`); a pass that needs only attachments does not. */
  content?: boolean;
  /** Called after each piece of the file with the bytes read so far and the file's size. */
  onBytes?: (done: number, total: number) => void;
}

/**
 * The export's items, one at a time, in the file's order; `channel` is filled in as the file is
 * read (complete before the first item). Malformed XML stops the read with a FaultError naming the
 * file and the line.
 */
export async function* readExport(file: string, shown: string, channel: ExportChannel, o: ReadOptions = {}): AsyncGenerator<ExportItem> {
  const total = (await stat(file)).size;
  const parser = new SaxesParser({ position: true, xmlns: false });
  const ready: ExportItem[] = [];
  const path: string[] = [];
  let text: string[] | undefined;
  let item: Mutable<ExportItem> | undefined;
  let metaKey = "";
  let metaValue = "";
  let author: { login: string; name: string } | undefined;
  let category: { slug: string; name: string; description: string } | undefined;
  let sawWordPress = false;

  parser.on("error", (error) => {
    // A character XML forbids (a vertical tab from Word) is read and removed: one pasted character
    // must not stop a whole archive. Anything else leaves the document's structure unknown.
    if (error.message.endsWith("disallowed character.")) return;
    throw error;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    path.push(tag.name);
    const depth = path.length;
    if (tag.name === "item" && depth === 3) {
      item = { ...EMPTY_ITEM, line: parser.line, terms: [], meta: new Map() };
    } else if (item && depth === 4 && tag.name === "category") {
      text = [];
    } else if (item && depth === 4 && tag.name in ITEM_FIELDS) {
      if (tag.name !== "content:encoded" || o.content !== false) text = [];
    } else if (item && depth === 5 && path[3] === "wp:postmeta" && (tag.name === "wp:meta_key" || tag.name === "wp:meta_value")) {
      text = [];
    } else if (item && depth === 4 && tag.name === "wp:comment") {
      item.comments++;
    } else if (!item && depth === 3 && tag.name === "wp:author") {
      author = { login: "", name: "" };
    } else if (!item && depth === 3 && tag.name === "wp:category") {
      category = { slug: "", name: "", description: "" };
    } else if (!item && depth === 4 && (author || category)) {
      text = [];
    } else if (!item && depth === 3 && ["title", "link", "language", "wp:base_blog_url", "wp:base_site_url"].includes(tag.name)) {
      text = [];
    }
  });
  const collect = (data: string) => text?.push(data);
  parser.on("text", collect);
  parser.on("cdata", collect);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const value = text ? clean(text.join("")) : undefined;
    text = undefined;
    const depth = path.length;
    path.pop();
    if (item && depth === 3) {
      sawWordPress ||= item.type !== "";
      ready.push(item);
      item = undefined;
    } else if (item && depth === 4 && value !== undefined) {
      if (tag.name === "category") {
        const domain = attribute(tag, "domain");
        if (domain) (item.terms as ItemTerm[]).push({ domain, nicename: attribute(tag, "nicename"), name: value.trim() });
      } else if (tag.name in ITEM_FIELDS) {
        item[ITEM_FIELDS[tag.name as keyof typeof ITEM_FIELDS] as TextField] = value;
      }
    } else if (item && depth === 4 && tag.name === "wp:postmeta") {
      if (KEPT_META.has(metaKey)) (item.meta as Map<string, string>).set(metaKey, metaValue);
      metaKey = metaValue = "";
    } else if (item && depth === 5 && value !== undefined) {
      if (tag.name === "wp:meta_key") metaKey = value.trim();
      else metaValue = value;
    } else if (author && depth === 3) {
      if (author.login) channel.authors.set(author.login, author.name.trim() || author.login);
      author = undefined;
    } else if (author && value !== undefined) {
      if (tag.name === "wp:author_login") author.login = value.trim();
      else if (tag.name === "wp:author_display_name") author.name = value;
    } else if (category && depth === 3) {
      if (category.slug) channel.categories.set(category.slug, { name: category.name.trim(), description: category.description.trim() });
      category = undefined;
    } else if (category && value !== undefined) {
      if (tag.name === "wp:category_nicename") category.slug = value.trim();
      else if (tag.name === "wp:cat_name") category.name = value;
      else if (tag.name === "wp:category_description") category.description = value;
    } else if (!item && depth === 3 && value !== undefined) {
      if (tag.name === "title") channel.title = value.trim();
      else if (tag.name === "language") channel.language = value.trim();
      else if (tag.name === "wp:base_blog_url") channel.siteUrl = value.trim();
      else if (tag.name === "link" && !channel.siteUrl) channel.siteUrl = value.trim();
    }
  });

  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 });
  try {
    for await (const piece of stream) {
      try {
        parser.write(piece as string);
      } catch (error) {
        throw malformed(error, parser, shown);
      }
      o.onBytes?.(stream.bytesRead, total);
      // Items closed in this piece go out before the next is read: the stream waits meanwhile.
      while (ready.length) yield ready.shift()!;
    }
    try {
      parser.close();
    } catch (error) {
      throw malformed(error, parser, shown);
    }
  } finally {
    stream.destroy();
  }
  if (!sawWordPress) {
    throw new FaultError(shown, "is not a WordPress export (no item has a wp:post_type)", "export the site from WordPress with Tools → Export → All content, and import that file");
  }
}

/** An empty channel, to be filled by `readExport`. */
export function emptyChannel(): ExportChannel {
  return { title: "", siteUrl: "", language: "", authors: new Map(), categories: new Map() };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY_ITEM: Omit<ExportItem, "line" | "terms" | "meta"> = {
  title: "", link: "", guid: "", creator: "", content: "", excerpt: "", id: "", date: "", dateGmt: "",
  modified: "", modifiedGmt: "", name: "", status: "", type: "", parent: "", attachmentUrl: "", comments: 0,
};

/**
 * The value without the characters XML forbids, as a string of its own. saxes hands out slices of
 * the 64 KB piece being parsed, and V8 keeps a whole piece alive for any slice of it: a post's
 * address kept for the redirects, or an attachment's file name, held the file's pieces, and the
 * import's memory grew with the export (545 MB at 20,000 posts, against ~200 MB).
 */
function clean(value: string): string {
  return Buffer.from(value.replace(NOT_XML, "")).toString();
}

function attribute(tag: SaxesTagPlain, name: string): string {
  const value = tag.attributes[name];
  return typeof value === "string" ? clean(value) : "";
}

/** saxes says "12:7: unclosed tag: item": the file and line first, as every message names them. */
function malformed(error: unknown, parser: SaxesParser, shown: string): FaultError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):\d+: (.*)$/s.exec(message);
  const line = match ? match[1] : String(parser.line);
  return new FaultError(`${shown}:${line}`, `not well-formed XML (${(match ? match[2]! : message).replace(/\.$/, "")})`, "export the site again from WordPress (Tools → Export) and import the new file; a file cut short by a download or an upload ends like this");
}
