/**
 * `npm run import -- <kind> …`: copy from elsewhere as draft stories (src/cli/import-command.ts), in
 * the folder the command runs in.
 */
import { stopOnFault } from "../shared/system-faults.ts";
import { processIo } from "./command-io.ts";
import { importCommand } from "./import-command.ts";

const io = processIo();
// A fault thrown where no promise carries it (an event handler's) is told in one line too.
stopOnFault(io.cwd);
process.exitCode = await importCommand(process.argv.slice(2), io);
