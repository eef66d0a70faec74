// The child of tests/support/launch-probe.ts: what it was started with.
import { REPO } from "../../src/shared/repo.ts";

console.log(JSON.stringify({ arenas: process.env.MALLOC_ARENA_MAX, script: process.argv[1], args: process.argv.slice(2), flags: process.execArgv, repo: REPO }));
process.exitCode = 3;
