import type { Article } from "../model/article.ts";
import { unchangedStory, type StoryStamps } from "../shared/file-stamp.ts";

/**
 * Articles an earlier build in this process loaded (the preview server rebuilds on every save): one
 * is reused while its file, the site's settings (site.yaml, sections, authors, interface words) and
 * its pictures' files are what they were, so a save parses one story, not every one. A file counts
 * as unchanged while its size, modification time and inode are (as make judges, and as the picture
 * plans do): a rebuild then reads only the files that changed, and keeps no copy of their text.
 */
export class ArticleMemo {
  readonly #entries = new Map<string, { stamps: StoryStamps; settings: string; article: Article }>();

  get(file: string, settings: string): Article | undefined {
    const entry = this.#entries.get(file);
    return entry && entry.settings === settings && unchangedStory(file, entry.stamps) ? entry.article : undefined;
  }

  set(file: string, stamps: StoryStamps, settings: string, article: Article): void {
    this.#entries.set(file, { stamps, settings, article });
  }

  /** Forgets files that are gone. */
  keep(files: readonly string[]): void {
    const live = new Set(files);
    for (const file of this.#entries.keys()) if (!live.has(file)) this.#entries.delete(file);
  }
}
