import path from "node:path";
import type { Figure } from "../model/article.ts";
import { ContentError, shownPath } from "../shared/errors.ts";
import type { Project } from "../source/project.ts";
import { ImageReadError, withCrops } from "../images/image-plan.ts";
import type { ImagePlanner } from "../images/image-planner.ts";
import { locateImage } from "../images/locate-image.ts";
import type { SiteConfig } from "../site/site-config.ts";

/** The site's share picture (site.yaml `image`), with its crops: it stands for stories without a hero in search results and social cards. */
export async function loadShareImage(project: Project, site: SiteConfig, images: ImagePlanner): Promise<Figure | undefined> {
  if (!site.image) return undefined;
  const siteFile = shownPath(project.root, path.join(project.contentDir, "_data", "site.yaml"));
  const file = locateImage(site.image.src, path.join(project.contentDir, "_data"), project);
  if (typeof file !== "string") throw new ContentError([{ file: siteFile, field: "image.src", message: file.error }]);
  try {
    return { plan: withCrops(await images.plan(file), { social: true }), alt: site.image.alt, caption: { text: "", credit: undefined }, text: {} };
  } catch (error) {
    if (!(error instanceof ImageReadError)) throw error;
    throw new ContentError([{ file: siteFile, field: "image.src", message: `${site.image.src}: ${error.message}` }]);
  }
}
