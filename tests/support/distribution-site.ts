/**
 * The distribution tests' site: the fixture site with a publisher logo and a headline written to break
 * out of a script element, built with a clock two days after its newest stories.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildReport } from "../../src/eleventy/plugin.ts";
import { editFile } from "./edit-file.ts";
import { buildFixture, makeFixtureSite } from "./fixture-site.ts";

/** Two days after the fixture's newest stories: the full story (28 Jan, 12:00) is in the news window, the flat one (27 Jan, 09:30) is not. */
export const NOW = "2026-01-29T12:00:00+03:00";
export const HOSTILE = `Headline </script><script>window.pwned=1</script><!-- & "quotes"`;

/** Makes the distribution tests' copy of the fixture site and builds it. */
export async function makeDistributionSite(): Promise<{ root: string; report: BuildReport }> {
  const root = await makeFixtureSite();
  await editFile(path.join(root, "content/_data/site.yaml"), (t) => t.replace("  name: Fixture Media", "  name: Fixture Media\n  logo: /assets/logo.png"));
  await writeFile(
    path.join(root, "content/world/hostile-headline.md"),
    `---\ntitle: ${JSON.stringify(HOSTILE)}\nsummary: "A headline written to break out of a script element, which must stay inert."\ndate: 2026-01-20T10:00:00+03:00\nauthor: Desk\nsection: World\nslug: hostile-headline\n---\n\nText.\n`,
  );
  const report = await buildFixture(root, { now: NOW });
  return { root, report };
}
