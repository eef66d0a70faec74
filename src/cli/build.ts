/**
 * `npm run build`: builds content/ into _site/ (src/cli/build-command.ts).
 *
 *   npm run build -- [--now 2026-01-28T12:00:00+03:00] [--drafts] [--future] [--output DIR]
 *
 * The build's modules load only after the check for glibc's malloc arenas (src/cli/malloc-arenas.ts),
 * which may run this command again with a variable glibc reads at start-up.
 */
import { relaunchWithArenaLimit } from "./malloc-arenas.ts";

if (!(await relaunchWithArenaLimit())) await import("./build-command.ts");
