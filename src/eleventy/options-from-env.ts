/**
 * Build options from the environment, so CI can fix the clock without flags:
 * DATELINE_NOW=2026-01-28T12:00:00+03:00, DATELINE_DRAFTS=1, DATELINE_FUTURE=1, and DATELINE_SEARCH=0 to
 * skip the search index (the benchmark measures the build with and without it).
 */
import type { DatelineOptions } from "./plugin.ts";

export function buildOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<DatelineOptions> {
  const flag = (v: string | undefined) => (v === undefined || v === "" ? undefined : v !== "0" && v !== "false");
  const options: Partial<DatelineOptions> = {};
  if (env.DATELINE_NOW) options.now = env.DATELINE_NOW;
  const drafts = flag(env.DATELINE_DRAFTS);
  const future = flag(env.DATELINE_FUTURE);
  if (drafts !== undefined) options.drafts = drafts;
  if (future !== undefined) options.future = future;
  const search = flag(env.DATELINE_SEARCH);
  if (search !== undefined) options.search = search;
  return options;
}
