/**
 * The fixture site built for a GitHub Pages URL given in DATELINE_URL (as the Pages workflow sets it),
 * while site.yaml keeps the newsroom's own https://fixture.example.org/.
 */
import { buildFixture, makeFixtureSite } from "./fixture-site.ts";
import { sharedSite } from "./shared-site.ts";

export const BASE = "https://owner.github.io/dateline-site/";
export const PREFIX = "/dateline-site/";
export const ARTICLE_PATH = "middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/";

/** The site, built once for the files that read it (tests/support/shared-site.ts): its root, and the release for the file's after hook. */
export async function pagesUrlSite(): Promise<{ root: string; release: () => Promise<void> }> {
  const { site, release } = await sharedSite("pages-url", async () => ({ dir: await makePagesUrlSite() }));
  return { root: site.dir, release };
}

/** Makes a copy of the fixture site and builds it with DATELINE_URL set to BASE; returns its root. */
export async function makePagesUrlSite(): Promise<string> {
  const root = await makeFixtureSite();
  // site.yaml keeps the newsroom's own https://fixture.example.org/; the environment wins for this build.
  process.env.DATELINE_URL = "https://owner.github.io/dateline-site";
  try {
    await buildFixture(root);
  } finally {
    delete process.env.DATELINE_URL;
  }
  return root;
}
