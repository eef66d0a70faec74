/**
 * The front file's stories found among the edition's (src/site/front-file.ts reads the file). A
 * named story that does not exist, or is a draft, stops the build as any content error does; an
 * embargoed one is left out until it is published, and the build says so; a curated story older
 * than `stale_after` is a warning, so that a forgotten lead does not sit for a week.
 */
import type { Duration } from "luxon";
import type { Article } from "../model/article.ts";
import { isIncluded, publicationState, type PublishingOptions } from "../model/publishing.ts";
import { isoWithOffset, type Instant } from "../shared/dates.ts";
import type { Notice, Problem } from "../shared/errors.ts";
import type { Edition } from "../site/editions.ts";
import type { FrontFile, NamedStory } from "../site/front-file.ts";
import type { Section } from "../site/sections.ts";
import { findStory, isProblem } from "./named-story.ts";

/** What the editor chose; undefined where the file does not say (the newest stories stand in). */
export interface Curation {
  readonly lead: Article | undefined;
  readonly top: readonly Article[] | undefined;
  readonly sections: readonly Section[] | undefined;
}

export const UNCURATED: Curation = { lead: undefined, top: undefined, sections: undefined };

export interface CurationResult {
  readonly curation: Curation;
  readonly problems: readonly Problem[];
  readonly notices: readonly Notice[];
}

/** `articles`: the edition's stories, drafts and embargoed ones too. */
export function curate(front: FrontFile | undefined, articles: readonly Article[], edition: Edition, rules: PublishingOptions): CurationResult {
  if (!front) return { curation: UNCURATED, problems: [], notices: [] };
  const problems: Problem[] = [];
  const notices: Notice[] = [];
  const shown = (named: NamedStory): Article | undefined => {
    const found = findStory({ ...named, file: front.file }, articles, edition);
    if (isProblem(found)) return void problems.push(found);
    const at = { file: front.file, line: named.line, field: named.field };
    const state = publicationState(found, rules.now);
    if (state === "draft" && !rules.drafts) {
      return void problems.push({ ...at, message: `"${named.name}" is a draft (${found.sourcePath}): publish it, or name another story` });
    }
    if (!isIncluded(found, rules)) {
      notices.push({ ...at, severity: "note", message: `"${named.name}" is embargoed until ${isoWithOffset(found.date)}: the front page shows it from the first build after then` });
      return undefined;
    }
    const stale = staleness(found, front.staleAfter, rules.now);
    if (stale) notices.push({ ...at, severity: "warning", message: `"${named.name}" was last published or updated ${stale} ago, longer than stale_after (${front.staleAfterText}): is it still front-page news?` });
    return found;
  };
  const lead = front.lead && shown(front.lead);
  const top = front.top?.flatMap((named) => shown(named) ?? []);
  return { curation: { lead, top, sections: front.sections }, problems, notices };
}

/** How long ago a story last changed, when that is longer than `limit`: "3 days", "50 hours". */
function staleness(article: Article, limit: Duration, now: Instant): string | undefined {
  const age = now.diff(article.updated ?? article.date);
  if (age <= limit) return undefined;
  const hours = Math.floor(age.as("hours"));
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
}
