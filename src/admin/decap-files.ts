/**
 * Decap CMS as the installed `decap-cms` package ships it: its browser bundle and the numbered
 * chunks it loads from beside itself (N.decap-cms.js), without the source maps; and the bundle's
 * Subresource Integrity hash, so that /admin/ runs only the file the build copied.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ADMIN_FILE } from "../model/admin.ts";
import { REPO } from "../shared/repo.ts";

/** The package's dist folder, from the repository's node_modules (the build may run bundled elsewhere). */
export function decapDist(): string {
  return path.join(REPO, "node_modules", "decap-cms", "dist");
}

export function decapFiles(): string[] {
  return readdirSync(decapDist()).filter((f) => f.endsWith(ADMIN_FILE.decap));
}

let decapIntegrity: string | undefined;

/** `sha384-…` of the bundle, read once per process (5 MB). */
export function decapBundleIntegrity(): string {
  decapIntegrity ??= integrityOf(readFileSync(path.join(decapDist(), ADMIN_FILE.decap)));
  return decapIntegrity;
}

export function integrityOf(data: string | Buffer): string {
  return `sha384-${createHash("sha384").update(data).digest("base64")}`;
}
