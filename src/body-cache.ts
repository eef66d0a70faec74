/**
 * The article-body cache: what Markdown parsing and rendering made of a body, on disk between builds
 * (`.cache/articles/`, safe to delete), so that a build after one story changed parses and renders
 * one body, not four thousand.
 *
 * An entry is found by a hash of everything the parse depends on: the body's text, its language
 * (quotes), its dateline, and the code that parses (src/code-version.ts: a change to
 * Dateline, its templates or its runtime empties the cache in effect). It holds the facts the loader
 * checks (pictures, embeds, links, the dateline's paragraph, the word count) and the rendered HTML
 * with the render's own key: the page's URL, the site's URL and prefix, and every picture's content
 * hash, so a new picture under an old name renders again. An entry can only give what a fresh parse
 * would: the build's output is the same with or without it (tests/body-cache.test.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeVersion } from "./code-version.ts";

/** What the loader checks, from the tokens alone. */
export interface BodyFacts {
  /** Pictures in the body, by the path written (undefined: an image without a path). */
  readonly images: readonly { src: string | undefined; line: number | undefined }[];
  readonly embedErrors: readonly { line: number | undefined; error: string }[];
  /** Figures without alt text, by their path and line (relative to the body). */
  readonly missingAlt: readonly { src: string | undefined; line: number }[];
  readonly links: readonly { href: string; line: number | undefined }[];
  /** Whether the dateline found a first paragraph to lead (true without a dateline). */
  readonly datelineLed: boolean;
  readonly wordCount: number;
}

export interface CachedBody {
  readonly facts: BodyFacts;
  /** The render's key (see `renderKey`), with what it made. */
  readonly rendered?: { readonly key: string; readonly html: string; readonly feedHtml: string };
}

export class BodyCache {
  readonly #dir: string;
  readonly #used = new Set<string>();
  /** Bodies parsed (or rendered again) by this build: the others came from the cache. */
  parsed = 0;

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The key of a body: its text, language and dateline, and the code that parses it. */
  static key(body: string, lang: string, dateline: unknown): string {
    return createHash("sha256").update(codeVersion()).update("\0").update(lang).update("\0").update(JSON.stringify(dateline ?? null)).update("\0").update(body).digest("hex").slice(0, 40);
  }

  get(key: string): CachedBody | undefined {
    this.#used.add(key);
    try {
      return JSON.parse(readFileSync(this.#file(key), "utf8")) as CachedBody;
    } catch {
      // Missing, or unreadable (an interrupted write): parse afresh.
      return undefined;
    }
  }

  set(key: string, entry: CachedBody): void {
    this.#used.add(key);
    this.parsed++;
    const file = this.#file(key);
    // Written whole or not at all: a build stopped half-way leaves no half an entry.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, file);
  }

  /** Deletes the entries this build did not use (stories deleted or changed since). */
  prune(): void {
    for (const name of readdirSync(this.#dir)) {
      if (!this.#used.has(name.replace(/\.json$/, ""))) rmSync(path.join(this.#dir, name), { force: true });
    }
  }

  #file(key: string): string {
    return path.join(this.#dir, `${key}.json`);
  }
}

/** The render's key: where the page lives, and the content hash of every picture it shows. */
export function renderKey(o: { pageUrl: string; siteUrl: string; prefix: string; images: ReadonlyMap<string, { hash: string; width: number; height: number }> }): string {
  const pictures = [...o.images].map(([src, plan]) => `${src}\u0001${plan.hash}\u0001${plan.width}x${plan.height}`).sort();
  return createHash("sha256").update(JSON.stringify([o.pageUrl, o.siteUrl, o.prefix, pictures])).digest("hex").slice(0, 40);
}
