/**
 * Makes the illustrations of the sample articles under `content/`: flat SVG graphics (schematic maps,
 * a chart, abstract scenes) rendered to small JPEGs with sharp. No photographs, no network, no
 * randomness beyond a seeded generator, so the same inputs give the same files on a given machine
 * (text is drawn with whatever "DejaVu Sans" fontconfig finds).
 *
 *   node --import tsx tests/support/make-sample-images.ts
 *
 * The JPEGs are committed as sample content; this script documents how they were made and remakes
 * them. The drawing is in svg-drawing.ts, sample-maps.ts and sample-scenes.ts; importing this module
 * does nothing but define (and pass on) the helpers, so tests may reuse `renderSvgToJpeg`.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REDEPLOYMENT_LABELS, redeploymentMap, SUMMIT_LABELS, summitHero } from "./sample-maps.ts";
import { campHero, mountainRoadHero, oilChart, portrait, powerHero, snowHero } from "./sample-scenes.ts";
import { renderSvgToJpeg } from "./svg-drawing.ts";

export { renderSvgToJpeg, seededRandom } from "./svg-drawing.ts";
export * from "./sample-maps.ts";
export * from "./sample-scenes.ts";

export interface SampleImage {
  /** Relative to `content/`. */
  file: string;
  width: number;
  height: number;
  svg: () => string;
}

export const SAMPLE_IMAGES: readonly SampleImage[] = [
  { file: "middle-east/al-sharaa-moscow-putin/hero.jpg", width: 1600, height: 900, svg: () => summitHero(1600, 900) },
  { file: "middle-east/al-sharaa-moscow-putin/qamishlo-redeployment.jpg", width: 1200, height: 800, svg: () => redeploymentMap(1200, 800) },
  { file: "middle-east/northeast-syria-winter-displacement/hero.jpg", width: 1600, height: 900, svg: () => campHero(1600, 900) },
  { file: "kurdistan/duhok-round-the-clock-power/hero.jpg", width: 1600, height: 900, svg: () => powerHero(1600, 900) },
  { file: "world/snow-grounds-flights-northern-europe/hero.jpg", width: 1600, height: 1067, svg: () => snowHero(1600, 1067) },
  { file: "business/iraq-budget-oil-price/brent-2025.jpg", width: 1200, height: 800, svg: () => oilChart(1200, 800) },
  // The Sorani and Arabic editions' stories (issue 6): their own files, words in their own script.
  { file: "ckb/middle-east/al-sharaa-moscow-putin/hero.jpg", width: 1600, height: 900, svg: () => summitHero(1600, 900, SUMMIT_LABELS.ckb) },
  { file: "ckb/middle-east/al-sharaa-moscow-putin/redeployment-map.jpg", width: 1200, height: 800, svg: () => redeploymentMap(1200, 800, REDEPLOYMENT_LABELS.ckb) },
  { file: "ar/middle-east/al-sharaa-moscow-putin/hero.jpg", width: 1600, height: 900, svg: () => summitHero(1600, 900, SUMMIT_LABELS.ar) },
  { file: "ar/middle-east/al-sharaa-moscow-putin/redeployment-map.jpg", width: 1200, height: 800, svg: () => redeploymentMap(1200, 800, REDEPLOYMENT_LABELS.ar) },
  { file: "ckb/kurdistan/snow-closes-mountain-roads/hero.jpg", width: 1600, height: 900, svg: () => mountainRoadHero(1600, 900) },
  { file: "_data/authors/karwan-mirkhan.jpg", width: 400, height: 400, svg: () => portrait("#2f4858", "#c9a27e") },
  { file: "_data/authors/shilan-rashid.jpg", width: 400, height: 400, svg: () => portrait("#6b3e5a", "#d6b08c") },
];

export async function makeSampleImages(contentDir: string): Promise<{ file: string; bytes: number }[]> {
  const made: { file: string; bytes: number }[] = [];
  for (const image of SAMPLE_IMAGES) {
    const target = path.join(contentDir, image.file);
    await renderSvgToJpeg(image.svg(), target, image.width, image.height);
    made.push({ file: image.file, bytes: (await stat(target)).size });
  }
  return made;
}

// Run as the script itself, never when bundled into a test file (tests/support/test-bundles.ts), where
// import.meta.url is the bundle's, the script being run.
if (process.argv[1] && path.basename(process.argv[1]) === "make-sample-images.ts" && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
  const made = await makeSampleImages(contentDir);
  let total = 0;
  for (const { file, bytes } of made) {
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  content/${file}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  total`);
}
