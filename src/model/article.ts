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
}

export interface Correction {
  date: Instant;
  text: string;
}

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
