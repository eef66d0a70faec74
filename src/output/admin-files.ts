/**
 * The scripts of /admin/ (its page and config.yml are pages, templates/index.ts): Decap CMS's
 * browser bundle and the chunks it loads from beside itself, from the installed `decap-cms` package
 * (linked where the file system allows, else copied), and Dateline's own script (bundled with the model, src/admin/admin-script.ts).
 * A build with the form turned off removes the folder an earlier build left in place.
 */
import { rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ADMIN_FILE } from "../model/admin.ts";
import type { SiteModel } from "../model/site-model.ts";
import { linkOrCopy } from "../shared/link-or-copy.ts";
import { FOLDER } from "../site/url-space.ts";
import { decapDist, decapFiles } from "../admin/decap-files.ts";

export async function writeAdminFiles(output: string, model: SiteModel): Promise<void> {
  const dir = path.join(output, FOLDER.admin);
  if (!model.admin) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  const decap = decapDist();
  // decap-cms.js and the numbered chunks it loads on demand (N.decap-cms.js), not the source maps.
  for (const name of decapFiles()) {
    const to = path.join(dir, name);
    rmSync(to, { force: true });
    linkOrCopy(path.join(decap, name), to);
  }
  await writeFile(path.join(dir, ADMIN_FILE.script), model.admin.script);
}
