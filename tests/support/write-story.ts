/**
 * Writes a story file the way an editor would: YAML frontmatter, then the Markdown body. The
 * frontmatter is dumped from an object, so that hostile text in a test arrives quoted, as written.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import jsYaml from "js-yaml";

export async function writeStory(file: string, frontmatter: Record<string, unknown>, body: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\n${jsYaml.dump(frontmatter, { lineWidth: -1 })}---\n\n${body}\n`);
}
