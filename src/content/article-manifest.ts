/**
 * The stories of the last build, without their bodies, by file: the store's `manifest` record
 * (src/store/store.ts). A build takes a story from here while its file and its pictures are unchanged
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
import { reviveArticle, type BodyRef } from "./article-body.ts";
import type { Article } from "../model/article.ts";
import type { Store } from "../store/store.ts";
import { codeVersion } from "../store/code-version.ts";
import type { Instant } from "../shared/dates.ts";
import { unchangedStory, type StoryStamps } from "../shared/file-stamp.ts";

type StoredDate = { readonly ms: number; readonly zone: string };

type StoredArticle = Omit<Article, "html" | "feedHtml" | "edition" | "section" | "date" | "updated" | "corrections"> & {
  readonly edition: string;
  readonly section: string;
  readonly date: StoredDate;
  readonly updated: StoredDate | undefined;
  readonly corrections: readonly { date: StoredDate; text: string }[];
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

export class ArticleManifest {
  #changed = false;

  private constructor(
    private readonly store: Store,
    private readonly made: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The manifest the store keeps, if it was made by this code with these settings (the loader's settings key). */
  static load(store: Store, settings: string): ArticleManifest {
    const made = `${codeVersion()}\0${settings}`;
    const saved = store.readJson<Saved>("manifest");
    const entries = saved?.made === made ? new Map(Object.entries(saved.entries)) : new Map<string, Entry>();
    const manifest = new ArticleManifest(store, made, entries);
    manifest.#changed = !saved || saved.made !== made;
    return manifest;
  }

  /** The article of `absFile` as the last build loaded it, if its file and pictures are unchanged. */
  get(absFile: string, ctx: LoadContext): Article | undefined {
    const entry = this.entries.get(absFile);
    if (!entry || !ctx.bodies || !unchangedStory(absFile, entry.stamps)) return undefined;
    const stored = entry.article;
    const place = placeIn(ctx, stored.edition, stored.section);
    if (!place) return undefined;
    const fields = {
      ...stored,
      ...place,
      date: instant(stored.date),
      updated: stored.updated && instant(stored.updated),
      corrections: stored.corrections.map((c) => ({ date: instant(c.date), text: c.text })),
    };
    return reviveArticle(absFile, fields, entry.body, ctx.bodies, ctx.site);
  }

  /** Keeps an article just loaded. */
  set(absFile: string, stamps: StoryStamps, article: Article, body: BodyRef): void {
    const { html: _html, feedHtml: _feedHtml, edition, section, date, updated, corrections, ...rest } = Object.getOwnPropertyDescriptors(article);
    const plain = Object.fromEntries(Object.entries(rest).map(([k, d]) => [k, d.value])) as Omit<StoredArticle, "edition" | "section" | "date" | "updated" | "corrections">;
    const stored: StoredArticle = {
      ...plain,
      edition: article.edition.code,
      section: article.section.slug,
      date: storedDate(article.date),
      updated: article.updated && storedDate(article.updated),
      corrections: article.corrections.map((c) => ({ date: storedDate(c.date), text: c.text })),
    };
    this.entries.set(absFile, { stamps, article: stored, body });
    this.#changed = true;
  }

  /** Forgets files that are gone. */
  keep(files: readonly string[]): void {
    const live = new Set(files);
    for (const file of this.entries.keys()) {
      if (!live.has(file)) {
        this.entries.delete(file);
        this.#changed = true;
      }
    }
  }

  /** Writes the manifest if this build changed it. */
  save(): void {
    if (!this.#changed) return;
    const saved: Saved = { made: this.made, entries: Object.fromEntries(this.entries) };
    this.store.writeJson("manifest", undefined, saved, { ascii: true });
    this.#changed = false;
  }
}

function storedDate(date: Instant): StoredDate {
  return { ms: date.toMillis(), zone: date.zoneName ?? "UTC" };
}

function instant(date: StoredDate): Instant {
  return DateTime.fromMillis(date.ms, { zone: date.zone }) as Instant;
}
