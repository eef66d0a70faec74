/**
 * Self-hosted web fonts for the Arabic-script editions (ckb, ar, fa): the two faces that the CSS
 * names for `:lang(ar), :lang(ckb), :lang(fa)`, subset to the characters the pages use.
 *
 * - Sources are fontsource's variable (wght) woff2 files for the "arabic" unicode subset, read
 *   from node_modules through package resolution, so the lockfile pins the font version.
 * - harfbuzz (via subset-font) keeps every layout feature, so GSUB joining forms and ligatures
 *   and GPOS mark positioning survive, and keeps the wght axis, cut to the 400–700 we use.
 * - Each @font-face carries a `unicode-range` of exactly the kept code points: Latin text on the
 *   same page stays with the Latin fonts and a page without Arabic script downloads nothing.
 * - Output names are content hashed (cache forever); subsets are cached on disk by a hash of the
 *   source font, the subsetter and the code points, so an unchanged build runs no harfbuzz.
 */
import { createHash } from "node:crypto";
import type { Store } from "../store/store.ts";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

export interface FontFile {
  readonly fileName: string;
  readonly data: Buffer;
}

export interface ScriptFonts {
  /** @font-face rules, urls = `${base}${fileName}`, font-display: swap, font-weight: 400 700, unicode-range */
  readonly css: string;
  readonly files: readonly FontFile[];
}

interface Face {
  /** The family name the site CSS asks for. */
  readonly family: string;
  /** Prefix of the output file name. */
  readonly slug: string;
  /** fontsource's file for the "arabic" unicode subset, variable on wght only. */
  readonly source: string;
}

/** Reading text and headlines (`--serif`). Listed first: it is the one worth preloading. */
const READING_FACE: Face = {
  family: "Noto Naskh Arabic",
  slug: "noto-naskh-arabic",
  source: "@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2",
};
/** Bylines, captions, navigation (`--sans`). */
const UI_FACE: Face = {
  family: "Noto Sans Arabic",
  slug: "noto-sans-arabic",
  source: "@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2",
};
const FACES: readonly Face[] = [READING_FACE, UI_FACE];

/** Weights the site uses. Noto Sans Arabic ships 100–900; cutting the axis roughly halves its subset. */
const WEIGHT = { min: 400, max: 700 } as const;
/** OFL 1.1 asks copies to carry the license; hb-subset keeps name IDs 0–6 by default, add 13–14. */
const LICENSE_NAME_IDS = [13, 14];
/** Part of every cache key: change it when the subset options above change. */
const SUBSET_VERSION = `v1 wght:${WEIGHT.min}-${WEIGHT.max} names:${LICENSE_NAME_IDS.join(",")} woff2`;

/** Unicode blocks of the Arabic script (all in the BMP, which the scan below relies on). */
const ARABIC_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff], // Arabic (comma, semicolon, question mark, tatweel, both digit sets)
  [0x0750, 0x077f], // Arabic Supplement
  [0x0870, 0x089f], // Arabic Extended-B
  [0x08a0, 0x08ff], // Arabic Extended-A
  [0xfb50, 0xfdff], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
];
/** ZWNJ and ZWJ: Persian and Sorani write ZWNJ inside words, and a joiner must shape with its letters. */
const JOINERS = [0x200c, 0x200d] as const;
/** LRM and RLM: kept when used, but alone they are no reason to load a font. */
const MARKS = [0x200e, 0x200f] as const;

const require = createRequire(import.meta.url);

/**
 * The sorted code points of `text` that the Arabic-script fonts should cover, or [] when `text`
 * has no Arabic-script character. ZWNJ and ZWJ are always included with Arabic text: they are
 * cheap, and markup often carries them as entities that a text scan would miss.
 * One pass over UTF-16 code units; surrogates can be ignored because every kept range is in the BMP.
 */
export function arabicScriptCodePoints(text: string): number[] {
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) seen[text.charCodeAt(i)] = 1;
  const kept: number[] = [];
  for (const [first, last] of ARABIC_BLOCKS) {
    for (let c = first; c <= last; c++) if (seen[c]) kept.push(c);
  }
  if (kept.length === 0) return [];
  for (const c of MARKS) if (seen[c]) kept.push(c);
  kept.push(...JOINERS);
  return kept.sort((a, b) => a - b);
}

