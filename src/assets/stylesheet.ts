/**
 * The stylesheet is one file for every page, minified, with a content-hashed name that readers may
 * cache for good. It used to be inlined (a request saved on a first visit), but at newsroom scale
 * that repeated 13 KB in every page: 64 MB of a 4,000-article build's 141 MB, rendered and written
 * each time, and downloaded again with every page read.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Project } from "../source/project.ts";
import { storeKey, type Store } from "../store/store.ts";
import { stylesheetPath } from "../site/url-space.ts";

export interface Stylesheet {
  /** Minified CSS. */
  readonly content: string;
  /** Where it goes in the output. */
  readonly outputPath: string;
  /** What pages link: its URL under the site's prefix, and its SRI hash. */
  readonly link: { readonly url: string; readonly integrity: string };
}

/** assets/css/site.css, minified, named and linked. */
export async function loadStylesheet(project: Project, pathPrefix: string): Promise<Stylesheet> {
  const css = await readFile(path.join(project.assetsDir, "css", "site.css"), "utf8");
  const content = await minified(css, project.store);
  const outputPath = stylesheetPath(createHash("sha256").update(content).digest("hex").slice(0, 10));
  return { content, outputPath, link: { url: `${pathPrefix}${outputPath}`, integrity: `sha384-${createHash("sha384").update(content).digest("base64")}` } };
}

/**
 * Minified by esbuild, and kept in the store under the source's hash (and the code's: esbuild's
 * version is in the lock file), so that a build that finds it neither loads esbuild nor starts its
 * service process (~60 ms).
 */
async function minified(css: string, store: Store): Promise<string> {
  const name = `${storeKey(css).slice(0, 32)}.css`;
  const kept = store.readBytes("css", name);
  if (kept) return kept.toString("utf8");
  const { transform } = await import("esbuild");
  const content = (await transform(css, { loader: "css", minify: true })).code.trim();
  store.writeBytes("css", name, Buffer.from(content));
  // One stylesheet at a time: the one before is of no more use.
  store.prune("css", (entry) => entry === name);
  return content;
}
