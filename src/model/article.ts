/**
 * What templates read of a story: an `Article`, made once from a validated source file by
 * src/content/ (dates as instants in their zone, URLs worked out, pictures planned, the body rendered),
 * and never changed after.
 */
import type { Instant } from "../shared/dates.ts";
import type { ImagePlan } from "../images/image-plan.ts";
import type { Edition } from "../site/editions.ts";
import type { Section } from "../site/sections.ts";
import type { Caption } from "../render/credits.ts";
import type { PictureOrigin, PictureText } from "../render/picture-text.ts";

export interface Term {
  name: string;
  slug: string;
  /** Root-relative URL of the term's listing page. */
  url: string;
}

/** A name in a byline, with the author's page when the author has a profile. */
export interface Byline {
  name: string;
  url: string | undefined;
}

export interface Figure {
  plan: ImagePlan;
  alt: string;
  caption: Caption;
  /** The photographer(s), from the picture's metadata. */
  creator?: readonly string[];
  /** The copyright notice, from the picture's metadata. */
  copyright?: string;
  /** What the picture's digital source type tells readers ("AI-generated image"), when it tells them anything. */
  origin?: PictureOrigin;
  /** Each value with where it came from (the editor's text, XMP or IIM), for `check --explain-images`. */
  text: PictureText;
}

export interface Correction {
  date: Instant;
  text: string;
}

/** One update of a live story (`::: update <time> [key] [pinned]`). */
export interface LiveUpdate {
  /** Its anchor on the page, from its time: "update-20260128T113200Z". */
  readonly id: string;
  readonly time: Instant;
  /** A key event: listed under the opening text. */
  readonly key: boolean;
  /** Shown first, above the key events. */
  readonly pinned: boolean;
  readonly author: string | undefined;
  /** Its first bold sentence, or its first words. */
  readonly headline: string;
  /** Where its rendered text is in `Article.updateHtml` (the order written). */
  readonly index: number;
}

/** A live story: frontmatter `live:` and the updates of its body. */
export interface Live {
  readonly status: "live" | "ended";
  /** When coverage ended (`ended:`, required once `status: ended`). */
  readonly ended: Instant | undefined;
  /** Newest first. */
  readonly updates: readonly LiveUpdate[];
}

/** The parts of an article rendered from its body: read back from the body cache when a page asks. */
export type BodyField = "html" | "feedHtml" | "updateHtml";

export interface Article {
  /** Source path relative to the project root, for messages. */
  readonly sourcePath: string;
  readonly slug: string;
  /** Root-relative URL path, with the site's prefix: "/middle-east/al-sharaa-moscow/". */
  readonly url: string;
  /** File Eleventy writes: "middle-east/al-sharaa-moscow/index.html". */
  readonly outputPath: string;
  /** The edition the article belongs to, by its `lang`. */
  readonly edition: Edition;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** Shared by an article's translations (frontmatter `translationKey`). */
  readonly translationKey: string | undefined;
  readonly title: string;
  readonly summary: string;
  readonly date: Instant;
  readonly updated: Instant | undefined;
  readonly dateline: { place: string; source?: string | undefined } | undefined;
  readonly authors: readonly Byline[];
  readonly section: Section;
  readonly tags: readonly Term[];
  readonly hero: Figure | undefined;
  readonly corrections: readonly Correction[];
  readonly draft: boolean;
  /** Asks to lead the front page. */
  readonly featured: boolean;
  /**
   * Rendered body (trusted: markdown-it with raw HTML off). With a body cache, read back from it
   * when a page asks (see `withBody`), not held by the model.
   */
  readonly html: string;
  /** The body for feeds: every URL absolute. */
  readonly feedHtml: string;
  /** A live story's updates rendered, in the order written (`LiveUpdate.index`); empty for other stories. */
  readonly updateHtml: readonly { readonly html: string; readonly feedHtml: string }[];
  /** Set for a live story. Its newest update is its `updated` time. */
  readonly live: Live | undefined;
  readonly wordCount: number;
  readonly readingMinutes: number;
  /** Every image the page shows, for the encoder. */
  readonly images: readonly ImagePlan[];
  /** Links from the body to pages of this site (URL paths, with the prefix), for `npm run check`. */
  readonly internalLinks: readonly { url: string; line: number | undefined }[];
  /**
   * What the article is made from, as a hash: its file's path and text and its pictures' content
   * hashes (the site's settings and the code are the site model's `fingerprint`). Pages that show
   * the article are keyed by it (templates/index.ts), so a changed story renders only its pages.
   */
  readonly version: string;
}
