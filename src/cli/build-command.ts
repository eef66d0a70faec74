/**
 * `npm run build`: builds content/ into _site/ and prints a short report, or every content problem
 * in the `file:line: field: message` format and exits 1, leaving the previous _site/ untouched.
 *
 *   npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]
 *
 * Options also come from the environment (src/eleventy/options-from-env.ts); a flag wins. Exit 2 for
 * wrong usage. The command runs in the child process src/cli/run-build.ts.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configure } from "../../.eleventy.ts";
import { buildSite } from "../eleventy/production-build.ts";
import { findContentError, formatNotice, formatProblem } from "../shared/errors.ts";
import { faultLine } from "../shared/system-faults.ts";
import { FILE } from "../site/url-space.ts";
import { isoWithOffset } from "../shared/dates.ts";
import { WORK_KINDS } from "../shared/work-clock.ts";
import type { BuildReport, DatelineOptions } from "../eleventy/plugin.ts";
import { buildOptionsFromEnv } from "../eleventy/options-from-env.ts";
import type { CommandIo } from "./command-io.ts";

const USAGE = "Usage: npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]";

/** `npm run build` with `argv` in `io.cwd`: the report or the problems go to `io`; resolves to the exit code. */
export async function buildCommand(argv: string[], io: CommandIo & { isTTY?: boolean }): Promise<number> {
  let values: { now?: string | undefined; drafts?: boolean | undefined; future?: boolean | undefined; output: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        now: { type: "string" },
        drafts: { type: "boolean" },
        future: { type: "boolean" },
        output: { type: "string", default: "_site" },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }

  const overrides: Partial<DatelineOptions> = { ...buildOptionsFromEnv(io.env), env: io.env };
  // Progress on one rewritten line, only where someone is watching (a terminal, not CI logs).
  if (io.isTTY) {
    overrides.onProgress = (step, done, total) => {
      io.stderr(`\r${step}: ${done}/${total}`);
      if (done === total) io.stderr("\n");
    };
  }
  if (values.now) overrides.now = values.now;
  if (values.drafts) overrides.drafts = true;
  if (values.future) overrides.future = true;
  const shown = path.relative(io.cwd, path.resolve(io.cwd, values.output)) || ".";

  // From when the command started (src/cli/launch.ts), start-up included: the time an editor waited.
  const startedAt = Number(io.env.DATELINE_STARTED_AT) || performance.timeOrigin;

  try {
    const report = await buildSite({ root: io.cwd, output: values.output, configure, overrides });
    io.stdout(`${summary(report, shown, startedAt, Date.now())}\n`);
    return 0;
  } catch (error) {
    const content = findContentError(error);
    if (content) {
      const n = content.problems.length;
      io.stderr(`Build stopped: ${n} problem${n === 1 ? "" : "s"} in content. ${shown}/ was left as it was.\n`);
      for (const p of content.problems) io.stderr(`  ${formatProblem(p)}\n`);
    } else {
      io.stderr(`Build stopped: ${faultLine(error, io.cwd, io.env)}\n`);
      // Said only of a site a build made: a refused folder was never touched, and says why itself.
      if (existsSync(path.resolve(io.cwd, values.output, FILE.outputMarker))) io.stderr(`${shown}/ was left as it was.\n`);
    }
    return 1;
  }
}

function summary(report: BuildReport, shown: string, startedAt: number, endedAt: number): string {
  const seconds = (endedAt - startedAt) / 1000;
  const stepsEnd = report.startedAt + report.steps.reduce((sum, step) => sum + step.seconds * 1000, 0);
  // Before the build's first hook: Node, the launcher and the packages loading; after its last step: the swap.
  const steps = [{ name: "start-up", seconds: (report.startedAt - startedAt) / 1000 }, ...report.steps, { name: "output", seconds: (endedAt - stepsEnd) / 1000 }];
  const drafts = report.model.withheld.filter((w) => w.state === "draft").length;
  const embargoed = report.model.withheld.filter((w) => w.state === "embargoed");
  return [
    `Built ${shown}/ in ${seconds.toFixed(2)} s: ${report.pages} pages, ${report.model.articles.length} articles published`,
    `  drafts skipped: ${drafts}`,
    `  embargoed: ${embargoed.length}${embargoed.map((w) => `\n    ${w.article.sourcePath} until ${isoWithOffset(w.article.date)}`).join("")}`,
    // The desk's files: a stale front-page story, an embargoed lead, when the breaking bar comes down.
    ...(report.model.notices.length ? [`  front page and breaking news:${report.model.notices.map((n) => `\n    ${formatNotice(n)}`).join("")}`] : []),
    `  articles: ${report.model.bodiesParsed} parsed, ${report.model.articles.length + report.model.withheld.length - report.model.bodiesParsed} reused from the cache`,
    `  pages: ${report.pagesRendered} rendered, ${report.pages - report.pagesRendered} reused from the cache`,
    `  images: ${report.imagesEncoded} encoded, ${report.imagesReused} reused from the cache`,
    `  share cards: ${report.cardsDrawn} drawn, ${report.cardsReused} reused from the cache`,
    `  search index: ${searchLine(report.search)}`,
    `  time: ${steps.map((step) => `${step.name} ${Math.max(0, step.seconds).toFixed(2)} s`).join(", ")}`,
    `  work: ${workLine(report)}`,
  ].join("\n");
}

/** The work line: this process's time by kind of work, then Pagefind's, which runs alongside in its own process. */
export function workLine(report: Pick<BuildReport, "work" | "search">): string {
  const kinds = WORK_KINDS.map((kind) => `${kind} ${report.work[kind].toFixed(2)} s`).join(", ");
  const index = typeof report.search === "string" || !report.search.made ? "" : `; index ${report.search.seconds.toFixed(2)} s alongside (Pagefind)`;
  return `${kinds}${index}`;
}

function searchLine(search: BuildReport["search"]): string {
  if (typeof search === "string") return search;
  const months = (n: number) => `${n} month${n === 1 ? "" : "s"}`;
  return `${search.pages} stories in ${months(search.months)}; ${search.made ? `${months(search.made)} indexed, ` : ""}${search.months - search.made} reused from the cache`;
}
