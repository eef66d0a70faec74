/**
 * A live story's updates, from what its body's parse found (`UpdateFact`, in the order written) and
 * its frontmatter's `live:`: each update's time read in the edition's zone, its flags, its anchor;
 * ordered newest first. Every mistake is a problem on the update's line:
 *
 *   content/middle-east/moscow-live/index.md:14: update: "2026-01-28 25:00" is not an ISO 8601 date (…)
 */
import type { Live, LiveUpdate } from "../model/article.ts";
import { isoWithOffset, parseDate, type Instant } from "../shared/dates.ts";
import type { Problem } from "../shared/errors.ts";
import { nearest } from "../source/schema-problems.ts";
import type { UpdateFact } from "./body-cache.ts";
import type { Frontmatter } from "./article-schema.ts";

const FLAGS = ["key", "pinned"] as const;

export interface LiveInputs {
  file: string;
  /** The line the body starts on, 1-based: update lines are relative to it. */
  bodyLine: number;
  zone: string;
  /** The line of a frontmatter field, for `live.ended`. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function liveStory(fm: Pick<Frontmatter, "live" | "date">, facts: readonly UpdateFact[], o: LiveInputs): { live: Live | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (fact: UpdateFact, message: string) => problems.push({ file: o.file, line: o.bodyLine + fact.line, field: "update", message });
  if (!fm.live) {
    for (const fact of facts) at(fact, "an update belongs in a live story: add `live:` with `status: live` to the frontmatter");
    return { live: undefined, problems };
  }
  const updates: LiveUpdate[] = [];
  const byTime = new Map<number, UpdateFact>();
  facts.forEach((fact, index) => {
    if (fact.unclosed) at(fact, "not closed: end the update with `:::` on a line of its own");
    // The time, then the flags. A time may be written with a space (`2026-01-28 14:32`), as dates may.
    const [, day, clock, rest] = /^(\S*)(?:\s+(\d{1,2}:\d{2}\S*))?(.*)$/s.exec(fact.spec)!;
    const written = clock ? `${day} ${clock}` : day;
    const flags = rest!.split(/\s+/).filter(Boolean);
    if (!written) return void at(fact, "needs its time: ::: update 2026-01-28T14:32:00+03:00");
    const time = parseDate(written, o.zone);
    if (typeof time === "string") return void at(fact, time);
    for (const flag of flags) {
      if (!(FLAGS as readonly string[]).includes(flag)) {
        const near = nearest(flag.toLowerCase(), FLAGS, 2);
        at(fact, `unknown flag "${flag}"${near ? ` (did you mean \`${near}\`?)` : ""}: an update may be marked \`key\` and \`pinned\``);
      }
    }
    if (time < fm.date) at(fact, `${isoWithOffset(time)} is before the story's \`date\` (${isoWithOffset(fm.date)})`);
    const same = byTime.get(time.toMillis());
    if (same) at(fact, `has the same time as the update on line ${o.bodyLine + same.line}: give each update its own minute`);
    byTime.set(time.toMillis(), fact);
    updates.push({ id: anchorOf(time), time, key: flags.includes("key"), pinned: flags.includes("pinned"), author: fact.author, headline: fact.headline, index });
  });
  const pinned = updates.filter((u) => u.pinned);
  for (const extra of pinned.slice(1)) at(facts[extra.index]!, `only one update can be pinned (the update on line ${o.bodyLine + facts[pinned[0]!.index]!.line} is)`);
  updates.sort((a, b) => b.time.toMillis() - a.time.toMillis());
  const newest = updates[0]?.time;
  if (fm.live.ended && newest && fm.live.ended < newest) {
    problems.push({ file: o.file, line: o.lineOf(["live", "ended"]), field: "live.ended", message: `is before the last update (${isoWithOffset(newest)})` });
  }
  return { live: { status: fm.live.status, ended: fm.live.ended, updates }, problems };
}

/** A stable anchor for an update: its time in UTC. */
function anchorOf(time: Instant): string {
  return `update-${time.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
}

/**
 * When a story last changed: a live story's newest update, when it is later than its publication and
 * its own `updated`; else `updated`. Feeds, sitemaps and structured data read it as `dateModified`.
 */
export function lastUpdate(date: Instant, updated: Instant | undefined, live: Live | undefined): Instant | undefined {
  const newest = live?.updates[0]?.time;
  return newest && newest > date && (!updated || newest > updated) ? newest : updated;
}
