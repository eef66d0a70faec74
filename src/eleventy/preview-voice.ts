/**
 * The preview (`npm start`) speaks with one voice, Dateline's: its own line after each rebuild
 * ("[dateline] Built in 0.42 s: 1 story read, 27 of 4920 pages rendered") and content problems in
 * the `file:line: field: message` format of `npm run build`. Eleventy's own count of the files it
 * wrote is dropped (Dateline writes the pages itself, so Eleventy says "Wrote 0 files"); everything
 * else Eleventy says (the server's address, a file that changed, its own errors) is kept.
 */
import { formatProblem, type ContentError } from "../shared/errors.ts";

/** Eleventy's logger, as much of it as this module uses (`eleventyConfig.logger`). */
export interface EleventyLogger {
  overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void;
}

// Eleventy's "[11ty] Wrote 0 files in 0.31 seconds (v3.1.8)" and "[11ty] Copied 3 Wrote 127 files in …".
const WROTE_FILES = /\[11ty\] (?:Copied \d+ (?:files? )?)?Wrote \d+ files?/;
// eslint-disable-next-line no-control-regex -- Eleventy colours its lines.
const COLOURS = /\u001b\[[0-9;]*m/g;

/** Installs the filter on Eleventy's logger. */
export function quietEleventy(logger: EleventyLogger | undefined): void {
  const pass =
    (write: (...text: unknown[]) => void) =>
    (...text: unknown[]) => {
      if (!WROTE_FILES.test(text.map(String).join(" ").replace(COLOURS, ""))) write(...text);
    };
  logger?.overrideLogger({ log: pass(console.log), info: pass(console.info), warn: pass(console.warn), error: pass(console.error) });
}

/** A rebuild stopped by content problems, told as `npm run build` tells them; the browser keeps the last good version. */
export function tellContentProblems(error: ContentError): void {
  const n = error.problems.length;
  console.error(`[dateline] Not rebuilt: ${n} problem${n === 1 ? "" : "s"} in content; the preview shows the last good version until ${n === 1 ? "it is" : "they are"} fixed.`);
  for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
}
