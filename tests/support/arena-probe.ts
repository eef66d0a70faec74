// For tests/cli-build.test.ts: a command that relaunches itself as `npm run build` does, then says
// which limit it runs with and exits with 3 (a code the test can tell from success and failure).
import { relaunchWithArenaLimit } from "../../src/cli/malloc-arenas.ts";

if (!(await relaunchWithArenaLimit())) {
  console.log(`arenas: ${process.env.MALLOC_ARENA_MAX}`);
  process.exitCode = 3;
}
