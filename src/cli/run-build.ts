/**
 * The child process of `npm run build` (src/cli/launch.ts): the command (src/cli/build-command.ts)
 * with this process's folder, environment and output.
 */
import { buildCommand } from "./build-command.ts";
import { processIo } from "./command-io.ts";

process.exitCode = await buildCommand(process.argv.slice(2), { ...processIo(), isTTY: process.stderr.isTTY });
