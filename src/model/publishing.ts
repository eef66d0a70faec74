/**
 * Whether an article is published is decided here and only here, from `now`, so a build with a
 * fixed clock is reproducible (`--now` / DATELINE_NOW).
 */
import type { Instant } from "../shared/dates.ts";

export type PublicationState = "published" | "draft" | "embargoed";

export interface PublishingOptions {
  now: Instant;
  /** Include drafts (previews). */
  drafts: boolean;
  /** Include articles dated in the future (previews). */
  future: boolean;
}

export function publicationState(article: { draft: boolean; date: Instant }, now: Instant): PublicationState {
  if (article.draft) return "draft";
  if (article.date > now) return "embargoed";
  return "published";
}

export function isIncluded(article: { draft: boolean; date: Instant }, o: PublishingOptions): boolean {
  const state = publicationState(article, o.now);
  return state === "published" || (state === "draft" && o.drafts) || (state === "embargoed" && o.future);
}
