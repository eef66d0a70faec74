/**
 * The stories of the last build, without their bodies, by file: the store's `manifest` records
 * (src/store/store.ts), one per shard of the files (`SHARDS`), so that a build after one story changed
 * writes one shard, not the whole (58 MB at 50,000 stories, 2.3 s to write). A build takes a story from here while its file and its pictures are unchanged
 * (size, modification time and inode: src/shared/file-stamp.ts) and the site's settings and the code are
 * what they were, so a warm build reads, parses and validates only the files that changed; the
 * others cost a stat each instead of ~0.2 ms (gray-matter, zod, the body cache's facts). Bodies stay
 * in the body cache: an article reads its own back when a page shows it (article.ts `withBody`).
 *
 * What is kept is the article as loaded, with its edition and section by code and slug and its dates
 * as instants in their zones, so a story from here is the story a fresh load makes
 * (tests/output/page-cache.test.ts compares cached and clean builds).
 */
import { DateTime } from "luxon";
import { placeIn, type LoadContext } from "./load-context.ts";
import { fieldsOf, reviveArticle, type BodyRef } from "./article-body.ts";
import type { BodyField, Article, Live, LiveUpdate } from "../model/article.ts";
import type { Store } from "../store/store.ts";
import { codeVersion } from "../store/code-version.ts";
import type { Instant } from "../shared/dates.ts";
import { orNone } from "../shared/none.ts";
import { unchangedStory, type StoryStamps } from "../shared/file-stamp.ts";

type StoredDate = { readonly ms: number; readonly zone: string };

type StoredArticle = Omit<Article, BodyField | "edition" | "section" | "date" | "updated" | "corrections" | "live"> & {
  readonly edition: string;
  readonly section: string;
  readonly date: StoredDate;
  readonly updated: StoredDate | undefined;
  readonly corrections: readonly { date: StoredDate; text: string }[];
  readonly live: StoredLive | undefined;
};

type StoredLive = Omit<Live, "ended" | "updates"> & {
  readonly ended: StoredDate | undefined;
  readonly updates: readonly (Omit<LiveUpdate, "time"> & { readonly time: StoredDate })[];
};

interface Entry {
  readonly stamps: StoryStamps;
  readonly article: StoredArticle;
  readonly body: BodyRef;
}

interface Saved {
  /** The code and the settings the entries were made with; either changed, they are all dropped. */
  readonly made: string;
  readonly entries: Record<string, Entry>;
}

/** Records the manifest is split into, by a hash of each story's path. */
export const SHARDS = 64;

export class ArticleManifest {
  /** Shards to write: changed by this build, or not as this code and these settings would make them. */
  readonly #dirty = new Set<number>();

  private constructor(
    private readonly store: Store,
    private readonly made: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The manifest the store keeps, without the shards not made by this code with these settings (the loader's settings key). */
  static load(store: Store, settings: string): ArticleManifest {
    const made = `${codeVersion()}\0${settings}`;
    const entries = new Map<string, Entry>();
    const stale: number[] = [];
    for (let shard = 0; shard < SHARDS; shard++) {
      const saved = store.readJson<Saved>("manifest", shardName(shard));
      if (saved?.made === made) for (const [file, entry] of Object.entries(saved.entries)) entries.set(file, entry);
      else stale.push(shard);
    }
    const manifest = new ArticleManifest(store, made, entries);
    for (const shard of stale) manifest.#dirty.add(shard);
    return manifest;
  }

  /** The article of `absFile` as the last build loaded it, if its file and pictures are unchanged. */
  get(absFile: string, ctx: LoadContext): Article | undefined {
    const entry = this.entries.get(absFile);
    if (!entry || !ctx.bodies || !unchangedStory(absFile, entry.stamps)) return undefined;
    const stored = entry.article;
    const place = placeIn(ctx, stored.edition, stored.section);
    if (!place) return undefined;
    // What every story of an edition has alike is taken from the edition, not from each story's JSON.
    const fields = {
      ...stored,
      ...place,
      lang: place.edition.code,
      dir: place.edition.dir,
      date: instant(stored.date),
      updated: stored.updated && instant(stored.updated),
      corrections: orNone(stored.corrections.map((c) => ({ date: instant(c.date), text: c.text }))),
      live: stored.live && { ...stored.live, ended: stored.live.ended && instant(stored.live.ended), updates: stored.live.updates.map((u) => ({ ...u, time: instant(u.time) })) },
      authors: stored.authors.map(ctx.shared),
      tags: orNone(stored.tags.map(ctx.shared)),
      internalLinks: orNone(stored.internalLinks),
    };
    return reviveArticle(absFile, fields, entry.body, ctx.bodies, ctx.site);
  }

  /** Keeps an article just loaded. */
  set(absFile: string, stamps: StoryStamps, article: Article, body: BodyRef): void {
    const { edition: _edition, section: _section, date: _date, updated: _updated, corrections: _corrections, live, ...plain } = fieldsOf(article);
    const stored: StoredArticle = {
      ...plain,
      edition: article.edition.code,
      section: article.section.slug,
      date: storedDate(article.date),
      updated: article.updated && storedDate(article.updated),
      corrections: article.corrections.map((c) => ({ date: storedDate(c.date), text: c.text })),
      live: live && { ...live, ended: live.ended && storedDate(live.ended), updates: live.updates.map((u) => ({ ...u, time: storedDate(u.time) })) },
    };
    this.entries.set(absFile, { stamps, article: stored, body });
    this.#dirty.add(shardOf(absFile));
  }

  /** Forgets files that are gone. */
  keep(files: readonly string[]): void {
    const live = new Set(files);
    for (const file of this.entries.keys()) {
      if (!live.has(file)) {
        this.entries.delete(file);
        this.#dirty.add(shardOf(file));
      }
    }
  }

  /** Writes the shards this build changed. */
  save(): void {
    if (!this.#dirty.size) return;
    const shards = new Map([...this.#dirty].map((shard) => [shard, {} as Record<string, Entry>]));
    for (const [file, entry] of this.entries) {
      const entries = shards.get(shardOf(file));
      if (entries) entries[file] = entry;
    }
    // ASCII: read back as one-byte text, sooner (src/store/store.ts `readJson`).
    for (const [shard, entries] of shards) this.store.writeJson("manifest", shardName(shard), { made: this.made, entries } satisfies Saved, { ascii: true });
    this.#dirty.clear();
  }
}

function shardName(shard: number): string {
  return `${String(shard).padStart(2, "0")}.json`;
}

/** A story's shard: FNV-1a of its path, the same on every build. */
function shardOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

function storedDate(date: Instant): StoredDate {
  return { ms: date.toMillis(), zone: date.zoneName ?? "UTC" };
}

function instant(date: StoredDate): Instant {
  return DateTime.fromMillis(date.ms, { zone: date.zone }) as Instant;
}
