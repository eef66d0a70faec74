/**
 * Comparing drawn pictures pixel by pixel, with a tolerance: sharp decodes both to raw pixels, and a
 * pixel counts as different when a channel differs by more than `threshold` (anti-aliasing, JPEG and
 * a rasteriser's sub-pixel rounding stay under it; a missing stroke or a letter in another shape
 * does not). No image-diff package: the sums are a few lines.
 */
import sharp, { type SharpInput } from "sharp";

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** The picture's pixels, as sRGB without alpha. */
export async function pixelsOf(input: SharpInput): Promise<Pixels> {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * The ink of a text layer (raw RGBA, as the card's typesetter gives it): its alpha channel, cut to
 * the box around what is drawn, so that two settings of the same words compare whatever margins
 * their layouts had.
 */
export async function inkOf(layer: { data: Buffer; width: number; height: number }): Promise<Pixels> {
  const { data, info } = await sharp(layer.data, { raw: { width: layer.width, height: layer.height, channels: 4 } })
    .trim({ background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 };
}

/**
 * The share of pixels that differ, from 0 to 1: 1 when the sizes differ by more than `slack` pixels
 * (another layout); otherwise compared over the size both have.
 */
export function mismatch(a: Pixels, b: Pixels, o: { threshold?: number; slack?: number } = {}): number {
  const threshold = o.threshold ?? 64;
  if (a.channels !== b.channels || Math.abs(a.width - b.width) > (o.slack ?? 0) || Math.abs(a.height - b.height) > (o.slack ?? 0)) return 1;
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const c = a.channels;
  let different = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * a.width + x) * c;
      const j = (y * b.width + x) * c;
      for (let k = 0; k < c; k++) {
        if (Math.abs(a.data[i + k]! - b.data[j + k]!) > threshold) {
          different++;
          break;
        }
      }
    }
  }
  return different / (width * height);
}
