/**
 * The preview's one voice (src/eleventy/preview-voice.ts): a stopped rebuild told as `npm run build`
 * tells it (content problems in their format, any other fault in one line, and what the browser
 * shows meanwhile), and Eleventy's count of files it wrote dropped, the rest of what it says kept.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ContentError } from "../../src/shared/errors.ts";
import { quietEleventy, tellNotRebuilt } from "../../src/eleventy/preview-voice.ts";

/** What `run` printed to the console's error stream, line by line. */
function errorLines(run: () => void): string[] {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...text: unknown[]) => void lines.push(...text.map(String).join(" ").split("\n"));
  try {
    run();
  } finally {
    console.error = original;
  }
  return lines;
}

const problem = { file: "content/world/x.md", line: 3, field: "title", message: "required" };

test("content problems: counted, in build's format, with what the browser shows before and after pages were written; in one write", () => {
  let writes = 0;
  const original = console.error;
  console.error = () => void writes++;
  try {
    tellNotRebuilt(new ContentError([problem, problem]), "/site", "before");
  } finally {
    console.error = original;
  }
  // Eleventy writes its own lines meanwhile (on the other stream): the problems must stay together.
  assert.equal(writes, 1);
  assert.deepEqual(errorLines(() => tellNotRebuilt(new ContentError([problem]), "/site", "before")), [
    "[dateline] Not rebuilt: 1 problem in content; the preview shows the last good version until it is fixed.",
    "  content/world/x.md:3: title: required",
  ]);
  const wrapped = new Error("Problem writing Eleventy templates", { cause: new ContentError([problem, { ...problem, line: 4, field: "summary" }]) });
  assert.deepEqual(errorLines(() => tellNotRebuilt(wrapped, "/site", "after")), [
    "[dateline] Not rebuilt: 2 problems in content; the preview may be incomplete until they are fixed.",
    "  content/world/x.md:3: title: required",
    "  content/world/x.md:4: summary: required",
  ]);
});

test("any other fault: one line naming the file and what to do, no stack", () => {
  const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", path: "/site/_site/index.html" });
  const lines = errorLines(() => tellNotRebuilt(full, "/site", "after"));
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^\[dateline\] Not rebuilt: _site\/index\.html: the disk is full; free some space and build again$/);
});

test("Eleventy's 'Wrote N files' is dropped; its other lines pass", () => {
  const seen: string[] = [];
  let installed: Pick<Console, "log" | "info" | "warn" | "error"> | undefined;
  const original = console.log;
  // Replaced first: the filter passes lines on to the console's methods as they are when it is installed.
  console.log = (...text: unknown[]) => void seen.push(text.map(String).join(" "));
  try {
    quietEleventy({ overrideLogger: (logger) => void (installed = logger) });
    installed!.log("[11ty] Wrote 0 files in 0.31 seconds (v3.1.8)");
    installed!.log("\u001b[90m[11ty] Copied 3 Wrote 127 files in 1.2 seconds\u001b[39m");
    installed!.log("[11ty] Server at http://localhost:8080/");
  } finally {
    console.log = original;
  }
  assert.deepEqual(seen, ["[11ty] Server at http://localhost:8080/"]);
});
