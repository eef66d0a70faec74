/**
 * The article-body cache: what Markdown parsing and rendering made of a body, on disk between builds
 * (the store's `bodies` area, src/store/store.ts), so that a build after one story changed parses and renders
 * one body, not four thousand.
 *
 * An entry is found by a hash of everything the parse depends on: the body's text, its language
 * (quotes), its dateline, and the code that parses (src/store/code-version.ts: a change to
 * Dateline, its templates or its runtime empties the cache in effect). It holds the facts the loader
 * checks (pictures, embeds, links, the dateline's paragraph, the word count), and beside it the
 * rendered HTML under the render's own key: the page's URL, the site's URL and prefix, and every
 * picture's content hash, so a new picture under an old name renders again. The model does not hold
 * rendered bodies: a page reads its story's back from here (article.ts `withBody`). An entry can
 * only give what a fresh parse would: the build's output is the same with or without it
 * (tests/content/body-cache.test.ts).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { storeKey, type Store } from "../store/store.ts";
import { timed } from "../shared/work-clock.ts";
import type { PictureNeeded } from "./picture-needed.ts";

/** What the loader checks, from the tokens alone. */
export interface BodyFacts {
  /** Pictures in the body, by the path written (undefined: an image without a path). */
  readonly images: readonly { src: string | undefined; line: number | undefined }[];
  readonly embedErrors: readonly { line: number | undefined; error: string }[];
  /** `::: picture-needed` blocks (src/render/rules/picture-needed.ts), lines relative to the body. */
  readonly picturesNeeded: readonly PictureNeeded[];
  /** Figures without alt text, by their path and line (relative to the body). */
  readonly missingAlt: readonly { src: string | undefined; line: number }[];
  readonly links: readonly { href: string; line: number | undefined }[];
  /** Whether the dateline found a first paragraph to lead (true without a dateline). */
  readonly datelineLed: boolean;
  readonly wordCount: number;
  /** A live story's updates as written, in file order (the loader reads their times and flags). */
  readonly updates: readonly UpdateFact[];
}

/** What the loader checks of an update: src/render/rules/live-updates.ts, without its tokens. */
export interface UpdateFact {
  readonly spec: string;
  readonly line: number;
  readonly author: string | undefined;
  readonly headline: string;
  readonly unclosed: boolean;
}

/** A body rendered for one page: for the page itself, and for feeds (every URL absolute). */
export interface RenderedBody {
  readonly html: string;
  readonly feedHtml: string;
  /** A live story's updates, each rendered the same two ways, in the order written (src/render/rules/live-updates.ts). */
  readonly updates: readonly UpdateRender[];
}

export interface UpdateRender {
  readonly html: string;
  readonly feedHtml: string;
}

/**
 * Two kinds of entry: `<key>.json`, the facts of a body (read by every build, small), and
 * `<key>-<render key>.render`, a render of it (read only when a page shows it). Two stories with the
 * same body at different URLs share the facts and have a render each.
 *
 * A render is kept as bytes, not JSON: the length of the page's HTML in bytes on the first line,
 * then that HTML, then the feed's, both UTF-8, so that a page reads back its own half and decodes
 * nothing else. As JSON, every article page parsed both: ~40 KB of two-byte strings a story (the
 * typographer's quotes), half of which it never used.
 */
export class BodyCache {
  readonly #store: Store;
  readonly #used = new Set<string>();
  /** Bodies parsed or rendered again by this build: the others came from the cache. */
  parsed = 0;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The key of a body: its text, language and dateline (and the code that parses it). */
  static key(body: string, lang: string, dateline: unknown): string {
    return storeKey(lang, JSON.stringify(dateline ?? null), body);
  }

  facts(key: string): BodyFacts | undefined {
    this.#used.add(key);
    // Missing, or damaged (the store reads back only whole entries): parse afresh.
    return this.#store.readJson<BodyFacts>("bodies", entryName(key));
  }

  setFacts(key: string, facts: BodyFacts): void {
    this.#used.add(key);
    this.#store.writeJson("bodies", entryName(key), facts);
  }

  /** Whether the render is cached (it is read when a page asks for it: `rendered`). */
  hasRendered(key: string, renderKey: string): boolean {
    this.#used.add(`${key}-${renderKey}`);
    return existsSync(this.#store.path("bodies", renderName(key, renderKey)));
  }

  /** A render this build found or made, read back for a page (see `withBody` in article-body.ts); undefined if gone or damaged. */
  rendered(key: string, renderKey: string): RenderedBody | undefined {
    // Damaged by hand, or pruned by another build of the same site with other stories: undefined.
    const bytes = timed("read", () => this.#store.readBytes("bodies", renderName(key, renderKey)));
    return bytes && splitRender(bytes);
  }

  setRendered(key: string, renderKey: string, body: RenderedBody): void {
    this.#used.add(`${key}-${renderKey}`);
    this.parsed++;
    this.#store.writeBytes("bodies", renderName(key, renderKey), joinRender(body));
  }

  /** Keeps an entry this build uses without reading it (an article from the manifest). */
  keep(key: string, renderKey: string): void {
    this.#used.add(key).add(`${key}-${renderKey}`);
  }

  /** Deletes the entries this build did not use (stories deleted or changed since). */
  prune(): void {
    this.#store.prune("bodies", (name) => this.#used.has(name.replace(/\.(json|render)$/, "")));
  }
}

function entryName(key: string): string {
  return `${key}.json`;
}

/** The entry of a body's render for one page (see the class). */
export function renderName(key: string, renderKey: string): string {
  return `${key}-${renderKey}.render`;
}

/** A render's parts (the body's two, then each update's two), after a line of their lengths in bytes. */
function joinRender(body: RenderedBody): Buffer {
  const parts = [body.html, body.feedHtml, ...body.updates.flatMap((u) => [u.html, u.feedHtml])].map((part) => Buffer.from(part));
  return Buffer.concat([Buffer.from(`${parts.map((p) => p.length).join(" ")}\n`, "latin1"), ...parts]);
}

/** A render read back: each part decoded when asked for; undefined if the bytes are not a render. */
function splitRender(bytes: Buffer): RenderedBody | undefined {
  const newline = bytes.indexOf(10);
  const head = newline > 0 ? bytes.toString("latin1", 0, newline) : "";
  if (!/^\d+( \d+)+$/.test(head)) return undefined;
  const lengths = head.split(" ").map(Number);
  if (lengths.length % 2 || newline + 1 + lengths.reduce((a, b) => a + b, 0) !== bytes.length) return undefined;
  const starts = [newline + 1];
  for (const length of lengths) starts.push(starts[starts.length - 1]! + length);
  const part = (i: number) => bytes.toString("utf8", starts[i], starts[i + 1]);
  const updates = Array.from({ length: lengths.length / 2 - 1 }, (_, u) => ({
    get html() {
      return part(2 + 2 * u);
    },
    get feedHtml() {
      return part(3 + 2 * u);
    },
  }));
  return {
    get html() {
      return part(0);
    },
    get feedHtml() {
      return part(1);
    },
    updates,
  };
}

/** The render's key: where the page lives, and the content hash of every picture it shows. */
export function renderKey(o: { pageUrl: string; siteUrl: string; prefix: string; images: ReadonlyMap<string, { hash: string; width: number; height: number }> }): string {
  const pictures = [...o.images].map(([src, plan]) => `${src}\u0001${plan.hash}\u0001${plan.width}x${plan.height}`).sort();
  return createHash("sha256").update(JSON.stringify([o.pageUrl, o.siteUrl, o.prefix, pictures])).digest("hex").slice(0, 40);
}
