/**
 * The admin page's own script (admin-page-script.ts with the formats and the slug rule it uses),
 * bundled for the browser by esbuild as the build writes /admin/: one file, no loader, no CDN.
 * Bundling takes ~0.4 s, so the bundle is kept in the store under the code's version and made again
 * only when Dateline changes; a preview's rebuilds reuse it in memory.
 */
import path from "node:path";
import { REPO } from "../shared/repo.ts";
import { storeKey, type Store } from "../store/store.ts";

let made: Promise<string> | undefined;

export function adminScript(store: Store): Promise<string> {
  made ??= kept(store).catch((error: unknown) => {
    made = undefined;
    throw error;
  });
  return made;
}

async function kept(store: Store): Promise<string> {
  const name = storeKey("admin-script");
  const stored = store.readBytes("admin", name);
  if (stored) return stored.toString("utf8");
  const script = await bundle();
  store.writeBytes("admin", name, Buffer.from(script));
  store.prune("admin", (other) => other === name);
  return script;
}

async function bundle(): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({
    // From the repository, not from this file: the build itself may run as a bundle elsewhere (src/cli/launch.ts).
    entryPoints: [path.join(REPO, "src", "admin", "admin-page-script.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
