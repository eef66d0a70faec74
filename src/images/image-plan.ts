/**
 * A picture's plan: enough to write its <picture> markup (file names, widths, heights, formats, the
 * colour its box shows while it loads) without encoding anything. Encoding comes later
 * (src/images/image-encoder.ts), so pages never wait for it. The ideas are eleventy-img's (hashed
 * names, no upscaling, EXIF rotation); sharp is used directly because eleventy-img 7 needs Node 22
 * and 6 brings a second copy of sharp.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync, type Stats } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "sharp";
import { placeholderColour } from "./placeholder-colour.ts";
import type { EmbeddedText } from "./picture-metadata.ts";
import { loadSharp, MAX_PIXELS } from "./sharp.ts";
import { likelyName } from "../source/schema-problems.ts";

/** Widths we offer browsers; the source's own width is added when it is smaller than the largest. */
export const WIDTHS = [480, 800, 1200, 1600] as const;
/** Part of every hash: change it when encoder settings change, and old cache entries stop matching. */
const ENCODER_VERSION = "v1 avif:q50e2 webp:q72 jpeg:q78mozjpeg png";
/**
 * What a plan holds, numbered: change it when readPlan reads something more or otherwise, and plans
 * kept by earlier builds are read again (src/images/image-planner.ts). 2: the placeholder colour;
 * 3: the picture's embedded text.
 */
export const PLAN_VERSION = 3;

export type ImageFormat = "avif" | "webp" | "jpeg" | "png";

export interface ImageVariant {
  format: ImageFormat;
  width: number;
  height: number;
  /** File name in the cache and under the output's image folder, e.g. `3f9a0c1d2e4b-800.webp`. */
  name: string;
  /** A crop to exactly width × height (search engines' and social cards' fixed shapes), not a resize. */
  crop?: boolean;
}

export interface ImagePlan {
  /** Absolute path of the source file. */
  source: string;
  /** Hash of the source's bytes and the encoder settings: the stem of every variant's name. */
  hash: string;
  width: number;
  height: number;
  /** The last format is the <img> fallback (JPEG, or PNG for sources with transparency). */
  formats: readonly ImageFormat[];
  variants: readonly ImageVariant[];
  /**
   * The picture's dominant colour (`#rrggbb`), shown in its box until it loads. None for a picture
   * with transparency: the colour stays behind the picture once it has loaded, and would fill its
   * clear parts (a logo would sit on a coloured block).
   */
  colour?: string;
  /** The caption, credit, alt text… the picture carries (src/images/picture-metadata.ts); none when it carries none. */
  embedded?: EmbeddedText;
  /** Fixed-shape crops, for images that represent a story (heroes) or the site: see `withCrops`. */
  crops?: Crops;
}

/** Placeholder colours by the hash of the picture's bytes: pictures with the same bytes have the same colour. */
export type ColourMemo = Map<string, Promise<string | undefined>>;

/** A picture that cannot be used, in an editor's words ("file not found", "cannot read image (…)"). */
export class ImageReadError extends Error {}

/**
 * Reads a picture's header, hashes its bytes and finds its placeholder colour: its plan. Throws
 * ImageReadError, worded for an editor, for a missing, unreadable or oversized file.
 */
export async function readPlan(source: string, colours: ColourMemo = new Map()): Promise<ImagePlan> {
  statOf(source);
  const bytes = await readFile(source);
  let meta: Metadata;
  try {
    // Reading the header decodes nothing, so no pixel limit here: our own check below names the limit.
    meta = await (await loadSharp())(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageReadError(`cannot read image (${(error as Error).message})`);
  }
  if (!meta.width || !meta.height) throw new ImageReadError("cannot read the image's dimensions");
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new ImageReadError(`${meta.width}×${meta.height} pixels is over the limit of ${MAX_PIXELS / 1e6} megapixels`);
  }
  // EXIF orientations 5–8 are rotated by a quarter turn: width and height swap once applied.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  const hash = createHash("sha256").update(ENCODER_VERSION).update(bytes).digest("hex").slice(0, 12);
  const fallback: ImageFormat = meta.hasAlpha ? "png" : "jpeg";
  const formats: ImageFormat[] = ["avif", "webp", fallback];
  const variants = widthsFor(width).flatMap((w) =>
    formats.map((format) => ({ format, width: w, height: Math.round((height * w) / width), name: `${hash}-${w}.${EXTENSIONS[format]}` })),
  );
  // The one decode planning does, of a small copy: the colour is read once per picture (per content:
  // an agency picture copied beside ten stories is one picture) and kept with its plan.
  let found = colours.get(hash);
  if (found === undefined) colours.set(hash, (found = meta.hasAlpha ? Promise.resolve(undefined) : placeholderColour(bytes)));
  const colour = await found;
  const embedded = (await loadMetadataReader()).readEmbeddedText(bytes);
  return { source, hash, width, height, formats, variants, ...(colour && { colour }), ...(embedded && { embedded }) };
}

