/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * pages that record every console error, page error and failed request, and screenshots into
 * $DATELINE_SHOTS for a person to look at. What is checked on a loaded page (axe-core, overflow)
 * is in page-checks.ts.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before } from "node:test";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page, type Request, type Response } from "playwright-core";

/** Debian's Chromium; `DATELINE_CHROMIUM` points elsewhere (e.g. to try the missing-browser path). */
export const CHROMIUM_PATH = process.env.DATELINE_CHROMIUM || "/usr/bin/chromium";

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Tabs of one browser context share a renderer process instead of starting one each: a new
  // renderer starts cold and compiles axe-core and the page's scripts again, and the browser test
  // files open forty-odd tabs. Each tab keeps its own page and JavaScript; only the process is
  // shared, as Chromium does anyway when memory is short. The browser-test files took about a
  // quarter less CPU with it (tests/browser/pages.test.ts: 36–39 s against 46–52 s, Chromium's included).
  "--renderer-process-limit=1",
];

/** CI sets CI=true; there a missing browser is a failure, never a skip. */
export const IN_CI = !!process.env.CI && !/^(0|false|no)$/i.test(process.env.CI);

/**
 * Why the browser tests must be skipped, or undefined when they run. On a machine without Chromium
 * they skip, unless CI is set: then they run and fail at launch.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || IN_CI) return undefined;
  return `no Chromium at ${CHROMIUM_PATH}: browser tests skipped (install it with \`sudo apt-get install chromium\`; with CI set they fail instead)`;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}, and CI is set, so the browser tests must run: install it with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  const shared = sharedChromium();
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
}

/**
 * In a run of the suite (tests/run.ts), one Chromium serves every browser test file: each file
 * connects to it and works in browser contexts of its own (closed when it disconnects), instead of
 * starting a browser, its GPU process and network service, about 2 s of CPU a file. The variable
 * holds the executable and the server's address; a file that asks for another executable (through
 * DATELINE_CHROMIUM) launches its own.
 */
export const SHARED_CHROMIUM = "DATELINE_TEST_CHROMIUM";

function sharedChromium(): string | undefined {
  const value = process.env[SHARED_CHROMIUM];
  if (!value) return undefined;
  const { executablePath, wsEndpoint } = JSON.parse(value) as { executablePath: string; wsEndpoint: string };
  return executablePath === CHROMIUM_PATH ? wsEndpoint : undefined;
}

/**
 * Starts the Chromium a run's browser test files share, and gives the value for SHARED_CHROMIUM and
 * a close; undefined when there is no Chromium at CHROMIUM_PATH (each file then skips, or fails at
 * its own launch, as it would alone).
 */
export async function startSharedChromium(): Promise<{ value: string; close: () => Promise<void> } | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
  return { value: JSON.stringify({ executablePath: CHROMIUM_PATH, wsEndpoint: server.wsEndpoint() }), close: () => server.close() };
}

export type ColorScheme = "light" | "dark";

export interface ViewOptions {
  /** Viewport width in CSS px; 480 or less is emulated as a phone (isMobile, hasTouch). */
  width: number;
  colorScheme?: ColorScheme;
  javaScriptEnabled?: boolean;
}

export interface OpenOptions extends ViewOptions {
  /** The status the document itself is expected to have (default 200); e.g. 404 for the not-found page. */
  expectStatus?: number;
  /**
   * Open the page in the browser context of this width instead of a context of its own, its viewport
   * set to `width` before it loads anything. Only between widths whose contexts differ in nothing but
   * the viewport (both phones, or both not): the page is emulated exactly as in its own context.
   */
  contextWidth?: number;
}

export interface OpenedPage {
  page: Page;
  /** The document's response. */
  response: Response | null;
  /** Every console error, page error and failed request so far, one readable line each. */
  problems(): string[];
  close(): Promise<void>;
}

const MOBILE_MAX_WIDTH = 480;

function contextOptions(o: ViewOptions): BrowserContextOptions {
  const mobile = o.width <= MOBILE_MAX_WIDTH;
  return {
    viewport: { width: o.width, height: mobile ? 844 : 900 },
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
    colorScheme: o.colorScheme ?? "light",
    javaScriptEnabled: o.javaScriptEnabled ?? true,
    reducedMotion: "reduce",
  };
}

