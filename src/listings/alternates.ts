/**
 * Pages that are one another's translations, for hreflang links, sitemaps and the language switcher:
 * the front pages, search pages, corrections pages, sections and authors by their folder, and articles
 * and standalone pages by their translationKey. A listing without stories (or corrections) is no one's
 * equivalent (and is not indexed: templates/pages/listing.ts).
 */
import type { Alternate, EditionModel, Listing } from "../model/site-model.ts";
import type { StandalonePage } from "../model/standalone-page.ts";
import type { Article } from "../model/article.ts";
import type { Edition } from "../site/editions.ts";
import { searchPath } from "../site/url-space.ts";
import { groupBy } from "../shared/group-by.ts";

type Models = readonly Pick<EditionModel, "edition" | "articles" | "sections" | "authors" | "corrections">[];

/** Groups of URLs that are one page in several languages, in the editions' order. */
export class Alternates {
  readonly #byUrl = new Map<string, readonly Alternate[]>();

  constructor(private readonly editions: readonly Edition[]) {}

  of(url: string): readonly Alternate[] {
    return this.#byUrl.get(url) ?? [];
  }

  /** Finds every group among the editions' models, their stories and the standalone pages. */
  addAll(models: Models, articles: readonly Article[], pages: readonly StandalonePage[]): void {
    const listed = <T>(l: Listing<T>) => l.pages[0]!.items.length > 0;
    this.#add(models.filter((m) => m.articles.length).map((m) => ({ edition: m.edition, url: m.edition.home })));
    this.#add(models.map((m) => ({ edition: m.edition, url: searchPath(m.edition.home) })));
    this.#add(models.flatMap((m) => (m.corrections.pages[0]!.items.length ? [{ edition: m.edition, url: m.corrections.pages[0]!.url }] : [])));
    const bySlug = <T extends { slug: string; url: string }>(pick: (m: Models[number]) => readonly Listing<T>[]) => {
      const listings = models.flatMap((m) => pick(m).filter(listed).map((l) => ({ edition: m.edition, url: l.subject.url, slug: l.subject.slug })));
      for (const group of groupBy(listings, (l) => [l.slug]).values()) this.#add(group);
    };
    bySlug((m) => m.sections);
    bySlug((m) => m.authors);
    for (const group of groupBy(articles, (a) => (a.translationKey ? [a.translationKey] : [])).values()) this.#add(group.map((a) => ({ edition: a.edition, url: a.url })));
    for (const group of groupBy(pages, (p) => (p.translationKey ? [p.translationKey] : [])).values()) this.#add(group.map((p) => ({ edition: p.edition, url: p.url })));
  }

  #add(group: readonly Alternate[]): void {
    if (group.length < 2) return;
    const sorted = [...group].sort((a, b) => this.editions.indexOf(a.edition) - this.editions.indexOf(b.edition));
    for (const a of group) this.#byUrl.set(a.url, sorted);
  }
}
