/**
 * `npm run check -- [--json]`: checks all of content/ without building (src/cli/check-site.ts), in
 * the folder the command runs in.
 */
import { stopOnFault } from "../shared/system-faults.ts";
import { checkSite } from "./check-site.ts";
import { processIo } from "./command-io.ts";

const io = processIo();
// A fault thrown where no promise carries it (an event handler's) is told in one line too.
stopOnFault(io.cwd);
process.exitCode = await checkSite(process.argv.slice(2), io);
