/**
 * A content folder in a temporary directory, for the loader's unit tests (src/content/): files and
 * valid stories written into it, and LoadContexts over it with a body cache, one per "build" (each
 * with its own edition and section objects, over the one store), as builds make them.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BodyCache } from "../../src/content/body-cache.ts";
import type { LoadContext } from "../../src/content/load-context.ts";
import { testLoadContext } from "./load-context.ts";
import { tempDirFor } from "./temp-dir.ts";
import { writeStory } from "./write-story.ts";

export interface ContentFolder {
  /** The project's root, also its content folder (as in testLoadContext). */
  readonly root: string;
  /** Writes a file under the root (folders made), and gives its absolute path. */
  write(relative: string, text: string): string;
  /** Writes a story (tests/support/write-story.ts) with STORY's fields changed by `fields` (new ones after them), and gives its path and text. */
  story(relative: string, fields?: Record<string, unknown>, body?: string): Promise<{ file: string; text: string }>;
  /** A new build's context: new edition and section objects, a new body cache over the same store (or none). */
  context(o?: { bodies?: boolean }): LoadContext;
}

/** Sections every edition has: World and Middle East. */
export const SECTIONS = ["World", "Middle East"];

/** A valid story's fields: title on line 2 of its file, summary on 3, date on 4. A. Writer has a profile. */
export const STORY = { title: "A story", summary: "What happened.", date: "2026-01-28T12:00:00+03:00", author: "A. Writer", section: "World" };

export function contentFolder(prefix: string, o: { site?: Record<string, unknown> } = {}): ContentFolder {
  const root = tempDirFor(prefix);
  return {
    root,
    write(relative, text) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    async story(relative, fields = {}, body = "Body text.") {
      const file = path.join(root, relative);
      await writeStory(file, { ...STORY, ...fields }, body);
      return { file, text: readFileSync(file, "utf8") };
    },
    context({ bodies = true } = {}) {
      const ctx = testLoadContext({ root, sections: SECTIONS, authors: [{ name: "A. Writer" }], site: o.site });
      return bodies ? { ...ctx, bodies: new BodyCache(ctx.store) } : ctx;
    },
  };
}

