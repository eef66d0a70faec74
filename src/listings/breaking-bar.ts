/**
 * The breaking-news bar an edition shows above every page, from its file (src/site/breaking-file.ts):
 * its link found among the edition's stories, and dropped once `until` has passed. A static page
 * cannot take a bar down by itself: the build says when the bar expires, so that the newsroom
 * rebuilds then (a scheduled build does it).
 */
import type { Article } from "../model/article.ts";
import { publicationState, type PublishingOptions } from "../model/publishing.ts";
import { isoWithOffset } from "../shared/dates.ts";
import type { BreakingBar } from "../model/site-model.ts";
import type { Notice, Problem } from "../shared/errors.ts";
import type { BreakingFile } from "../site/breaking-file.ts";
import type { Edition } from "../site/editions.ts";
import { typeset } from "../render/typeset.ts";
import { findStory, isProblem } from "./named-story.ts";

export interface BreakingResult {
  readonly bar: BreakingBar | undefined;
  readonly problems: readonly Problem[];
  readonly notices: readonly Notice[];
}

/** `articles`: the edition's stories, drafts and embargoed ones too. */
export function breakingBar(file: BreakingFile | undefined, articles: readonly Article[], edition: Edition, rules: PublishingOptions): BreakingResult {
  if (!file) return { bar: undefined, problems: [], notices: [] };
  const at = { file: file.file, field: "until", line: undefined };
  if (file.until && file.until <= rules.now) {
    return { bar: undefined, problems: [], notices: [{ ...at, severity: "note", message: `the bar expired at ${isoWithOffset(file.until)} and is not shown: remove the file` }] };
  }
  let url: string | undefined;
  if (file.link && "url" in file.link) url = file.link.url;
  else if (file.link) {
    const named = { name: file.link.story, file: file.file, field: "link", line: file.link.line };
    const found = findStory(named, articles, edition);
    if (isProblem(found)) return { bar: undefined, problems: [found], notices: [] };
    const state = publicationState(found, rules.now);
    // A bar pointing at a page readers cannot open yet would be a dead link on every page.
    if (state === "draft" && !rules.drafts) return { bar: undefined, problems: [{ ...named, message: `"${named.name}" is a draft (${found.sourcePath}): publish it, or link another story` }], notices: [] };
    if (state === "embargoed" && !rules.future) {
      return { bar: undefined, problems: [{ ...named, message: `"${named.name}" is embargoed until ${isoWithOffset(found.date)}: the bar cannot link it before then` }], notices: [] };
    }
    url = found.url;
  }
  const shownUntil = file.until ? `until ${isoWithOffset(file.until)}: a build after then takes it down` : "until the file is removed";
  // Set as a headline is: curly quotes, dashes, in the edition's language.
  return { bar: { text: typeset(file.text, edition.code), url, until: file.until }, problems: [], notices: [{ ...at, field: "text", severity: "note", message: `the bar is shown on every ${edition.name} page ${shownUntil}` }] };
}
