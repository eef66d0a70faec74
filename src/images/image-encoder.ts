/**
 * Encodes the variants of the pictures a build shows (AVIF, WebP and a JPEG/PNG fallback at several
 * widths, never wider than the source, EXIF orientation applied, metadata stripped) into the store's
 * `images` area, keyed by the source's hash (src/output/write-pages.ts links them into the output).
 * A second build with unchanged pictures encodes nothing.
 */
import type { Sharp } from "sharp";
import { mapLimit } from "../shared/map-limit.ts";
import type { Store } from "../store/store.ts";
import { variantsOf, type ImageFormat, type ImagePlan, type ImageVariant } from "./image-plan.ts";
import { loadSharp, MAX_PIXELS } from "./sharp.ts";

export interface EncodeReport {
  encoded: number;
  reused: number;
}

/** A picture whose header could be read but whose pixels cannot: cut short or damaged. */
export class PictureDecodeError extends Error {
  constructor(
    readonly source: string,
    /** What the decoder found, when libvips said it: " (premature end of JPEG image)", or "". */
    readonly detail: string,
  ) {
    super(`${source}: cannot be decoded${detail}`);
  }
}

export class ImageEncoder {
  constructor(private readonly store: Store) {}

  /** Encodes every variant missing from the cache, a few at a time (sharp is single-threaded here). */
  async encode(plans: readonly ImagePlan[], onProgress?: (done: number, total: number) => void, concurrency = 2): Promise<EncodeReport> {
    const jobs: { plan: ImagePlan; variant: ImageVariant }[] = [];
    const seen = new Set<string>();
    let reused = 0;
    for (const plan of plans) {
      for (const variant of variantsOf(plan)) {
        if (seen.has(variant.name)) continue;
        seen.add(variant.name);
        if (this.store.verified("images", variant.name)) reused++;
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

  async #encodeOne(plan: ImagePlan, variant: ImageVariant): Promise<void> {
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
    // The store renames the file in once it is whole, even if the build is killed meanwhile.
    try {
      await this.store.put("images", variant.name, async (temp) => {
        await encoders[variant.format]().toFile(temp);
      });
    } catch (error) {
      throw (await decodeFailure(plan.source)) ?? error;
    }
  }
}

/**
 * Whether a failed encoding was the source's fault: its pixels are decoded again, alone. A picture
 * cut short (a half-finished upload) passes the header read that planning does and fails here.
 */
async function decodeFailure(source: string): Promise<PictureDecodeError | undefined> {
  const sharp = await loadSharp();
  try {
    await sharp(source, { limitInputPixels: MAX_PIXELS }).raw().toBuffer();
    return undefined;
  } catch (error) {
    // libvips names what its decoder found ("VipsJpeg: premature end of JPEG image") only some of
    // the time: decoding on several threads, it may say no more than that a warning was treated as
    // an error (sharp's failOn), which tells an editor nothing. Then the detail is left out.
    const found = (error as Error).message.split("\n").find((line) => /^Vips\w+: /.test(line));
    return new PictureDecodeError(source, found ? ` (${found.replace(/^Vips\w+: /, "").trim()})` : "");
  }
}
