/**
 * What the desk chose for each edition in its data files, found among the stories: the front page's
 * curation and the breaking-news bar. One function for the build and for `npm run check`, so both
 * find the same problems.
 */
import type { Article } from "../model/article.ts";
import type { PublishingOptions } from "../model/publishing.ts";
import { sortProblems, type Notice, type Problem } from "../shared/errors.ts";
import type { BreakingFiles } from "../site/breaking-file.ts";
import type { Edition } from "../site/editions.ts";
import type { FrontFiles } from "../site/front-file.ts";
import type { BreakingBar } from "../model/site-model.ts";
import { breakingBar } from "./breaking-bar.ts";
import { curate, type Curation } from "./front-curation.ts";

export interface EditorialChoices {
  /** By language code. */
  readonly curations: ReadonlyMap<string, Curation>;
  /** By language code; an edition without a bar (or whose bar has expired) is absent. */
  readonly bars: ReadonlyMap<string, BreakingBar>;
  readonly problems: readonly Problem[];
  readonly notices: readonly Notice[];
}

/** `articles`: every edition's stories, drafts and embargoed ones too. */
export function editorialChoices(
  files: { fronts: FrontFiles; breaking: BreakingFiles },
  articles: readonly Article[],
  editions: readonly Edition[],
  rules: PublishingOptions,
): EditorialChoices {
  const curations = new Map<string, Curation>();
  const bars = new Map<string, BreakingBar>();
  const problems: Problem[] = [];
  const notices: Notice[] = [];
  for (const edition of editions) {
    const front = curate(files.fronts.get(edition.code), articles, edition, rules);
    curations.set(edition.code, front.curation);
    const breaking = breakingBar(files.breaking.get(edition.code), articles, edition, rules);
    if (breaking.bar) bars.set(edition.code, breaking.bar);
    problems.push(...front.problems, ...breaking.problems);
    notices.push(...front.notices, ...breaking.notices);
  }
  return { curations, bars, problems, notices: sortProblems(notices) };
}
