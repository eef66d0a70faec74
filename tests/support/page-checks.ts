/**
 * What the browser tests check on a loaded page: axe-core's accessibility rules, and that nothing
 * makes the page wider than its viewport; `pageFailures` runs both with the page's load problems and
 * says every failure at once, and `failuresInSchemes` does so in light and dark on one load.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AxeResults, Result as AxeResult } from "axe-core";
import type { Page } from "playwright-core";
import type { ColorScheme, OpenedPage } from "./browser.ts";

// ---- axe-core ----------------------------------------------------------------------------------

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let axeUrl: Promise<string> | undefined;

/**
 * axe-core's script, served over HTTP by this process (127.0.0.1, a random port) and cacheable for
 * good: Chromium keeps a script it loaded from a URL compiled (its code cache), where a script added
 * as text is compiled again in every document, ~0.25 s of CPU a page against ~0.05 s on these
 * machines. The server does not keep the process alive.
 */
function axeScriptUrl(): Promise<string> {
  axeUrl ??= new Promise((resolve, reject) => {
    const main = createRequire(import.meta.url).resolve("axe-core");
    const body = readFileSync(path.join(path.dirname(main), "axe.min.js"));
    const server = createServer((_request, response) => {
      response.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "content-length": body.length,
        "cache-control": "public, max-age=31536000, immutable",
        connection: "close",
      });
      response.end(body);
    });
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`);
    });
  });
  return axeUrl;
}

/**
 * Runs axe-core on the page (JavaScript must be enabled), every rule of AXE_TAGS or only the
 * COLOUR_RULES, and returns its violations. axe is added to a document once, and kept for its
 * later runs.
 */
export async function runAxe(page: Page, only: "all" | "colour" = "all"): Promise<AxeResult[]> {
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.addScriptTag({ url: await axeScriptUrl() });
  const runOnly = only === "all" ? { type: "tag", values: AXE_TAGS } : { type: "rule", values: COLOUR_RULES };
  const results = await page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly, resultTypes: ["violations"] });
  }, runOnly);
  return results.violations;
}

/**
 * The rules of AXE_TAGS whose outcome depends on colours: text against its background, and a link
 * told from the text around it. The dark scheme sets colours and nothing else (assets/css/site.css
 * redefines only the colour variables under prefers-color-scheme), so a second scheme on a checked
 * page needs only these: a third of a full run's time.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Violations as readable text: rule, impact, what it means, then each offending element. */
export function formatViolations(violations: AxeResult[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const summary = (n.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
        return `    ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
      });
      return `  ${v.id} (${v.impact ?? "no impact"}): ${v.help}\n    ${v.helpUrl}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

// ---- overflow ----------------------------------------------------------------------------------

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** Elements that reach past the viewport's left or right edge, outside any clipping box, described as selectors. */
  offenders: string[];
}

/**
 * The in-page measurement, as plain JavaScript source: a function passed to `page.evaluate` would be
 * serialised from tsx's output, whose `__name(...)` helper calls do not exist in the page.
 */
const OVERFLOW_SCRIPT = `(() => {
  const root = document.documentElement;
  const clientWidth = root.clientWidth;
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) part += "#" + e.id;
      const classes = typeof e.className === "string" ? e.className.trim().split(/\\s+/).filter(Boolean) : [];
      if (classes.length) part += "." + classes.join(".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  };
  // An element inside a box that clips horizontally (other than the page itself) cannot widen the page.
  const clipped = (el) => {
    for (let e = el.parentElement; e && e !== document.body && e !== root; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const left = r.left + window.scrollX;
    const right = r.right + window.scrollX;
    if (right <= clientWidth + 0.5 && left >= -0.5) continue;
    if (clipped(el)) continue;
    const style = getComputedStyle(el);
    // Visually hidden text (clipped) does not widen anything.
    if (style.position === "absolute" && (style.clip !== "auto" || style.clipPath !== "none")) continue;
    offenders.push(describe(el) + " (left " + Math.round(left) + ", right " + Math.round(right) + ", viewport " + clientWidth + ")");
  }
  return { scrollWidth: root.scrollWidth, clientWidth, offenders };
})()`;

/** Measures whether anything makes the page wider than the viewport, and what. */
export async function measureOverflow(page: Page): Promise<Overflow> {
  return (await page.evaluate(OVERFLOW_SCRIPT)) as Overflow;
}

export function formatOverflow(o: Overflow): string {
  return `page is ${o.scrollWidth}px wide in a ${o.clientWidth}px viewport; reaching past the edge:\n${o.offenders
    .slice(0, 20)
    .map((s) => `  ${s}`)
    .join("\n")}${o.offenders.length > 20 ? `\n  … and ${o.offenders.length - 20} more` : ""}`;
}

// ---- all at once -------------------------------------------------------------------------------

export interface FailureChecks {
  /** Run axe-core (JavaScript must be enabled): every rule of AXE_TAGS (true, the default), only the COLOUR_RULES, or none. */
  axe?: boolean | "colour";
  /** The viewport's width: a page laid out wider than this fails. */
  viewportWidth?: number;
  /** Also compare the scrolling element's width with `innerWidth` (the scrollbar's side of overflow). */
  scrollingElement?: boolean;
  /** Include the page's load problems (console errors, failed requests); default true. */
  loadProblems?: boolean;
}

/**
 * Every way a loaded page fails the checks that every page must pass, one readable entry each: axe
 * violations, a page wider than its viewport (and what widens it), console errors, page errors and
 * failed requests. Empty when the page is clean.
 */
export async function pageFailures(opened: OpenedPage, o: FailureChecks = {}): Promise<string[]> {
  const failures: string[] = [];
  const axe = o.axe ?? true;
  if (axe) {
    const violations = await runAxe(opened.page, axe === "colour" ? "colour" : "all");
    if (violations.length) failures.push(`axe-core found ${violations.length} violated rule(s):\n${formatViolations(violations)}`);
  }
  const overflow = await measureOverflow(opened.page);
  // A page without `<meta name="viewport">` would be laid out 980 px wide on a phone.
  if (o.viewportWidth !== undefined && overflow.clientWidth > o.viewportWidth) failures.push(`laid out ${overflow.clientWidth} px wide in a ${o.viewportWidth} px viewport`);
  let wider = overflow.scrollWidth > overflow.clientWidth || overflow.offenders.length > 0;
  if (o.scrollingElement) {
    const scrollWidth = (await opened.page.evaluate("document.scrollingElement.scrollWidth")) as number;
    const innerWidth = (await opened.page.evaluate("innerWidth")) as number;
    wider = scrollWidth > innerWidth || wider;
  }
  if (wider) failures.push(formatOverflow(overflow));
  if (o.loadProblems !== false) failures.push(...loadFailures(opened));
  return failures;
}

/** The page's load problems so far as one failure, or none. */
function loadFailures(opened: OpenedPage): string[] {
  const problems = opened.problems();
  return problems.length ? [`loaded with problems:\n${problems.map((p) => `  ${p}`).join("\n")}`] : [];
}

/**
 * `pageFailures` in each colour scheme in turn, on one loaded page: the scheme is switched as a
 * reader's system switches it, by a media change without a reload, so that one load (and one set-up
 * of axe) serves both. axe runs every rule in the first scheme and the COLOUR_RULES in the others. `inScheme` runs after each scheme's checks (a screenshot, say). Each failure
 * names its scheme; the load problems, counted to the end, are said once.
 */
export async function failuresInSchemes(
  opened: OpenedPage,
  schemes: readonly ColorScheme[],
  o: Omit<FailureChecks, "loadProblems"> = {},
  inScheme?: (scheme: ColorScheme) => Promise<unknown>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, scheme] of schemes.entries()) {
    await opened.page.emulateMedia({ colorScheme: scheme });
    const axe = i === 0 ? o.axe : o.axe !== false && "colour";
    failures.push(...(await pageFailures(opened, { ...o, axe, loadProblems: false })).map((f) => `${scheme}: ${f}`));
    await inScheme?.(scheme);
  }
  failures.push(...loadFailures(opened));
  return failures;
}
