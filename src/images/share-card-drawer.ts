/**
 * Draws the share cards a build names (src/images/share-card.ts) into the store's `cards` area, where
 * they are kept by name, that is by everything they show: a second build with the same stories draws
 * nothing and makes no font (src/output/write-pages.ts links them into the output, as pictures).
 */
import { writeFile } from "node:fs/promises";
import { mapLimit } from "../shared/map-limit.ts";
import type { Store } from "../store/store.ts";
import { drawCard } from "./card-drawing.ts";
import { cardFonts } from "./card-fonts.ts";
import type { ShareCard } from "./share-card.ts";

export interface DrawReport {
  drawn: number;
  reused: number;
}

export class ShareCardDrawer {
  constructor(private readonly store: Store) {}

  /** Draws every card missing from the store, `concurrency` at a time (sharp is single-threaded here). */
  async draw(cards: readonly ShareCard[], onProgress?: (done: number, total: number) => void, concurrency = 2): Promise<DrawReport> {
    const jobs: ShareCard[] = [];
    const seen = new Set<string>();
    let reused = 0;
    for (const card of cards) {
      if (seen.has(card.name)) continue;
      seen.add(card.name);
      if (this.store.verified("cards", card.name)) reused++;
      else jobs.push(card);
    }
    if (!jobs.length) return { drawn: 0, reused };
    const fonts = await cardFonts(this.store);
    let done = 0;
    await mapLimit(jobs, concurrency, async (card) => {
      await this.store.put("cards", card.name, async (temp) => writeFile(temp, await drawCard(card, fonts)));
      onProgress?.(++done, jobs.length);
    });
    return { drawn: jobs.length, reused };
  }
}
