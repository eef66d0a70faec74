/**
 * Related stories, computed once for the whole site. A candidate scores 2 for each tag it shares
 * and 1 for the same section, divided by how far apart the two stories are in time (a story from the
 * same week beats one from last year with the same tags). Only neighbours in time within each shared
 * tag or section are scored, so the cost grows with the number of articles, not its square.
 */
import type { Article } from "../model/article.ts";

export const RELATED_COUNT = 4;
/** Candidates taken on each side, in time, within each shared tag or section. */
const WINDOW = 12;
const DAY = 24 * 60 * 60 * 1000;

export function relatedStories(articles: readonly Article[]): Map<Article, Article[]> {
  // Lists per tag and per section, newest first (the order `articles` comes in).
  const lists = new Map<string, Article[]>();
  const add = (key: string, a: Article) => {
    const list = lists.get(key);
    if (list) list.push(a);
    else lists.set(key, [a]);
  };
  for (const a of articles) {
    add(`section:${a.section.slug}`, a);
    for (const t of a.tags) add(`tag:${t.slug}`, a);
  }
  const position = new Map<string, Map<Article, number>>();
  for (const [key, list] of lists) position.set(key, new Map(list.map((a, i) => [a, i])));

  const related = new Map<Article, Article[]>();
  for (const article of articles) {
    const keys = [`section:${article.section.slug}`, ...article.tags.map((t) => `tag:${t.slug}`)];
    const candidates = new Set<Article>();
    for (const key of keys) {
      const list = lists.get(key)!;
      const at = position.get(key)!.get(article)!;
      for (let i = Math.max(0, at - WINDOW); i <= Math.min(list.length - 1, at + WINDOW); i++) {
        if (list[i] !== article) candidates.add(list[i]!);
      }
    }
    const tags = new Set(article.tags.map((t) => t.slug));
    const scored = [...candidates].map((c) => {
      const shared = c.tags.filter((t) => tags.has(t.slug)).length * 2 + (c.section.slug === article.section.slug ? 1 : 0);
      const days = Math.abs(c.date.toMillis() - article.date.toMillis()) / DAY;
      return { c, score: shared / (1 + days / 7) };
    });
    scored.sort((a, b) => b.score - a.score || b.c.date.toMillis() - a.c.date.toMillis() || a.c.url.localeCompare(b.c.url));
    related.set(article, scored.slice(0, RELATED_COUNT).map((s) => s.c));
  }
  return related;
}
