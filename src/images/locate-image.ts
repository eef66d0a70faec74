/**
 * Where an image path written by an editor points. Paths are relative to the file that names them,
 * or `/assets/...` from the repo's assets folder. Anything that leaves those folders
 * (`../../etc/passwd`, an absolute filesystem path) or is a URL is refused.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { isInside } from "../shared/inside.ts";

export interface ImageRoots {
  /** Absolute project root: relative paths must stay inside it. */
  root: string;
  /** Absolute path of `assets/`. */
  assetsDir: string;
}

export function locateImage(src: string, fromDir: string, roots: ImageRoots): string | { error: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    return { error: `${src}: images must be files in the repository (beside the article, or under /assets/), not URLs` };
  }
  const decoded = safeDecode(src);
  if (decoded.startsWith("/assets/")) {
    const resolved = path.resolve(roots.assetsDir, `.${decoded.slice("/assets".length)}`);
    return inside(resolved, roots.assetsDir) ? resolved : { error: `${src}: leaves the assets folder` };
  }
  if (path.isAbsolute(decoded)) return { error: `${src}: write a path relative to this file, or one starting with /assets/` };
  const resolved = path.resolve(fromDir, decoded);
  return inside(resolved, roots.root) ? resolved : { error: `${src}: leaves the repository` };
}

/** Inside `dir` as written and, for files that exist, where their symlinks lead. */
function inside(file: string, dir: string): boolean {
  if (!isInside(file, dir)) return false;
  try {
    return isInside(realpathSync.native(file), realRoot(dir));
  } catch {
    return true; // missing: the image planner says "file not found"
  }
}

// The roots are the same for every picture of a build (thousands at newsroom scale).
const realRoots = new Map<string, string>();
function realRoot(dir: string): string {
  let real = realRoots.get(dir);
  if (real === undefined) realRoots.set(dir, (real = realpathSync.native(dir)));
  return real;
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
