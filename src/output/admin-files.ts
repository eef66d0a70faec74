/**
 * The scripts of /admin/ (its page and config.yml are pages, templates/index.ts): Decap CMS's
 * browser bundle and the chunks it loads from beside itself, from the installed `decap-cms` package
 * (linked where the file system allows, else copied), and Dateline's own script (src/admin/admin-script.ts).
 * A build with the form turned off removes the folder an earlier build left in place.
 */
import { readdirSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { ADMIN_FILE } from "../model/admin.ts";
import type { SiteModel } from "../model/site-model.ts";
import { linkOrCopy } from "../shared/link-or-copy.ts";
import { REPO } from "../shared/repo.ts";
import { FOLDER } from "../site/url-space.ts";
import type { Store } from "../store/store.ts";
import { adminScript } from "../admin/admin-script.ts";

export async function writeAdminFiles(output: string, model: SiteModel, store: Store): Promise<void> {
  const dir = path.join(output, FOLDER.admin);
  if (!model.admin) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  const decap = decapDist();
  // decap-cms.js and the numbered chunks it loads on demand (N.decap-cms.js), not the source maps.
  for (const name of readdirSync(decap).filter((f) => f.endsWith(ADMIN_FILE.decap))) {
    const to = path.join(dir, name);
    rmSync(to, { force: true });
    linkOrCopy(path.join(decap, name), to);
  }
  await writeFile(path.join(dir, ADMIN_FILE.script), await adminScript(store));
}

/** The installed decap-cms package's dist folder (resolved from the repository: the build may run bundled elsewhere). */
function decapDist(): string {
  return path.join(path.dirname(createRequire(path.join(REPO, "package.json")).resolve("decap-cms/package.json")), "dist");
}
