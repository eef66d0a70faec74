/**
 * Drawing for the sample articles' illustrations (make-sample-images.ts): SVG rendered to JPEG with
 * sharp, a seeded random generator, the newsroom's muted colours, text labels, and a schematic map
 * projection.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

/** Renders an SVG document to a baseline JPEG of exactly `width`×`height`, without metadata. */
export async function renderSvgToJpeg(svg: string, file: string, width: number, height: number, quality = 70): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg), { density: 72 })
    .resize({ width, height, fit: "fill" })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality, mozjpeg: true, chromaSubsampling: "4:2:0" })
    .toFile(file);
}

/** A small deterministic generator (mulberry32), for snow and lit windows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Muted newsroom colours.
export const C = {
  paper: "#ece7dc",
  land: "#d8cfbb",
  landDark: "#c7bca3",
  highlight: "#b9a57e",
  sea: "#c3d0d3",
  seaDeep: "#aebfc4",
  ink: "#1f2a36",
  slate: "#4b5a69",
  grid: "#b7b2a6",
  red: "#a4432f",
  ochre: "#b9853a",
  teal: "#5c7c83",
  snow: "#f4f5f2",
} as const;

const FONT = "DejaVu Sans, Verdana, sans-serif";

export type LonLat = readonly [number, number];

/** An equirectangular frame: degrees to pixels, good enough for schematic maps. */
export function projection(lonMin: number, latMax: number, pxPerDegree: number) {
  const p = ([lon, lat]: LonLat): [number, number] => [round((lon - lonMin) * pxPerDegree), round((latMax - lat) * pxPerDegree)];
  const polygon = (points: readonly LonLat[]) => points.map((pt) => p(pt).join(",")).join(" ");
  return { p, polygon };
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function label(x: number, y: number, text: string, o: { size?: number; weight?: number; fill?: string; anchor?: "start" | "middle" | "end"; spacing?: number; halo?: string } = {}): string {
  const size = o.size ?? 22;
  const attrs = `x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${o.weight ?? 400}" text-anchor="${o.anchor ?? "start"}" letter-spacing="${o.spacing ?? 0}"`;
  const halo = o.halo ? `<text ${attrs} fill="none" stroke="${o.halo}" stroke-width="5" stroke-linejoin="round">${escapeXml(text)}</text>` : "";
  return `${halo}<text ${attrs} fill="${o.fill ?? C.ink}">${escapeXml(text)}</text>`;
}

export function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
