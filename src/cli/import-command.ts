/**
 * `npm run import -- <kind> …`: copy from elsewhere as story folders (wire copy as drafts, a
 * WordPress export as it was published), one subcommand per kind of copy, each a function of its own
 * (src/cli/import-*.ts) with its own options and `--help`. This file only picks the subcommand:
 * without one, or with one it does not know, it prints the usage of all (exit 2; exit 0 for --help).
 */
import type { CommandIo } from "./command-io.ts";
import { wireImport } from "./import-wire.ts";
import { wordpressImport } from "./import-wordpress.ts";

/** Each subcommand: what it is called with, what it does, and the function that does it. */
const SUBCOMMANDS: Record<string, { usage: string; does: string; run: (argv: string[], io: CommandIo) => Promise<number> }> = {
  wire: { usage: "wire FILE… [--section S] [--images DIR] [--author NAME]", does: "plain-text wire copy, a draft per file", run: wireImport },
  wordpress: { usage: "wordpress EXPORT.xml [--uploads DIR] [--redirects FILE]", does: "a WordPress export: its posts as stories (drafts as drafts), pictures from the uploads folder, redirects", run: wordpressImport },
};

const USAGE = `Usage: npm run import -- <kind> … [options]

${Object.values(SUBCOMMANDS)
  .map((s) => `  npm run import -- ${s.usage}\n      ${s.does}`)
  .join("\n")}

Each kind's options: npm run import -- <kind> --help`;

/** `npm run import` with `argv` in `io.cwd`; resolves to the exit code. */
export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === "-h" || kind === "--help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const subcommand = kind === undefined ? undefined : SUBCOMMANDS[kind];
  if (!subcommand) {
    io.stderr(`${kind === undefined ? "Missing what to import" : `"${kind}" is not something npm run import reads`}.\n\n${USAGE}\n`);
    return 2;
  }
  return subcommand.run(rest, io);
}