// Loaded when a picture is first read, as sharp is: a warm build reads none and needs neither.
let metadataReader: Promise<typeof import("./picture-metadata.ts")> | undefined;
function loadMetadataReader(): Promise<typeof import("./picture-metadata.ts")> {
  return (metadataReader ??= import("./picture-metadata.ts"));
}

/** The picture's file, stat'ed: a missing path or a folder is an editor's mistake. */
export function statOf(source: string): Stats {
  let info: Stats;
  try {
    // Synchronous: a warm build stats thousands of pictures and reads none, and the thread pool's
    // round trip costs more than the stat.
    info = statSync(source);
  } catch {
    const near = nearFileName(source);
    throw new ImageReadError(`file not found${near ? `; did you mean ${near}? (capitals count)` : ""}`);
  }
  if (!info.isFile()) throw new ImageReadError("not a file");
  return info;
}

/** A file beside `source` whose name differs only in capitals, or by a slip of one or two letters. */
function nearFileName(source: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(path.dirname(source));
  } catch {
    return undefined;
  }
  const wanted = path.basename(source);
  return names.find((n) => n.toLowerCase() === wanted.toLowerCase()) ?? likelyName(wanted, names, 2);
}

const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };
export const MIME_TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

export function widthsFor(sourceWidth: number): number[] {
  const largest = WIDTHS[WIDTHS.length - 1]!;
  const widths: number[] = WIDTHS.filter((w) => w < sourceWidth);
  widths.push(Math.min(sourceWidth, largest));
  return [...new Set(widths)];
}

/** The fixed shapes search engines and social networks ask for: 16:9, 4:3 and 1:1 at 1200 px wide
 * (Google's NewsArticle guidelines), and 1200 × 630 for Open Graph cards. */
export const CROPS = { wide: [16, 9], standard: [4, 3], square: [1, 1], social: [1200, 630] } as const;
export type CropName = keyof typeof CROPS;
const CROP_WIDTH = 1200;

/**
 * Search engines' three shapes, and the Open Graph one only for the site's own share picture: a
 * story's Open Graph image is its share card (src/images/share-card.ts), drawn from the source.
 */
export type Crops = Readonly<Record<Exclude<CropName, "social">, ImageVariant>> & { readonly social?: ImageVariant };

/** JPEG crops of an image in each fixed shape, as large as the source allows up to 1200 px wide. */
export function withCrops(plan: ImagePlan, o: { social?: boolean } = {}): ImagePlan & { crops: Crops } {
  const { social, ...search } = cropsOf(plan);
  return { ...plan, crops: o.social ? { ...search, social } : search };
}

function cropsOf(plan: ImagePlan): Record<CropName, ImageVariant> {
  const crop = ([rw, rh]: readonly [number, number]): ImageVariant => {
    // The largest box of this shape inside the source, scaled down to 1200 px wide when bigger.
    const fit = Math.min(plan.width / rw, plan.height / rh);
    const width = Math.min(CROP_WIDTH, Math.floor(rw * fit));
    const height = Math.round((width * rh) / rw);
    return { format: "jpeg", width, height, name: `${plan.hash}-${width}x${height}.jpg`, crop: true };
  };
  return { wide: crop(CROPS.wide), standard: crop(CROPS.standard), square: crop(CROPS.square), social: crop(CROPS.social) };
}

/** Every file an image is encoded to: its responsive widths and, for heroes, the fixed crops. */
export function variantsOf(plan: ImagePlan): ImageVariant[] {
  return plan.crops ? [...plan.variants, ...Object.values(plan.crops)] : [...plan.variants];
}
