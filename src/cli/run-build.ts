/**
 * `npm run build`: builds content/ into _site/ and prints a short report, or every content problem
 * in the `file:line: field: message` format and exits 1, leaving the previous _site/ untouched.
 *
 *   npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configure } from "../../.eleventy.ts";
import { buildSite } from "../eleventy/production-build.ts";
import { findContentError, formatProblem } from "../shared/errors.ts";
import { faultLine } from "../shared/system-faults.ts";
import { FILE } from "../site/url-space.ts";
import { isoWithOffset } from "../shared/dates.ts";
import type { BuildReport, DatelineOptions } from "../eleventy/plugin.ts";

const { values } = parseArgs({
  options: {
    now: { type: "string" },
    drafts: { type: "boolean" },
    future: { type: "boolean" },
    output: { type: "string", default: "_site" },
  },
});

const overrides: Partial<DatelineOptions> = {};
// Progress on one rewritten line, only where someone is watching (a terminal, not CI logs).
if (process.stderr.isTTY) {
  overrides.onProgress = (step, done, total) => {
    process.stderr.write(`\r${step}: ${done}/${total}`);
    if (done === total) process.stderr.write("\n");
  };
}
if (values.now) overrides.now = values.now;
if (values.drafts) overrides.drafts = true;
if (values.future) overrides.future = true;
const shown = path.relative(process.cwd(), path.resolve(values.output)) || ".";

// From when the command started (src/cli/launch.ts), start-up included: the time an editor waited.
const startedAt = Number(process.env.DATELINE_STARTED_AT) || performance.timeOrigin;

try {
  const report = await buildSite({ root: process.cwd(), output: values.output, configure, overrides });
  console.log(summary(report, (Date.now() - startedAt) / 1000));
} catch (error) {
  process.exitCode = 1;
  const content = findContentError(error);
  if (content) {
    const n = content.problems.length;
    console.error(`Build stopped: ${n} problem${n === 1 ? "" : "s"} in content. ${shown}/ was left as it was.`);
    for (const p of content.problems) console.error(`  ${formatProblem(p)}`);
  } else {
    console.error(`Build stopped: ${faultLine(error, process.cwd())}`);
    // Said only of a site a build made: a refused folder was never touched, and says why itself.
    if (existsSync(path.resolve(values.output, FILE.outputMarker))) console.error(`${shown}/ was left as it was.`);
  }
}

function summary(report: BuildReport, seconds: number): string {
  const drafts = report.model.withheld.filter((w) => w.state === "draft").length;
  const embargoed = report.model.withheld.filter((w) => w.state === "embargoed");
  return [
    `Built ${shown}/ in ${seconds.toFixed(2)} s: ${report.pages} pages, ${report.model.articles.length} articles published`,
    `  drafts skipped: ${drafts}`,
    `  embargoed: ${embargoed.length}${embargoed.map((w) => `\n    ${w.article.sourcePath} until ${isoWithOffset(w.article.date)}`).join("")}`,
    `  articles: ${report.model.bodiesParsed} parsed, ${report.model.articles.length + report.model.withheld.length - report.model.bodiesParsed} reused from the cache`,
    `  pages: ${report.pagesRendered} rendered, ${report.pages - report.pagesRendered} reused from the cache`,
    `  images: ${report.imagesEncoded} encoded, ${report.imagesReused} reused from the cache`,
    `  search index: ${searchLine(report.search)}`,
  ].join("\n");
}

function searchLine(search: BuildReport["search"]): string {
  if (typeof search === "string") return search;
  const months = (n: number) => `${n} month${n === 1 ? "" : "s"}`;
  return `${search.pages} stories in ${months(search.months)}; ${search.made ? `${months(search.made)} indexed, ` : ""}${search.months - search.made} reused from the cache`;
}
