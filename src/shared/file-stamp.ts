/**
 * A file counts as unchanged while its size, modification time and inode are the same: how make and
 * most build tools judge it, and how the caches that skip reading a file altogether do (the
 * preview's article memo, the article manifest).
 */
import { statSync } from "node:fs";

export type FileStamp = { readonly mtimeMs: number; readonly size: number; readonly ino: number };

export function stampOf(file: string): FileStamp | undefined {
  try {
    const { mtimeMs, size, ino } = statSync(file);
    return { mtimeMs, size, ino };
  } catch {
    return undefined;
  }
}

export function sameStamp(file: string, stamp: FileStamp): boolean {
  const now = stampOf(file);
  return !!now && now.mtimeMs === stamp.mtimeMs && now.size === stamp.size && now.ino === stamp.ino;
}

/** A story's file and its pictures, stamped: the preview's memo and the article manifest give a story back while these hold. */
export interface StoryStamps {
  readonly file: FileStamp;
  readonly pictures: readonly { readonly source: string; readonly stamp: FileStamp }[];
}

/** `file`: the story's stamp, taken before it was read (a save while it loaded is seen next time). Undefined when a file is gone. */
export function storyStamps(file: FileStamp | undefined, pictures: readonly string[]): StoryStamps | undefined {
  if (!file) return undefined;
  const stamped = pictures.map((source) => ({ source, stamp: stampOf(source) }));
  return stamped.every((p): p is { source: string; stamp: FileStamp } => p.stamp !== undefined) ? { file, pictures: stamped } : undefined;
}

export function unchangedStory(file: string, stamps: StoryStamps): boolean {
  return sameStamp(file, stamps.file) && stamps.pictures.every((p) => sameStamp(p.source, p.stamp));
}