/** CSS `unicode-range` value for sorted, distinct code points: runs collapse to `U+0627-062A`. */
export function unicodeRange(codePoints: readonly number[]): string {
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, "0");
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    const first = codePoints[i]!;
    let last = first;
    while (codePoints[i + 1] === last + 1) last = codePoints[++i]!;
    i++;
    parts.push(first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`);
  }
  return parts.join(",");
}

/**
 * Subsets the reading and UI faces to the Arabic-script characters of `text` (the text of every
 * Arabic-script page; no cost to pass many MB). One call for ckb, ar and fa together gives one set of
 * files that all three editions share. Latin-only text gives `{ css: "", files: [] }`.
 * Files come in a fixed order, reading face first; see `preloadFont`.
 */
export async function arabicScriptFonts(text: string, o: { base: string; store: Store }): Promise<ScriptFonts> {
  checkBase(o.base);
  const codePoints = arabicScriptCodePoints(text);
  if (codePoints.length === 0) return { css: "", files: [] };
  const range = unicodeRange(codePoints);
  const files = await Promise.all(
    FACES.map(async (face): Promise<FontFile> => {
      const data = await cachedSubset(face, codePoints, o.store);
      return { fileName: `${face.slug}-${sha256(data).slice(0, 8)}.woff2`, data };
    }),
  );
  const css = FACES.map((face, i) => fontFaceRule(face, `${o.base}${files[i]!.fileName}`, range)).join("\n");
  return { css: `${css}\n`, files };
}

/** The reading face's file (body text and headlines), the one to `<link rel=preload as=font crossorigin>`. */
export function preloadFont(fonts: ScriptFonts): FontFile | undefined {
  return fonts.files.find((f) => f.fileName.startsWith(`${READING_FACE.slug}-`));
}

function fontFaceRule(face: Face, url: string, range: string): string {
  return (
    `@font-face{font-family:"${face.family}";font-style:normal;font-weight:${WEIGHT.min} ${WEIGHT.max};` +
    `font-display:swap;src:url("${url}") format("woff2");unicode-range:${range}}`
  );
}

/** `base` goes inside url("…") in CSS that may be inlined in a <style>: allow only plain URL path characters. */
function checkBase(base: string): void {
  if (!/^(?:https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)?\/(?:[A-Za-z0-9._~%@+-]+\/)*$/.test(base)) {
    throw new Error(`fonts: base must be a URL path ending in "/" (like "/fonts/"), got ${JSON.stringify(base)}`);
  }
}

async function cachedSubset(face: Face, codePoints: readonly number[], store: Store): Promise<Buffer> {
  const source = await readFile(require.resolve(face.source));
  const key = createHash("sha256")
    .update(`${SUBSET_VERSION}\0${await subsetterId()}\0${sha256(source)}\0${codePoints.join(",")}`)
    .digest("hex")
    .slice(0, 32);
  const name = `${face.slug}-${key}.woff2`;
  const kept = store.readBytes("fonts", name);
  if (kept && isWoff2(kept)) return kept;
  // Loaded only to make a subset: its harfbuzz WebAssembly is not needed when the cache has it.
  const { default: subsetFont } = await import("subset-font");
  const data = await subsetFont(source, String.fromCodePoint(...codePoints), {
    targetFormat: "woff2",
    variationAxes: { wght: { ...WEIGHT } },
    preserveNameIds: LICENSE_NAME_IDS,
  });
  if (!isWoff2(data)) throw new Error(`fonts: subsetting ${face.source} did not give a woff2 file`);
  store.writeBytes("fonts", name, data);
  return data;
}

let subsetterIdPromise: Promise<string> | undefined;
/** subset-font's version and the harfbuzz wasm it loads: an upgrade of either must miss the cache. */
function subsetterId(): Promise<string> {
  subsetterIdPromise ??= (async () => {
    const { version } = require("subset-font/package.json") as { version: string };
    const fromSubsetFont = createRequire(require.resolve("subset-font"));
    const wasm = await readFile(fromSubsetFont.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    return `subset-font@${version} ${sha256(wasm)}`;
  })();
  return subsetterIdPromise;
}


function isWoff2(data: Buffer): boolean {
  return data.length > 48 && data.toString("latin1", 0, 4) === "wOF2";
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
