/**
 * The repo's own sample site (content/) in its three editions, English at /, Sorani Kurdish at /ckb/
 * and Arabic at /ar/, as the editions tests build it: with a fixed clock (so the news sitemaps exist)
 * and the search index, into a temporary folder, read page by page and served over HTTP. The files
 * that only read it share one build (tests/support/shared-site.ts); one that needs the build's report
 * builds its own. `buildEditionsSite()` registers the file's before and after hooks; the bindings
 * below hold the build once they have run.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { configure } from "../../.eleventy.ts";
import { buildSite } from "../../src/eleventy/production-build.ts";
import type { BuildReport } from "../../src/eleventy/plugin.ts";
import { REPO } from "../../src/shared/repo.ts";
import { readPages, type HtmlPage } from "./html-pages.ts";
import { removeSiteFolder, sharedSite, type SiteNote } from "./shared-site.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/** A day after the Moscow stories (28 January): each edition has a news sitemap. */
export const NOW = "2026-01-29T12:00:00+03:00";

export interface EditionCase {
  code: string;
  /** The edition's top folder in the output ("" for the default edition at the root). */
  folder: string;
  dir: "ltr" | "rtl";
}
export const EDITIONS: EditionCase[] = [
  { code: "en", folder: "", dir: "ltr" },
  { code: "ckb", folder: "ckb", dir: "rtl" },
  { code: "ar", folder: "ar", dir: "rtl" },
];
export const editionOfPath = (p: string): EditionCase => EDITIONS.find((e) => e.folder && p.split("/")[1] === e.folder) ?? EDITIONS[0]!;

/** The Moscow story in three languages (one translationKey), by its decoded URL path. */
export const MOSCOW = {
  en: "/middle-east/al-sharaa-moscow-putin/",
  ckb: "/ckb/middle-east/شەرع-لە-مۆسکۆ-لەگەڵ-پوتین-کۆبووەوە/",
  ar: "/ar/middle-east/الشرع-يلتقي-بوتين-في-موسكو/",
};
export const MOSCOW_HEADLINE = {
  en: "Syria’s al-Sharaa meets Putin in Moscow as Russian forces quit Qamishlo",
  ckb: "شەرع لە مۆسکۆ لەگەڵ پوتین کۆبووەوە",
  ar: "الشرع يلتقي بوتين في موسكو",
};
/** In English and Sorani only. */
export const SNOW = {
  en: "/kurdistan/snow-closes-mountain-roads/",
  ckb: "/ckb/kurdistan/بەفری-قورس-ڕێگا-شاخاوییەکانی-هەولێر-و-دهۆکی-داخست/",
};
/** Tartus in Arabic: in the Arabic Moscow story only (Sorani writes تەرتووس). */
export const TARTUS_AR = "طرطوس";
export const TARTUS_CKB = "تەرتووس";

/** The percent-encoded form of a decoded path, as hrefs carry it. */
export const encoded = (p: string) => new URL(p, "http://x").pathname;

/** The shared build's note: its folder, its output and the site's address. */
interface EditionsNote extends SiteNote {
  output: string;
  url: string;
}

export let site: string;
/** The build's report: only in a file that asked for it (`buildEditionsSite({ report: true })`). */
export let report: BuildReport;
/** The site's absolute URL ("https://news.example.org/"). */
export let SITE: string;
export let pages: Map<string, HtmlPage>;
/** The built site over HTTP, for the link check and Chromium. */
export let server: StaticServer;

/**
 * Builds the sample site before the file's first test, and serves it; removes it after the last.
 * It is the file's one top-level before hook (Node 20 starts those together): a describe block's
 * hooks and tests run after it.
 */
export function buildEditionsSite(o: { report?: boolean } = {}): void {
  let release: (() => Promise<void>) | undefined;
  before(async () => {
    let note: EditionsNote;
    if (o.report) {
      ({ note, report } = await makeEditionsSite());
      release = () => removeSiteFolder(note.dir);
    } else {
      ({ site: note, release } = await sharedSite("editions", async () => (await makeEditionsSite()).note));
    }
    site = note.output;
    SITE = note.url;
    assert.equal(new URL(SITE).pathname, "/", "these tests expect the sample site at the root of its host (is DATELINE_URL set?)");
    pages = await readPages(site);
    server = await serveStatic(site);
  });
  after(async () => {
    await server?.close();
    await release?.();
  });
}

/**
 * Waits for the shared sample build (making it, if this file asks first), after which the
 * repository's store holds the sample's encoded pictures, for a file that builds a copy of the
 * sample to take them (tests/support/copy-pictures.ts) rather than encode them again in a clean
 * clone. Gives the release to call after the file's last test.
 */
export async function sampleBuilt(): Promise<() => Promise<void>> {
  const { release } = await sharedSite("editions", async () => (await makeEditionsSite()).note);
  return release;
}

/** The sample site as `npm run build` builds it (its image cache included), but into a temporary folder. */
async function makeEditionsSite(): Promise<{ note: EditionsNote; report: BuildReport }> {
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-editions-"));
  const output = path.join(dir, "_site");
  const built = await buildSite({ root: REPO, output, configure, overrides: { now: NOW, search: true } });
  return { note: { dir, output, url: built.model.site.url }, report: built };
}

// ---- reading the output --------------------------------------------------------------------------

/** The output file a URL (absolute, or a path) is served from; undefined for another host. */
export function fileOfUrl(url: string): string | undefined {
  const u = new URL(url, SITE);
  if (u.origin !== new URL(SITE).origin) return undefined;
  const p = decodeURIComponent(u.pathname);
  return (p.endsWith("/") ? `${p}index.html` : p).slice(1);
}
export const pathOfUrl = (url: string) => decodeURIComponent(new URL(url, SITE).pathname);

export const page = (p: string): HtmlPage => {
  const found = pages.get(p);
  assert.ok(found, `the build wrote a page at ${p}`);
  return found;
};
export const file = (f: string) => readFileSync(path.join(site, f), "utf8");
/** Every file of the output whose name is `name`, relative to the output. */
export async function filesNamed(name: RegExp): Promise<string[]> {
  return (await readdir(site, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => name.test(path.posix.basename(f)) && !f.startsWith("pagefind/"))
    .sort();
}
export const decodeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
export const sortedEntries = (m: Map<string, string>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
export const problemList = (problems: string[], what: string) =>
  `${problems.length} ${what}:\n${problems.slice(0, 40).map((p) => `  ${p}`).join("\n")}${problems.length > 40 ? `\n  … and ${problems.length - 40} more` : ""}`;
