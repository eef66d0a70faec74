/**
 * The preview (`npm start`) speaks with one voice, Dateline's: its own line after each rebuild
 * ("[dateline] Built in 0.42 s: 1 story read, 27 of 4920 pages rendered") and content problems in
 * the `file:line: field: message` format of `npm run build`, other faults in its one line. Eleventy's own count of the files it
 * wrote is dropped (Dateline writes the pages itself, so Eleventy says "Wrote 0 files"); everything
 * else Eleventy says (the server's address, a file that changed, its own errors) is kept.
 */
import { findContentError, formatProblem } from "../shared/errors.ts";
import { faultLine } from "../shared/system-faults.ts";

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

/**
 * A rebuild that stopped, told as `npm run build` tells it: content problems in the
 * `file:line: field: message` format, any other fault (a full disk, a folder it may not write) in one
 * line naming the file and what to do. Stopped `before` any page was written, the browser keeps the
 * last good version; stopped `after`, while writing, pages or pictures may be missing.
 */
export function tellNotRebuilt(error: unknown, root: string, when: "before" | "after"): void {
  const content = findContentError(error);
  const kept = when === "before" ? "the preview shows the last good version until" : "the preview may be incomplete until";
  if (content) {
    const n = content.problems.length;
    // One write: Eleventy's own lines (on the other stream) never come between the problems.
    console.error(
      [`[dateline] Not rebuilt: ${n} problem${n === 1 ? "" : "s"} in content; ${kept} ${n === 1 ? "it is" : "they are"} fixed.`, ...content.problems.map((p) => `  ${formatProblem(p)}`)].join("\n"),
    );
  } else {
    console.error(`[dateline] Not rebuilt: ${faultLine(error, root)}`);
  }
}
