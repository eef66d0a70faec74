/**
 * The Dateline checkout: src/, templates/ and package-lock.json, wherever the site's content is. Found
 * as the nearest folder above this module with Dateline's package.json, so that it is the same from
 * src/ and from the bundle `npm run build` runs (src/cli/launch.ts), which lives in node_modules/.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = findRepo(path.dirname(fileURLToPath(import.meta.url)));

function findRepo(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "dateline") return dir;
  }
  throw new Error(`no Dateline package.json above ${from}`);
}
