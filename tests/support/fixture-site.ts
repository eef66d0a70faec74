/**
 * A throwaway copy of tests/fixtures/site with its images drawn by sharp, so each test can break
 * the content freely. Images are small (encoding AVIF is the slow part of a build), and in a run of
 * the whole suite a fixture site's first build starts with them already encoded (`seedPictures`).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { BuildReport, DatelineOptions } from "../../src/eleventy/plugin.ts";
import { REPO } from "../../src/shared/repo.ts";
import { copyPictures } from "./copy-pictures.ts";
import { SHARED_FOLDER, sharedSite } from "./shared-site.ts";

export { REPO };
export const FIXTURES = path.join(REPO, "tests/fixtures");
/** The fixed build time of the fixture site: after every article but the embargoed one. */
export const FIXTURE_NOW = "2026-01-30T12:00:00+03:00";

export async function makeFixtureSite(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "dateline-site-"));
  await resetContent(root);
  return root;
}

/** (Re)places the fixture's content/ in `root`, images included. */
export async function resetContent(root: string): Promise<void> {
  await rm(path.join(root, "content"), { recursive: true, force: true });
  await cp(path.join(FIXTURES, "site"), root, { recursive: true });
  const story = path.join(root, "content/news/full-story");
  await jpeg(path.join(story, "hero.jpg"), 960, 540, "#2a6f97");
  await jpeg(path.join(story, "convoy.jpg"), 640, 400, "#a44a3f");
  await jpeg(path.join(root, "content/_data/dilan.jpg"), 200, 200, "#557755");
}

export async function removeSite(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

export async function jpeg(file: string, width: number, height: number, color: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#eee"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="${color}"/></svg>`;
  await writeFile(file, await sharp(Buffer.from(svg)).jpeg({ quality: 60 }).toBuffer());
}

/**
 * Builds a fixture site the way `npm run build` does, with the fixed clock and the repo's stylesheet.
 * `coldCache`: the first build encodes every picture itself (otherwise, in a run of the whole suite,
 * it starts with the fixture's pictures encoded: see `seedPictures`).
 */
export async function buildFixture(root: string, overrides: Partial<DatelineOptions> & { coldCache?: boolean } = {}, output = "_site"): Promise<BuildReport> {
  const { coldCache, ...options } = overrides;
  if (!coldCache) await seedPictures(root);
  return build(root, options, output);
}

async function build(root: string, overrides: Partial<DatelineOptions>, output: string): Promise<BuildReport> {
  // Loaded here, not at the top: importing Eleventy takes ~2 s, and most files that import this
  // module for its paths or its pictures never build.
  const [{ configure }, { buildSite }] = await Promise.all([import("../../.eleventy.ts"), import("../../src/eleventy/production-build.ts")]);
  return buildSite({
    root,
    output,
    configure,
    overrides: { now: FIXTURE_NOW, assetsDir: path.join(REPO, "assets"), ...overrides },
  });
}

/**
 * Before a fixture site's first build in a run of the whole suite: the encoded pictures of a fixture
 * site built once for the run (tests/support/shared-site.ts), copied into this site's store
 * (tests/support/copy-pictures.ts). The fixture's drawings are the same bytes in every copy, so
 * their variants are too, and about twenty encodings per build (most of a fixture build's time) are
 * done once. A file run on its own builds cold, as it always did.
 */
async function seedPictures(root: string): Promise<void> {
  if (!process.env[SHARED_FOLDER] || existsSync(path.join(root, ".cache"))) return;
  const { site: seed } = await sharedSite(PLAIN_FIXTURE, makePlainFixture);
  await copyPictures(path.join(seed.dir, ".cache"), path.join(root, ".cache"));
}

/**
 * The fixture site as `buildFixture(root)` builds it with nothing changed (search index included),
 * built once per run of the suite (tests/support/shared-site.ts) and only read: by the files that
 * need no copy of their own (the browser's page tests, the fault tests' clean build) and as the
 * seed of every other copy's pictures. One build serves all three, where each used to make its own.
 * Gives the site's root, and the release for the file's after hook.
 */
export async function plainFixture(): Promise<{ root: string; release: () => Promise<void> }> {
  const { site, release } = await sharedSite(PLAIN_FIXTURE, makePlainFixture);
  return { root: site.dir, release };
}

const PLAIN_FIXTURE = "fixture";

/** Built cold: it is the seed, so nothing seeds it. Its output is what a seeded build makes (the fault tests hold every later build to it). */
async function makePlainFixture(): Promise<{ dir: string }> {
  const dir = await makeFixtureSite();
  await build(dir, {}, "_site");
  return { dir };
}

/** Every file under `dir` with a hash of its bytes, sorted: two trees are the same when these are. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      return [path.relative(dir, full), createHash("sha256").update(await readFile(full)).digest("hex")] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}
