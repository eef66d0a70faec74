/**
 * Responsive images with sharp, in two steps so pages never wait for encoders:
 *
 * 1. `planImage` reads a source, hashes its bytes and reads its header: enough to write the
 *    <picture> markup (file names, widths, heights) without encoding anything.
 * 2. `ImageStore.encode` makes the variants (AVIF, WebP and a JPEG/PNG fallback at several widths,
 *    never wider than the source, EXIF orientation applied, metadata stripped) into an on-disk cache
 *    keyed by content hash, and `copyTo` links them into the output. A second build with unchanged
 *    images encodes nothing.
 *
 * The ideas are eleventy-img's (hashed names, no upscaling, in-memory plan cache); sharp is used
 * directly because eleventy-img 7 needs Node 22 and 6 brings a second copy of sharp.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Metadata, Sharp } from "sharp";
import { writeAtomically } from "../store/atomic-file.ts";

/** Widths we offer browsers; the source's own width is added when it is smaller than the largest. */
export const WIDTHS = [480, 800, 1200, 1600] as const;
/** Refuse anything over 100 megapixels before decoding it (a "decompression bomb" is a few KB on disk). */
export const MAX_PIXELS = 100_000_000;
/** Part of every hash: change it when encoder settings change, and old cache entries stop matching. */
const ENCODER_VERSION = "v1 avif:q50e2 webp:q72 jpeg:q78mozjpeg png";

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
  /** Fixed-shape crops, for images that represent a story (heroes): see `withCrops`. */
  crops?: Readonly<Record<CropName, ImageVariant>>;
}

export class ImageReadError extends Error {}

interface CachedPlan {
  mtimeMs: number;
  size: number;
  ino: number;
  plan: ImagePlan;
}
/**
 * Plans by source path, valid while the file's size, modification time and inode are the same (as
 * make and most build tools judge a file unchanged). Kept across builds in a file (see
 * `loadPlans`): a warm build then reads no picture and asks sharp nothing.
 */
const planCache = new Map<string, CachedPlan>();

/** Reads the plans an earlier build saved; a missing or damaged file is an empty cache. */
export async function loadPlans(file: string): Promise<void> {
  try {
    const saved = JSON.parse(await readFile(file, "utf8")) as Record<string, CachedPlan>;
    for (const [source, entry] of Object.entries(saved)) if (!planCache.has(source)) planCache.set(source, entry);
  } catch {
    // First build, or the cache was deleted.
  }
}

/** Saves the plans of the pictures this build used, whole or not at all. */
export async function savePlans(file: string, used: readonly ImagePlan[]): Promise<void> {
  const sources = new Set(used.map((p) => p.source));
  const entries = Object.fromEntries([...planCache].filter(([source]) => sources.has(source)));
  await writeAtomically(file, JSON.stringify(entries));
}

export async function planImage(source: string): Promise<ImagePlan> {
  let info;
  try {
    // Synchronous: a warm build stats thousands of pictures and reads none, and the thread pool's
    // round trip costs more than the stat.
    info = statSync(source);
  } catch {
    throw new ImageReadError("file not found");
  }
  if (!info.isFile()) throw new ImageReadError("not a file");
  const cached = planCache.get(source);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size && cached.ino === info.ino) return cached.plan;

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
  const plan: ImagePlan = { source, hash, width, height, formats, variants };
  planCache.set(source, { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, plan });
  return plan;
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

/** JPEG crops of an image in each fixed shape, as large as the source allows up to 1200 px wide. */
export function withCrops(plan: ImagePlan): ImagePlan & { crops: Readonly<Record<CropName, ImageVariant>> } {
  return { ...plan, crops: cropsOf(plan) };
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

export interface EncodeReport {
  encoded: number;
  reused: number;
}

export class ImageStore {
  constructor(readonly cacheDir: string) {}

  /** Encodes every variant missing from the cache, a few at a time (sharp is single-threaded here). */
  async encode(plans: readonly ImagePlan[], onProgress?: (done: number, total: number) => void, concurrency = 2): Promise<EncodeReport> {
    await mkdir(this.cacheDir, { recursive: true });
    const jobs: { plan: ImagePlan; variant: ImageVariant }[] = [];
    const seen = new Set<string>();
    let reused = 0;
    for (const plan of plans) {
      for (const variant of variantsOf(plan)) {
        if (seen.has(variant.name)) continue;
        seen.add(variant.name);
        if (await exists(path.join(this.cacheDir, variant.name))) reused++;
        else jobs.push({ plan, variant });
      }
    }
    let done = 0;
    await mapLimit(jobs, concurrency, async ({ plan, variant }) => {
      await this.#encodeOne(plan, variant);
      onProgress?.(++done, jobs.length);
    });
    return { encoded: jobs.length, reused };
  }

  /** Hard-links (or copies) each variant from the cache into `dir`. */
  async copyTo(dir: string, plans: readonly ImagePlan[]): Promise<void> {
    await mkdir(dir, { recursive: true });
    const names = new Set(plans.flatMap((p) => variantsOf(p).map((v) => v.name)));
    await mapLimit([...names], 16, async (name) => {
      const from = path.join(this.cacheDir, name);
      const to = path.join(dir, name);
      if (await exists(to)) return;
      try {
        await link(from, to);
      } catch {
        await copyFile(from, to);
      }
    });
  }

  async #encodeOne(plan: ImagePlan, variant: ImageVariant): Promise<void> {
    const target = path.join(this.cacheDir, variant.name);
    const temp = `${target}.${process.pid}.tmp`;
    // .rotate() with no angle applies the EXIF orientation; sharp drops metadata unless asked to keep it.
    const sharp = await loadSharp();
    const pipeline = sharp(plan.source, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize(
        variant.crop
          ? { width: variant.width, height: variant.height, fit: "cover", position: sharp.strategy.attention }
          : { width: variant.width, withoutEnlargement: true },
      );
    // Crops are JPEG (search engines and social cards): transparency would turn black, so lay it on white.
    if (variant.crop) pipeline.flatten({ background: "#ffffff" });
    const encoders = {
      avif: () => pipeline.avif({ quality: 50, effort: 2 }),
      webp: () => pipeline.webp({ quality: 72 }),
      jpeg: () => pipeline.jpeg({ quality: 78, mozjpeg: true }),
      png: () => pipeline.png({ palette: true }),
    } satisfies Record<ImageFormat, () => Sharp>;
    try {
      await encoders[variant.format]().toFile(temp);
      // Renaming makes the cache entry appear whole or not at all, even if the build is killed.
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

/** Every file an image is encoded to: its responsive widths and, for heroes, the fixed crops. */
function variantsOf(plan: ImagePlan): ImageVariant[] {
  return plan.crops ? [...plan.variants, ...Object.values(plan.crops)] : [...plan.variants];
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type SharpModule = (typeof import("sharp"))["default"];
let sharpModule: Promise<SharpModule> | undefined;
/** sharp (libvips) is loaded only when a picture must be read or encoded: a warm build never needs it (~85 ms). */
function loadSharp(): Promise<SharpModule> {
  return (sharpModule ??= import("sharp").then((m) => m.default));
}
