/**
 * A LoadContext for loading single articles in tests, without a site on disk: test-site.ts's site
 * (fields of `site` replace its defaults), the named sections in every edition, optional author profiles.
 */
import path from "node:path";
import type { LoadContext } from "../../src/content/load-context.ts";
import type { Author } from "../../src/site/authors.ts";
import { loadEditions } from "../../src/site/editions.ts";
import { loadContext } from "../../src/content/load-context.ts";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import { openProject } from "../../src/source/project.ts";
import { FOLDER, urlPath } from "../../src/site/url-space.ts";
import { slugOf } from "../../src/site/slugs.ts";
import { REPO } from "../../src/shared/repo.ts";
import { testSite } from "./test-site.ts";

export function testLoadContext(o: { root: string; sections: string[]; authors?: { name: string; role?: string }[]; site?: Record<string, unknown> }): LoadContext {
  const site = testSite(undefined, o.site);
  const editions = loadEditions(site, REPO);
  const sections = new Map(
    editions.map((e) => [e.code, o.sections.map((name) => ({ name, slug: slugOf(name), url: urlPath(e.home, slugOf(name)), description: name, lang: e.code }))]),
  );
  const authors = new Map(
    editions.map((e) => [
      e.code,
      (o.authors ?? []).map((a): Author => ({
        name: a.name,
        canonicalName: a.name,
        slug: slugOf(a.name),
        url: urlPath(e.home, FOLDER.authors, slugOf(a.name)),
        role: a.role ?? "Reporter",
        bio: "Writes.",
        photo: undefined,
        links: [],
        textLang: e.code,
      })),
    ]),
  );
  const project = openProject(o.root, { contentDir: o.root, assetsDir: path.join(REPO, "assets") });
  return loadContext(project, { site, editions, sections, authors }, { images: new ImagePlanner(project.store) });
}
