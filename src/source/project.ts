/**
 * A project: where a site's files are (content/, assets/) and where builds keep what they worked out
 * (the store). One object, handed to every loader, instead of folders passed one by one.
 */
import path from "node:path";
import { Store } from "../store/store.ts";

export interface Project {
  /** Absolute: messages name files relative to it. */
  readonly root: string;
  /** Absolute path of content/: articles, _data/, _pages/. */
  readonly contentDir: string;
  /** Absolute path of assets/: the stylesheet, the logo, and pictures named `/assets/...`. */
  readonly assetsDir: string;
  /** What builds keep between them (src/store/store.ts). */
  readonly store: Store;
}

/** The project at `root`, with its folders where Dateline expects them unless told otherwise. */
export function openProject(root: string, o: { contentDir?: string | undefined; assetsDir?: string | undefined; cacheDir?: string | undefined } = {}): Project {
  const abs = path.resolve(root);
  return {
    root: abs,
    contentDir: path.resolve(abs, o.contentDir ?? "content"),
    assetsDir: path.resolve(abs, o.assetsDir ?? "assets"),
    store: o.cacheDir ? new Store(path.resolve(abs, o.cacheDir)) : Store.ofProject(abs),
  };
}
