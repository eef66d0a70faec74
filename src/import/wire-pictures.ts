/**
 * Which picture of an `--images` folder goes with which caption of which wire file. By name first: a
 * picture named after a wire file (`summit.txt`: `summit.jpg`, `summit-2.jpg`, `summit_3.png`) is that
 * file's, in the order of the names; by order otherwise: when one file is imported, the folder's
 * other pictures follow, in the order of their names. With several files, a picture named after none
 * of them is left out (and said so): guessing would put one story's picture in another.
 * Pure: names in, names out.
 */
import path from "node:path";
import { slugOf } from "../site/slugs.ts";

/** The kinds of picture the site encodes (src/images/image-plan.ts reads them). */
export const PICTURE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp", ".avif"] as const;

export function isPictureName(name: string): boolean {
  return (PICTURE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** Names as people number them: "photo-2" before "photo-10". */
const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;

/**
 * Each wire file's pictures, in order (one for each caption, in order, as far as they go), and the
 * pictures left over. `files`: the wire files' names; `pictures`: the picture files of the folder.
 */
export function matchPictures(files: readonly string[], pictures: readonly string[], captions: readonly number[]): { byFile: string[][]; unused: string[] } {
  const stems = files.map((file) => stemOf(file));
  const named = files.map((): string[] => []);
  const others: string[] = [];
  for (const picture of [...pictures].sort((a, b) => byName(stemOf(a), stemOf(b)))) {
    // The longest stem that names it: "summit-2.jpg" is summit-2.txt's when both summit and summit-2 are imported.
    const owner = stems
      .map((stem, i) => ({ stem, i }))
      .filter(({ stem }) => namedAfter(stemOf(picture), stem))
      .sort((a, b) => b.stem.length - a.stem.length)[0];
    if (owner) named[owner.i]!.push(picture);
    else others.push(picture);
  }
  // "summit", then "summit-2", "summit_3", "summit 10": by the number after the file's name.
  named.forEach((list, i) => list.sort((a, b) => numberAfter(a, stems[i]!) - numberAfter(b, stems[i]!)));
  const wanted = files.length === 1 ? [[...named[0]!, ...others]] : named;
  const byFile = wanted.map((list, i) => list.slice(0, captions[i] ?? 0));
  const unused = [...wanted.flatMap((list, i) => list.slice(captions[i] ?? 0)), ...(files.length === 1 ? [] : others)].sort((a, b) => byName(stemOf(a), stemOf(b)));
  return { byFile, unused };
}

function stemOf(name: string): string {
  return path.basename(name, path.extname(name)).normalize("NFC").toLowerCase();
}

/** The number after the stem in a picture named after it: 0 for the stem alone. */
function numberAfter(picture: string, stem: string): number {
  return Number(stemOf(picture).slice(stem.length).replace(/^[-_ .]*/, "") || 0);
}

/** "summit", "summit-2", "summit_03", "summit 4" are named after "summit". */
function namedAfter(picture: string, stem: string): boolean {
  return picture === stem || (picture.startsWith(stem) && /^[-_ .]*\d+$/.test(picture.slice(stem.length)));
}

/**
 * The name a picture gets beside the story: its own as a slug (spaces, capitals and accents made safe
 * for a path in Markdown and a URL), its extension in lower case; `picture-N` when its name has no
 * letters or digits; never the name of one already taken.
 */
export function storyPictureName(original: string, n: number, taken: ReadonlySet<string>): string {
  const ext = path.extname(original).toLowerCase();
  const stem = slugOf(path.basename(original, path.extname(original))) || `picture-${n}`;
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  return name;
}
