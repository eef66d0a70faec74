/**
 * The distribution tests' site: the fixture site with a publisher logo, the site's picture terms, a
 * headline written to break out of a script element, and a story whose pictures carry their own text
 * (an agency photo at the top, an AI-generated picture in the body), built with a clock two days
 * after its newest stories.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { embedPictureMetadata, type PictureMetadata } from "./embed-picture-metadata.ts";
import type { BuildReport } from "../../src/eleventy/plugin.ts";
import { editFile } from "./edit-file.ts";
import { buildFixture, makeFixtureSite } from "./fixture-site.ts";

/** Two days after the fixture's newest stories: the full story (28 Jan, 12:00) is in the news window, the flat one (27 Jan, 09:30) is not. */
export const NOW = "2026-01-29T12:00:00+03:00";
export const HOSTILE = `Headline </script><script>window.pwned=1</script><!-- & "quotes"`;
/** The story whose pictures say everything themselves: its frontmatter and Markdown give no alt text, caption or credit. */
export const WIRE_STORY = "world/wire-pictures/";
export const PICTURE_TERMS = { license: "https://fixture.example.org/picture-terms/", acquireLicensePage: "https://fixture.example.org/licensing/" };
export const WIRE_HERO: PictureMetadata = {
  xmp: {
    description: { "x-default": "Ferries wait at the quay as the strait stays closed. (Photo: Harbour Wire)" },
    altText: { "x-default": "Three white ferries moored side by side at a grey concrete quay." },
    creator: ["Sana Example"],
    rights: { "x-default": "© 2026 Harbour Wire" },
    digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
  },
  iim: { caption: "An IIM caption XMP outranks.", credit: "Harbour Wire Pictures", byline: ["An IIM byline"], charset: "utf-8" },
};
export const WIRE_FIGURE: PictureMetadata = {
  xmp: {
    description: { "x-default": "How the storm surge reached the harbour wall, as a model pictured it." },
    altText: { "x-default": "A wave breaking over a harbour wall under a dark sky." },
    credit: "Fixture Desk",
    digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
  },
};
/** Makes the distribution tests' copy of the fixture site and builds it. */
export async function makeDistributionSite(): Promise<{ root: string; report: BuildReport }> {
  const root = await makeFixtureSite();
  await editFile(path.join(root, "content/_data/site.yaml"), (t) =>
    t.replace("  name: Fixture Media", `  name: Fixture Media\n  logo: /assets/logo.png\npictures:\n  license: ${PICTURE_TERMS.license}\n  acquireLicensePage: ${PICTURE_TERMS.acquireLicensePage}`),
  );
  await writeFile(
    path.join(root, "content/world/hostile-headline.md"),
    `---\ntitle: ${JSON.stringify(HOSTILE)}\nsummary: "A headline written to break out of a script element, which must stay inert."\ndate: 2026-01-20T10:00:00+03:00\nauthor: Desk\nsection: World\nslug: hostile-headline\n---\n\nText.\n`,
  );
  await writeWireStory(root);
  const report = await buildFixture(root, { now: NOW });
  return { root, report };
}

/** Writes WIRE_STORY into a fixture site: its two pictures, with their metadata, and a story that names them by path alone. */
export async function writeWireStory(root: string): Promise<void> {
  const story = path.join(root, "content", WIRE_STORY);
  await mkdir(story, { recursive: true });
  const photo = async (name: string, metadata: PictureMetadata, colour: string) => {
    const plain = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer();
    await writeFile(path.join(story, name), embedPictureMetadata(plain, metadata));
  };
  await photo("ferries.jpg", WIRE_HERO, "#3d5a80");
  await photo("surge.jpg", WIRE_FIGURE, "#293241");
  await writeFile(
    path.join(story, "index.md"),
    `---\ntitle: Ferries stay in port as the strait closes\nsummary: "Crossings were cancelled for a second day as winds stayed above the limit for sailing."\ndate: 2026-01-21T08:00:00+03:00\nauthor: Desk\nsection: World\nslug: wire-pictures\nimage:\n  src: ./ferries.jpg\n---\n\nNo ferry left the harbour on Wednesday.\n\n![](./surge.jpg)\n\nThe port expects to reopen on Friday.\n`,
  );
}
