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
