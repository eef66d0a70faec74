/** Editing a copy of a site's files in place, as the tests that break or change a site do. */
import { readFile, writeFile } from "node:fs/promises";

/** Rewrites a text file: `change` gets its text and gives the new text. */
export async function editFile(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}
