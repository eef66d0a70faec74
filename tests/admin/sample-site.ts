/**
 * The repo's own sample site, loaded as the build loads it for the editing form: its settings,
 * editions, sections and authors (content/_data/), and the form's facts and config that
 * src/admin/cms-config.ts makes of them, with no stories (the desk's suggestions are not tested here).
 */
import path from "node:path";
import { adminModel, type AdminInputs, type FormModel } from "../../src/admin/cms-config.ts";
import { loadContext, type LoadContext } from "../../src/content/load-context.ts";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import { REPO } from "../../src/shared/repo.ts";
import { loadAuthors } from "../../src/site/authors.ts";
import { loadEditions } from "../../src/site/editions.ts";
import { loadSections } from "../../src/site/sections.ts";
import { loadSiteConfig } from "../../src/site/site-config.ts";
import { openProject } from "../../src/source/project.ts";

export const LOCAL = "http://localhost:8081/api/v1";

const project = openProject(REPO);
const site = await loadSiteConfig(project, {});
const editions = loadEditions(site, REPO);
const sections = await loadSections(project, editions);
const authors = await loadAuthors(project, editions, new ImagePlanner(project.store));

/** What adminModel() is given for the sample site; `change` replaces some of it. */
export function sampleInputs(change: Partial<AdminInputs> = {}): AdminInputs {
  return { root: REPO, contentDir: project.contentDir, site, editions, sections, authors, articles: [], localBackend: LOCAL, ...change };
}

/** The sample site's form: config.yml's content and the facts of the file formats. */
export const sample: FormModel = adminModel(sampleInputs())!;

/** The build's loader for stories written in `root` (their own content folder), with the sample's sections and authors. */
export function sampleLoadContext(root: string): LoadContext {
  const at = openProject(root, { contentDir: root, assetsDir: path.join(REPO, "assets"), cacheDir: path.join(root, ".cache") });
  return loadContext(at, { site, editions, sections, authors }, { images: new ImagePlanner(at.store) });
}
