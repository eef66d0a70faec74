/**
 * `npm run build`: builds the site into a staging folder beside `_site/` and swaps it in only when
 * the whole build succeeded, so a broken article never leaves a half-written site: on any error the
 * previous `_site/` stays exactly as it was.
 *
 *   npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { configure } from "../../.eleventy.ts";
import { findContentError, formatProblem } from "../errors.ts";
import type { BuildReport, DatelineOptions, EleventyConfig } from "../plugin.ts";

const { values } = parseArgs({
  options: {
    now: { type: "string" },
    drafts: { type: "boolean" },
    future: { type: "boolean" },
    output: { type: "string", default: "_site" },
    quiet: { type: "boolean", default: false },
  },
});

const started = performance.now();
const output = path.resolve(values.output);
const staging = `${output}.staging-${process.pid}`;
let report: BuildReport | undefined;
const overrides: Partial<DatelineOptions> = { onBuilt: (r) => (report = r) };
if (values.now) overrides.now = values.now;
if (values.drafts) overrides.drafts = true;
if (values.future) overrides.future = true;

try {
  const eleventy = new Eleventy("content", staging, {
    configPath: false,
    quietMode: true,
    config: (c: EleventyConfig) => configure(c, overrides),
  });
  await eleventy.init();
  // Eleventy prints build errors itself; ours are printed below in the one Dateline format.
  eleventy.logger = silentLogger();
  await eleventy.write();
  await swapIn(staging, output);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  const content = findContentError(error);
  if (content) {
    console.error(`Build stopped: ${content.problems.length} problem${content.problems.length === 1 ? "" : "s"} in content. ${path.relative(process.cwd(), output) || "."}/ was left as it was.`);
    for (const p of content.problems) console.error(`  ${formatProblem(p)}`);
  } else {
    console.error("Build failed:", error);
  }
  process.exit(1);
}

if (!values.quiet && report) {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const drafts = report.model.withheld.filter((w) => w.state === "draft").length;
  const embargoed = report.model.withheld.filter((w) => w.state === "embargoed");
  console.log(
    [
      `Built ${path.relative(process.cwd(), output) || "."}/ in ${seconds} s: ${report.pages} pages, ${report.model.articles.length} articles published`,
      `  drafts skipped: ${drafts}`,
      `  embargoed: ${embargoed.length}${embargoed.map((w) => `\n    ${w.article.sourcePath} until ${w.article.date.toISO()}`).join("")}`,
      `  images: ${report.imagesEncoded} encoded, ${report.imagesReused} reused from the cache`,
    ].join("\n"),
  );
}

/** Replaces `output` with `staging` in two renames; the old site is removed only after the swap. */
async function swapIn(from: string, to: string): Promise<void> {
  const old = `${to}.old-${process.pid}`;
  try {
    await rename(to, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}

function silentLogger() {
  const quiet = () => undefined;
  return { log: quiet, info: quiet, warn: quiet, error: quiet, message: quiet, forceLog: quiet, closeStream: quiet, logWithOptions: quiet, isVerbose: false };
}
