/**
 * `npm run import -- <kind> …`: copy from elsewhere as draft stories (src/cli/import-command.ts), in
 * the folder the command runs in.
 */
import { stopOnFault } from "../shared/system-faults.ts";
import { processIo } from "./command-io.ts";
import { importCommand } from "./import-command.ts";

// Whether stderr is a terminal: the WordPress import shows its progress there, as npm run build does.
const io = { ...processIo(), isTTY: process.stderr.isTTY };
// A fault thrown where no promise carries it (an event handler's) is told in one line too.
stopOnFault(io.cwd);
process.exitCode = await importCommand(process.argv.slice(2), io);
