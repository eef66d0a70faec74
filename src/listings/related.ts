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
  // What scoring reads of each story, worked out once: at 50,000 stories each is scored against
  // ~60 neighbours, and reading dates and tags through the articles took most of a second.
  const facts = articles.map((a) => ({ article: a, ms: a.date.toMillis(), section: a.section.slug, tagList: a.tags.map((t) => t.slug), tags: new Set(a.tags.map((t) => t.slug)) }));
  // Lists per tag and per section, newest first (the order `articles` comes in), as indexes.
  const lists = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = lists.get(key);
    if (list) list.push(i);
    else lists.set(key, [i]);
  };
  const keysOf = (a: Article) => [`section:${a.section.slug}`, ...a.tags.map((t) => `tag:${t.slug}`)];
  articles.forEach((a, i) => keysOf(a).forEach((key) => add(key, i)));
  // Each story's lists, and its place in each.
  const places = articles.map(() => [] as { list: number[]; at: number }[]);
  for (const list of lists.values()) list.forEach((i, at) => places[i]!.push({ list, at }));

  // The story whose candidates were last marked, by candidate: a candidate in two lists counts once.
  const markedFor = new Int32Array(articles.length).fill(-1);
  const related = new Map<Article, Article[]>();
  // Best first: higher score, then newer, then by URL (a total order, so the same on every build).
  type Scored = { c: (typeof facts)[number]; score: number };
  const before = (a: Scored, b: Scored) => b.score - a.score || b.c.ms - a.c.ms || a.c.article.url.localeCompare(b.c.article.url);
  facts.forEach((story, self) => {
    // The best few so far, in order: each candidate is put in its place or dropped (sorting all ~60 took twice as long).
    const best: Scored[] = [];
    for (const { list, at } of places[self]!) {
      for (let k = Math.max(0, at - WINDOW); k <= Math.min(list.length - 1, at + WINDOW); k++) {
        const i = list[k]!;
        if (i === self || markedFor[i] === self) continue;
        markedFor[i] = self;
        const c = facts[i]!;
        let shared = 0;
        for (const tag of c.tagList) if (story.tags.has(tag)) shared++;
        const days = Math.abs(c.ms - story.ms) / DAY;
        const candidate = { c, score: (shared * 2 + (c.section === story.section ? 1 : 0)) / (1 + days / 7) };
        if (best.length === RELATED_COUNT && before(candidate, best[RELATED_COUNT - 1]!) >= 0) continue;
        let place = best.length;
        while (place > 0 && before(candidate, best[place - 1]!) < 0) place--;
        best.splice(place, 0, candidate);
        if (best.length > RELATED_COUNT) best.pop();
      }
    }
    related.set(story.article, best.map((s) => s.c.article));
  });
  return related;
}
