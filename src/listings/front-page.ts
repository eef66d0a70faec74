import type { Article } from "../model/article.ts";
import type { FrontPage } from "../model/site-model.ts";
import type { Section } from "../site/sections.ts";
import { paginate } from "../shared/pagination.ts";
import { pagedUrl } from "../site/url-space.ts";
import { FEATURED_WINDOW, FRONT_LATEST, FRONT_PER_SECTION, PER_PAGE } from "./limits.ts";

/**
 * The lead is the newest story marked `featured` among the newest few (so a forgotten flag does not
 * pin an old story for weeks), else the newest story. Then the latest stories, then each section's
 * newest stories not shown above, then the archive of everything after the latest.
 */
export function frontPage(articles: readonly Article[], sections: readonly Section[], home: string): FrontPage {
  const lead = articles.slice(0, FEATURED_WINDOW).find((a) => a.featured) ?? articles[0];
  const latest = articles.filter((a) => a !== lead).slice(0, FRONT_LATEST);
  const shown = new Set([lead, ...latest]);
  const rest = articles.filter((a) => !shown.has(a));
  return {
    lead,
    latest,
    sections: sections
      .map((section) => ({ section, articles: rest.filter((a) => a.section.slug === section.slug).slice(0, FRONT_PER_SECTION) }))
      .filter((s) => s.articles.length > 0),
    archive: rest.length ? paginate(rest, PER_PAGE, (n) => pagedUrl(home, n), 2, home) : [],
  };
}
