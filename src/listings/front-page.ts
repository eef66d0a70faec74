import type { Article } from "../model/article.ts";
import type { FrontPage } from "../model/site-model.ts";
import type { Section } from "../site/sections.ts";
import { paginate } from "../shared/pagination.ts";
import { pagedUrl } from "../site/url-space.ts";
import { UNCURATED, type Curation } from "./front-curation.ts";
import { FEATURED_WINDOW, FRONT_PER_SECTION, FRONT_TOP, NEWEST_ON_404, PER_PAGE } from "./limits.ts";

/**
 * The front page: the lead and the stories beside it, then a block for each section, then the
 * archive of everything not at the top. What the editors' front file names comes first
 * (src/listings/front-curation.ts); what it leaves out is the newest: the lead is then the newest
 * story marked `featured` among the newest few (so a forgotten flag does not pin an old story for
 * weeks), else the newest story, and beside it the newest others. A section block holds the
 * section's newest stories not at the top, the newest with a picture first.
 */
export function frontPage(articles: readonly Article[], sections: readonly Section[], home: string, curation: Curation = UNCURATED): FrontPage {
  const chosen = new Set(curation.top);
  const unchosen = articles.filter((a) => !chosen.has(a));
  const lead = curation.lead ?? unchosen.slice(0, FEATURED_WINDOW).find((a) => a.featured) ?? unchosen[0];
  const top = curation.top ?? unchosen.filter((a) => a !== lead).slice(0, FRONT_TOP);
  const shown = new Set([lead, ...top]);
  const rest = articles.filter((a) => !shown.has(a));
  const bySection = new Map<string, Article[]>();
  for (const a of rest) {
    let list = bySection.get(a.section.slug);
    if (!list) bySection.set(a.section.slug, (list = []));
    if (list.length < FRONT_PER_SECTION) list.push(a);
  }
  return {
    lead,
    top,
    sections: (curation.sections ?? sections).map((section) => ({ section, articles: pictureFirst(bySection.get(section.slug) ?? []) })).filter((s) => s.articles.length > 0),
    newest: articles.slice(0, NEWEST_ON_404),
    archive: rest.length ? paginate(rest, PER_PAGE, (n) => pagedUrl(home, n), 2, home) : [],
  };
}

/** A block leads with its newest story that has a picture (its card shows it), then the others, newest first. */
function pictureFirst(articles: readonly Article[]): readonly Article[] {
  const pictured = articles.find((a) => a.hero);
  return pictured ? [pictured, ...articles.filter((a) => a !== pictured)] : articles;
}
