/** sharp (libvips) is loaded only when a picture must be read or encoded: a warm build never needs it (~85 ms). */
type SharpModule = (typeof import("sharp"))["default"];
let sharpModule: Promise<SharpModule> | undefined;
export function loadSharp(): Promise<SharpModule> {
  return (sharpModule ??= import("sharp").then((m) => m.default));
}

/** Refuse anything over 100 megapixels before decoding it (a "decompression bomb" is a few KB on disk). */
export const MAX_PIXELS = 100_000_000;
