/**
 * The share cards' type (src/images/card-drawing.ts): Noto Serif and Noto Sans for Latin script,
 * Noto Naskh Arabic and Noto Sans Arabic for Arabic script, as the site's pages set them.
 *
 * - Pango reads fonts through fontconfig and FreeType, by path, and wants TrueType: fontsource's
 *   variable WOFF2 files are turned into static TrueType instances (one per weight) by harfbuzz
 *   (`subset-font`), keeping every character of each file's unicode range and every layout feature
 *   (Arabic joining and mark positioning are GSUB and GPOS).
 * - fontsource splits a face into files by unicode range; the Latin faces need both `latin` and
 *   `latin-ext` (Kurmanji's ş, ê, î, û). The files of a face share its family, so Pango takes each
 *   character from whichever covers it.
 * - Each face gets a family name only Dateline uses (src/images/truetype-names.ts), so no font of the
 *   machine can stand in for it, and a card looks the same on a machine with no fonts at all.
 * - The files are shared entries of the store's `cardFonts` area, named by the fonts' version: a
 *   build that draws no card reads none, and one that draws makes them once.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Store } from "../store/store.ts";
import { renameFamily } from "./truetype-names.ts";

/** The card's families, by what they set. */
export const CARD_FAMILY = {
  /** Headlines and the site's name in Latin script: Noto Serif. */
  serif: "Dateline Serif",
  /** Headlines and the site's name in Arabic script: Noto Naskh Arabic. */
  naskh: "Dateline Naskh",
  /** Section labels and credits in Latin script: Noto Sans. */
  sans: "Dateline Sans",
  /** Section labels and credits in Arabic script: Noto Sans Arabic. */
  sansArabic: "Dateline Sans Arabic",
} as const;

interface CardFace {
  readonly family: string;
  /** The fontsource package (`@fontsource-variable/<name>`). */
  readonly name: string;
  readonly subsets: readonly string[];
  readonly weights: readonly number[];
}

const FACES: readonly CardFace[] = [
  { family: CARD_FAMILY.serif, name: "noto-serif", subsets: ["latin", "latin-ext"], weights: [700] },
  { family: CARD_FAMILY.naskh, name: "noto-naskh-arabic", subsets: ["arabic"], weights: [700] },
  { family: CARD_FAMILY.sans, name: "noto-sans", subsets: ["latin", "latin-ext"], weights: [400, 600] },
  { family: CARD_FAMILY.sansArabic, name: "noto-sans-arabic", subsets: ["arabic"], weights: [400, 600] },
];

/** Part of the fonts' version: change it when the files are made otherwise. */
const MAKING_VERSION = "v1 static instance, own family name, truetype";

const require = createRequire(import.meta.url);

let version: string | undefined;
/**
 * The fonts' version: how they are made, and the versions of the packages they are made from and with.
 * Read from the packages' manifests, so that naming a card costs no font work. Part of every card's name.
 */
export function cardFontsVersion(): string {
  version ??= [
    MAKING_VERSION,
    ...FACES.map((f) => `${f.name}@${packageVersion(`@fontsource-variable/${f.name}`)}`),
    `subset-font@${packageVersion("subset-font")}`,
  ].join(" ");
  return version;
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** The card fonts' files, made into the store where missing: absolute paths, for Pango. */
export async function cardFonts(store: Store): Promise<string[]> {
  const key = createHash("sha256").update(cardFontsVersion()).digest("hex").slice(0, 12);
  const files: string[] = [];
  for (const face of FACES) {
    for (const subset of face.subsets) {
      for (const weight of face.weights) {
        const name = `${face.name}-${subset}-${weight}-${key}.ttf`;
        if (!store.verified("cardFonts", name)) await store.put("cardFonts", name, async (temp) => writeFile(temp, await instance(face, subset, weight)));
        files.push(store.path("cardFonts", name));
      }
    }
  }
  return files;
}

/** One file of a face at one weight, as static TrueType under the face's own family name. */
async function instance(face: CardFace, subset: string, weight: number): Promise<Buffer> {
  const source = readFileSync(require.resolve(`@fontsource-variable/${face.name}/files/${face.name}-${subset}-wght-normal.woff2`));
  const ranges = JSON.parse(readFileSync(require.resolve(`@fontsource-variable/${face.name}/unicode.json`), "utf8")) as Record<string, string>;
  const range = ranges[subset];
  if (!range) throw new Error(`card fonts: @fontsource-variable/${face.name} has no "${subset}" range`);
  // Loaded only to make the files: its harfbuzz WebAssembly is not needed once the store has them.
  const { default: subsetFont } = await import("subset-font");
  const ttf = await subsetFont(source, charactersOf(range), {
    targetFormat: "truetype",
    variationAxes: { wght: weight },
    // OFL 1.1 asks copies to carry the licence: its description and URL (fontsource's files have the
    // URL), besides the names kept by default (copyright among them).
    preserveNameIds: [13, 14],
  });
  return renameFamily(ttf, face.family);
}

/** Every character of a CSS unicode-range ("U+0000-00FF,U+0131"), surrogates left out. */
function charactersOf(range: string): string {
  const points: number[] = [];
  for (const part of range.split(",")) {
    const [first, last = first] = part.trim().replace(/^U\+/i, "").split("-");
    for (let c = parseInt(first!, 16); c <= parseInt(last!, 16); c++) if (c < 0xd800 || c > 0xdfff) points.push(c);
  }
  return String.fromCodePoint(...points);
}
