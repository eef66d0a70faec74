/**
 * `npm run build`: builds content/ into _site/ (src/cli/run-build.ts, run in a child process by
 * src/cli/launch.ts: from a bundle, without the TypeScript loader, with glibc's malloc held to two
 * arenas).
 *
 *   npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]
 */
import { fileURLToPath } from "node:url";
import { runInChild } from "./launch.ts";

process.exitCode = await runInChild(fileURLToPath(new URL("./run-build.ts", import.meta.url)));