/**
 * Scrolls through the page a viewport at a time, so lazy images start loading, waits (up to 5 s) for
 * every laid-out image to load or fail, and scrolls back to the top. Plain JavaScript source: a
 * function handed to `page.evaluate` would carry tsx's `__name(...)` calls, undefined in the page.
 */
const SETTLE_SCRIPT = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const step = Math.max(200, window.innerHeight);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await frame();
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  await frame();
  const pending = Array.from(document.images).filter((img) => !img.complete && img.getClientRects().length > 0);
  const settled = pending.map((img) => new Promise((resolve) => {
    img.addEventListener("load", resolve, { once: true });
    img.addEventListener("error", resolve, { once: true });
  }));
  await Promise.race([Promise.all(settled), new Promise((resolve) => setTimeout(resolve, 5000))]);
  window.scrollTo(0, 0);
  await frame();
})()`;

/**
 * One browser per test file (in a run of the suite, a connection to the run's shared one); a browser
 * context per distinct view (width, colour scheme, JS), reused by every page opened with the same view; and within a context, a closed page is kept and the next
 * one opened there navigates it. A tab that stays open keeps its renderer process, whose scripts are
 * compiled and warm: setting up axe-core and running it there took half the time it took in a new
 * tab (~0.3 s and ~0.2 s against ~0.65 s and ~0.45 s on these machines).
 */
export class Browsing {
  readonly #contexts = new Map<string, Promise<BrowserContext>>();
  /** Pages closed by their tests, ready to be navigated again, by their context's key. */
  readonly #idle = new Map<string, Page[]>();
  private constructor(readonly browser: Browser) {}

  static async start(): Promise<Browsing> {
    return new Browsing(await launchBrowser());
  }

  context(o: ViewOptions): Promise<BrowserContext> {
    const key = contextKey(o);
    let context = this.#contexts.get(key);
    if (!context) {
      context = this.browser.newContext(contextOptions(o));
      this.#contexts.set(key, context);
    }
    return context;
  }

  /**
   * Opens `url` in a page of the view's context (a kept one, or a new one), in the view's colour
   * scheme, recording problems from before the first request.
   */
  async openPage(url: string, o: OpenOptions): Promise<OpenedPage> {
    const host = sharedContextView(o);
    const key = contextKey(host);
    const page = this.#idle.get(key)?.pop() ?? (await (await this.context(host)).newPage());
    // A page of a shared context may have been set to another of the widths that share it.
    const { viewport } = contextOptions(o);
    const size = page.viewportSize();
    if (viewport && (size?.width !== viewport.width || size.height !== viewport.height)) await page.setViewportSize(viewport);
    // A kept page may have been switched to the other scheme (page-checks.ts, failuresInSchemes).
    await page.emulateMedia({ colorScheme: o.colorScheme ?? "light" });
    const { problems, stop } = recordProblems(page, url, o.expectStatus ?? 200);
    const response = await page.goto(url, { waitUntil: "load" });
    // Lazy images below the fold load only when scrolled to: scroll through so every one is requested
    // (and checked). With JavaScript off, Chromium loads every image eagerly anyway.
    if (o.javaScriptEnabled !== false) await page.evaluate(SETTLE_SCRIPT);
    if (response && response.status() !== (o.expectStatus ?? 200)) {
      problems.push(`document ${url}: status ${response.status()}, expected ${o.expectStatus ?? 200}`);
    }
    const close = async () => {
      stop();
      if (page.isClosed()) return;
      // Left on a blank page, so that nothing of this test's page runs on while it waits.
      await page.goto("about:blank");
      this.#idle.set(key, [...(this.#idle.get(key) ?? []), page]);
    };
    return { page, response, problems: () => [...problems], close };
  }

  /** Opens `url`, runs `body` on it, then fails the test if the page had any problem; always closes it. */
  async visit(url: string, o: OpenOptions, body: (opened: OpenedPage) => Promise<void>): Promise<void> {
    const opened = await this.openPage(url, o);
    try {
      await body(opened);
      assert.deepEqual(opened.problems(), [], url);
    } finally {
      await opened.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

const contextKey = (o: ViewOptions) => JSON.stringify(contextOptions(o));

/** The view whose context a page opened with `o` is in: `o`'s own, or the one of `o.contextWidth`. */
function sharedContextView(o: OpenOptions): ViewOptions {
  if (o.contextWidth === undefined) return o;
  const host: ViewOptions = { width: o.contextWidth, colorScheme: o.colorScheme, javaScriptEnabled: o.javaScriptEnabled };
  const emulation = (v: ViewOptions) => JSON.stringify({ ...contextOptions(v), viewport: undefined });
  if (emulation(host) !== emulation(o)) {
    throw new Error(`a ${o.width} px view is emulated otherwise than a ${o.contextWidth} px one, so it cannot share its context`);
  }
  return host;
}

/**
 * Collects console errors, uncaught page errors, failed requests and responses of 400 or more, until
 * `stop`. The document at `documentUrl` may have `expectStatus` (and Chromium's console line about it
 * is expected).
 */
export function recordProblems(page: Page, documentUrl: string, expectStatus: number): { problems: string[]; stop: () => void } {
  const problems: string[] = [];
  const expected = (url: string, status: number) => sameUrl(url, documentUrl) && status === expectStatus;
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    // Chromium echoes every 4xx/5xx response to the console; the expected one is not a problem.
    if (/^Failed to load resource: the server responded with a status of (\d+)/.test(message.text()) && expected(where, expectStatus)) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ""}`);
  };
  const onPageError = (error: Error) => problems.push(`page error: ${error.stack ?? error.message}`);
  const onRequestFailed = (request: Request) => {
    const error = request.failure()?.errorText ?? "unknown error";
    // A navigation (a submitted search, say) cancels what the page it leaves was still loading, such
    // as its icon: that is the browser's doing, not the site's. A missing file is a 404 response below.
    if (error === "net::ERR_ABORTED" && request.resourceType() !== "document") return;
    problems.push(`request failed: ${request.method()} ${request.url()}: ${error}`);
  };
  const onResponse = (response: Response) => {
    const status = response.status();
    if (status >= 400 && !expected(response.url(), status)) {
      problems.push(`response ${status}: ${response.request().method()} ${response.url()}`);
    }
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onRequestFailed);
  page.on("response", onResponse);
  const stop = () => {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("requestfailed", onRequestFailed);
    page.off("response", onResponse);
  };
  return { problems, stop };
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/**
 * Chromium for the tests of one describe block (call it inside the block, before its other hooks,
 * which may then use it: a block's hooks run in turn, where Node 20 starts a file's top-level ones
 * together): started in a before hook, so that with CI set a missing browser fails there at once,
 * and closed after the block's last test. Its pages and contexts are the started Browsing's.
 */
export function useBrowsing(): Pick<Browsing, "openPage" | "visit" | "context"> {
  let browsing: Browsing | undefined;
  before(async () => {
    browsing = await Browsing.start();
  });
  after(async () => {
    await browsing?.close();
  });
  const started = (): Browsing => {
    if (!browsing) throw new Error("Chromium is started in a before hook: open pages in tests or later hooks");
    return browsing;
  };
  return {
    openPage: (url, o) => started().openPage(url, o),
    visit: (url, o, body) => started().visit(url, o, body),
    context: (o) => started().context(o),
  };
}

// ---- screenshots -------------------------------------------------------------------------------

/** Where screenshots go: `DATELINE_SHOTS`, or nowhere. */
export const SHOTS_DIR = process.env.DATELINE_SHOTS || undefined;

/**
 * Writes a full-page PNG `<name>.png` into $DATELINE_SHOTS when it is set; returns the file or
 * undefined. Take it after reading a page's problems: a full-page capture briefly relays the page
 * out, and Chromium may start (and abort) requests for other image sizes meanwhile.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (!SHOTS_DIR) return undefined;
  await mkdir(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  return file;
}
