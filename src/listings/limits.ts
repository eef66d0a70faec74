/** How many stories each listing, feed and sitemap of an edition holds: the newsroom's layout rules. */

/** Stories per listing page (sections, tags, authors, the archive). */
export const PER_PAGE = 18;
/** Stories beside the lead on the front page when the front file does not name them. */
export const FRONT_TOP = 4;
/** The newest stories a 404 page offers. */
export const NEWEST_ON_404 = 6;
/** Stories per section block on the front page. */
export const FRONT_PER_SECTION = 4;
/** A `featured` story leads the front page while it is among this many newest stories. */
export const FEATURED_WINDOW = 10;
/** Items in each feed. */
export const FEED_ITEMS = 50;
/** Google News sitemaps list articles published in the last two days, at most 1,000. */
export const NEWS_WINDOW_DAYS = 2;
export const NEWS_MAX = 1000;
