import type { Instant } from "./dates.ts";

/** A page of the built site: where it goes and how to render it (lazily, when Eleventy writes it). */
export interface Page {
  /** Path under the output folder, e.g. "middle-east/al-sharaa-moscow/index.html". */
  readonly outputPath: string;
  render(): string | Promise<string>;
  /** For the sitemap: the page's URL path, and when its content last changed. Absent: not listed. */
  readonly sitemap?: { url: string; lastmod: Instant | undefined };
}
