// For tests/cli/launch.test.ts: a command run as `npm run build` runs its build (src/cli/launch.ts).
// It prints what the child sees and exits with 3 (a code the test can tell from success and failure).
import { fileURLToPath } from "node:url";
import { runInChild } from "../../src/cli/launch.ts";

process.exitCode = await runInChild(fileURLToPath(new URL("./launch-child.ts", import.meta.url)));
