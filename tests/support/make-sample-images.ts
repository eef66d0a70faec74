/**
 * Makes the illustrations of the sample articles under `content/`: flat SVG graphics (schematic maps,
 * a chart, abstract scenes) rendered to small JPEGs with sharp. No photographs, no network, no
 * randomness beyond a seeded generator, so the same inputs give the same files on a given machine
 * (text is drawn with whatever "DejaVu Sans" fontconfig finds).
 *
 *   node --import tsx tests/support/make-sample-images.ts
 *
 * The JPEGs are committed as sample content; this script documents how they were made and remakes
 * them. Importing it does nothing but define the helpers, so tests may reuse `renderSvgToJpeg`.
 */
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
const C = {
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

type LonLat = readonly [number, number];

/** An equirectangular frame: degrees to pixels, good enough for schematic maps. */
function projection(lonMin: number, latMax: number, pxPerDegree: number) {
  const p = ([lon, lat]: LonLat): [number, number] => [round((lon - lonMin) * pxPerDegree), round((latMax - lat) * pxPerDegree)];
  const polygon = (points: readonly LonLat[]) => points.map((pt) => p(pt).join(",")).join(" ");
  return { p, polygon };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function label(x: number, y: number, text: string, o: { size?: number; weight?: number; fill?: string; anchor?: "start" | "middle" | "end"; spacing?: number; halo?: string } = {}): string {
  const size = o.size ?? 22;
  const attrs = `x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${o.weight ?? 400}" text-anchor="${o.anchor ?? "start"}" letter-spacing="${o.spacing ?? 0}"`;
  const halo = o.halo ? `<text ${attrs} fill="none" stroke="${o.halo}" stroke-width="5" stroke-linejoin="round">${escapeXml(text)}</text>` : "";
  return `${halo}<text ${attrs} fill="${o.fill ?? C.ink}">${escapeXml(text)}</text>`;
}

function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

// Rough coastlines and borders (lon, lat). Schematic, not cartographic.
const BLACK_SEA: LonLat[] = [
  [28, 41.3], [29.2, 41.2], [31.3, 41.1], [33.3, 42], [35.1, 42], [36.6, 41.3], [38.5, 40.9], [40.3, 41], [41.5, 41.5],
  [41.7, 42.6], [40, 43.5], [38.2, 44.4], [36.6, 45.2], [35, 45], [33.6, 44.5], [32.6, 45.4], [33.5, 46], [31.6, 46.6],
  [30.3, 46.1], [29.7, 45.2], [28.7, 44.3], [27.9, 43.1],
];
const AZOV_SEA: LonLat[] = [[35.1, 45.4], [36.6, 45.4], [38.2, 46.8], [37.3, 47.1], [35.3, 46.4]];
const CASPIAN_SEA: LonLat[] = [
  [47, 44.5], [47.5, 45.6], [49, 46.6], [51, 47], [53, 46.8], [53, 45.5], [51.3, 44.5], [51.2, 43], [52.7, 41.8],
  [53, 40], [53.9, 38.8], [53.9, 37.3], [51, 36.8], [49, 37.6], [48.8, 38.5], [49.5, 40.3], [48.5, 41.8], [47.5, 43],
];
const MEDITERRANEAN: LonLat[] = [
  [14, 29.5], [14, 37.2], [15.7, 38.1], [16.5, 39], [17.1, 40.4], [18.5, 40.1], [19.4, 40.4], [20.1, 39.5], [21.2, 38.3],
  [21.6, 36.9], [22.5, 36.4], [23.1, 37.5], [22.9, 40.3], [24, 40.9], [26, 40.8], [26.2, 40], [26.8, 38.6], [27.3, 37.1],
  [28.4, 36.7], [30.5, 36.4], [32.1, 36.1], [34, 36.7], [35.9, 36.8], [35.8, 35.8], [35.9, 34.8], [35.1, 33.1],
  [34.5, 31.5], [33, 31.1], [30.5, 31.4], [28, 31], [25, 31.7], [20.2, 30.8], [19, 30.2], [15.5, 31.6], [15, 32.3],
];
const SYRIA: LonLat[] = [
  [35.9, 34.65], [35.8, 35.4], [35.9, 35.9], [36.2, 36], [36.6, 36.8], [37.5, 36.65], [38.5, 36.8], [40, 37.1],
  [41.2, 37.08], [42.35, 37.2], [41.85, 36.6], [41.3, 36.3], [41.2, 34.8], [41, 34.4], [38.8, 33.4], [36.8, 32.3],
  [35.8, 32.7], [35.9, 33.3], [36.1, 33.8], [36.4, 34.55],
];

/**
 * The words on a map, so each edition's article has its own picture. For Arabic-script labels `rtl`
 * moves strapline and legend to the right, and letter-spacing stays 0 (spacing breaks the joining
 * of Arabic letters). Place labels keep their side of the dot, whatever the script.
 */
export interface SummitLabels {
  moscow: string;
  damascus: string;
  strap: string;
  rtl?: boolean;
}

export const SUMMIT_LABELS: Record<"en" | "ckb" | "ar", SummitLabels> = {
  en: { moscow: "MOSCOW", damascus: "DAMASCUS", strap: "SYRIA AND RUSSIA: A SECOND SUMMIT" },
  ckb: { moscow: "مۆسکۆ", damascus: "دیمەشق", strap: "سووریا و ڕووسیا: دووەم لووتکە", rtl: true },
  ar: { moscow: "موسكو", damascus: "دمشق", strap: "سوريا وروسيا: قمة ثانية", rtl: true },
};

/** Hero for the Moscow summit: an arc from Damascus to Moscow over a muted schematic map. */
export function summitHero(width = 1600, height = 900, words: SummitLabels = SUMMIT_LABELS.en): string {
  const spacing = (n: number) => (words.rtl ? 0 : n);
  const band = 64; // the strapline at the foot
  const px = (height - band) / 28; // latitudes 59°N to 31°N fill the space above it
  const { p, polygon } = projection(14, 59, px);
  const moscow = p([37.62, 55.75]);
  const damascus = p([36.29, 33.51]);
  const grid: string[] = [];
  for (let lon = 15; lon <= 60; lon += 5) grid.push(`<line x1="${p([lon, 0])[0]}" y1="0" x2="${p([lon, 0])[0]}" y2="${height}"/>`);
  for (let lat = 35; lat <= 55; lat += 5) grid.push(`<line x1="0" y1="${p([0, lat])[1]}" x2="${width}" y2="${p([0, lat])[1]}"/>`);
  const mid = [(moscow[0] + damascus[0]) / 2 + 260, (moscow[1] + damascus[1]) / 2];
  const arc = `M${damascus.join(",")} Q${mid.join(",")} ${moscow.join(",")}`;
  const body = [
    `<rect width="${width}" height="${height}" fill="${C.land}"/>`,
    `<g fill="${C.sea}" stroke="${C.seaDeep}" stroke-width="2">`,
    `<polygon points="${polygon(MEDITERRANEAN)}"/><polygon points="${polygon(BLACK_SEA)}"/>`,
    `<polygon points="${polygon(AZOV_SEA)}"/><polygon points="${polygon(CASPIAN_SEA)}"/></g>`,
    `<polygon points="${polygon(SYRIA)}" fill="${C.highlight}" stroke="${C.slate}" stroke-width="2"/>`,
    `<g stroke="${C.grid}" stroke-width="1" opacity="0.6">${grid.join("")}</g>`,
    `<path d="${arc}" fill="none" stroke="${C.red}" stroke-width="6" stroke-dasharray="18 12" stroke-linecap="round"/>`,
    `<circle cx="${moscow[0]}" cy="${moscow[1]}" r="14" fill="${C.ink}"/><circle cx="${moscow[0]}" cy="${moscow[1]}" r="6" fill="${C.paper}"/>`,
    `<circle cx="${damascus[0]}" cy="${damascus[1]}" r="14" fill="${C.ink}"/><circle cx="${damascus[0]}" cy="${damascus[1]}" r="6" fill="${C.paper}"/>`,
    label(moscow[0] + 28, moscow[1] + 12, words.moscow, { size: 34, weight: 700, spacing: spacing(3), halo: C.land }),
    label(damascus[0] - 28, damascus[1] + 12, words.damascus, { size: 34, weight: 700, spacing: spacing(3), anchor: "end", halo: C.land }),
    `<rect x="0" y="${height - band}" width="${width}" height="${band}" fill="${C.ink}"/>`,
    words.rtl
      ? label(width - 40, height - 20, words.strap, { size: 28, weight: 700, fill: C.paper, anchor: "end" })
      : label(40, height - 22, words.strap, { size: 26, weight: 700, spacing: 2, fill: C.paper }),
  ].join("");
  return svgDocument(width, height, body);
}

export interface RedeploymentLabels {
  qamishlo: string;
  hmeimim: string;
  tartus: string;
  damascus: string;
  iraq: string;
  turkey: string;
  sea: string;
  legend: readonly [string, string];
  rtl?: boolean;
}

export const REDEPLOYMENT_LABELS: Record<"en" | "ckb" | "ar", RedeploymentLabels> = {
  en: {
    qamishlo: "Qamishlo airport",
    hmeimim: "Hmeimim air base",
    tartus: "Tartus naval facility",
    damascus: "Damascus",
    iraq: "IRAQ",
    turkey: "TURKEY",
    sea: "MEDITERRANEAN",
    legend: ["Russian equipment moved", "to the coast, January 2026"],
  },
  ckb: {
    qamishlo: "فڕۆکەخانەی قامیشلۆ",
    hmeimim: "بنکەی حمێمیم",
    tartus: "بنکەی دەریایی تەرتووس",
    damascus: "دیمەشق",
    iraq: "عێراق",
    turkey: "تورکیا",
    sea: "دەریای ناوەڕاست",
    legend: ["گواستنەوەی ئامێری ڕووسی", "بۆ کەنار، کانوونی دووەمی ٢٠٢٦"],
    rtl: true,
  },
  ar: {
    qamishlo: "مطار القامشلي",
    hmeimim: "قاعدة حميميم الجوية",
    tartus: "منشأة طرطوس البحرية",
    damascus: "دمشق",
    iraq: "العراق",
    turkey: "تركيا",
    sea: "البحر المتوسط",
    legend: ["نقل المعدات الروسية", "إلى الساحل، كانون الثاني 2026"],
    rtl: true,
  },
};

/** Inline map for the Moscow summit: Russian units leaving Qamishlo for the Latakia coast. */
export function redeploymentMap(width = 1200, height = 800, words: RedeploymentLabels = REDEPLOYMENT_LABELS.en): string {
  const spacing = (n: number) => (words.rtl ? 0 : n);
  const px = width / 9; // longitudes 34.5°E to 43.5°E
  const { p, polygon } = projection(34.5, 38, px);
  const qamishlo = p([41.22, 37.03]);
  const hmeimim = p([35.95, 35.41]);
  const tartus = p([35.89, 34.89]);
  const damascus = p([36.29, 33.51]);
  // The arrow bows north along the border; the labels sit below their dots, clear of it.
  const control = [(qamishlo[0] + hmeimim[0]) / 2, Math.min(qamishlo[1], hmeimim[1]) - 90];
  // Stop the arrow short of the base so its head does not cover the dot.
  const end = [hmeimim[0] + 26, hmeimim[1] - 14];
  const town = (pt: [number, number], name: string, anchor: "start" | "end", dy = 8, weight = 400, halo: string = C.highlight) =>
    `<circle cx="${pt[0]}" cy="${pt[1]}" r="9" fill="${C.ink}" stroke="${C.paper}" stroke-width="3"/>` +
    label(pt[0] + (anchor === "start" ? 20 : -20), pt[1] + dy, name, { size: 26, weight, anchor, halo });
  const body = [
    `<defs><marker id="head" viewBox="0 0 10 10" refX="6" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">`,
    `<path d="M0,0 L10,5 L0,10 z" fill="${C.red}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="${C.land}"/>`,
    `<polygon points="${polygon(MEDITERRANEAN)}" fill="${C.sea}" stroke="${C.seaDeep}" stroke-width="2"/>`,
    `<polygon points="${polygon(SYRIA)}" fill="${C.highlight}" stroke="${C.slate}" stroke-width="3" stroke-linejoin="round"/>`,
    label(p([42.6, 33.2])[0], p([42.6, 33.2])[1], words.iraq, { size: 24, spacing: spacing(6), fill: C.slate, anchor: "middle" }),
    label(p([38.6, 37.7])[0], p([38.6, 37.7])[1], words.turkey, { size: 24, spacing: spacing(6), fill: C.slate, anchor: "middle" }),
    `<g transform="translate(${p([34.85, 34.2]).join(",")}) rotate(-90)">${label(0, 0, words.sea, { size: 18, spacing: spacing(4), fill: C.teal, anchor: "middle" })}</g>`,
    `<path d="M${qamishlo.join(",")} Q${control.join(",")} ${end.join(",")}" fill="none" stroke="${C.red}" stroke-width="7" stroke-linecap="round" marker-end="url(#head)"/>`,
    town(qamishlo, words.qamishlo, "end", 40, 700),
    town(hmeimim, words.hmeimim, "start", 30, 700),
    town(tartus, words.tartus, "start", 16, 700),
    town(damascus, words.damascus, "start"),
    `<rect x="${width - 430}" y="${height - 120}" width="400" height="90" fill="${C.paper}" stroke="${C.slate}" stroke-width="1"/>`,
    // The key reads from the line: line on the left for English, on the right for Arabic script.
    words.rtl
      ? `<line x1="${width - 110}" y1="${height - 75}" x2="${width - 50}" y2="${height - 75}" stroke="${C.red}" stroke-width="7" stroke-linecap="round"/>` +
        label(width - 125, height - 82, words.legend[0], { size: 20, anchor: "end" }) +
        label(width - 125, height - 52, words.legend[1], { size: 20, anchor: "end" })
      : `<line x1="${width - 410}" y1="${height - 75}" x2="${width - 350}" y2="${height - 75}" stroke="${C.red}" stroke-width="7" stroke-linecap="round"/>` +
        label(width - 335, height - 82, words.legend[0], { size: 20 }) +
        label(width - 335, height - 56, words.legend[1], { size: 20 }),
  ].join("");
  return svgDocument(width, height, body);
}

/** Hero for the Duhok power story: pylons and cables over a town at dusk. */
export function powerHero(width = 1600, height = 900): string {
  const random = seededRandom(2026_01_26);
  const horizon = 640;
  const pylon = (x: number, h: number) => {
    const top = horizon - h;
    const w = h * 0.22;
    return (
      `<g stroke="${C.ink}" stroke-width="5" fill="none" stroke-linejoin="round">` +
      `<polyline points="${x - w},${horizon} ${x},${top} ${x + w},${horizon}"/>` +
      `<line x1="${x - w * 0.55}" y1="${horizon - h * 0.45}" x2="${x + w * 0.55}" y2="${horizon - h * 0.45}"/>` +
      `<line x1="${x - w * 1.3}" y1="${top + h * 0.12}" x2="${x + w * 1.3}" y2="${top + h * 0.12}"/>` +
      `<line x1="${x - w}" y1="${top + h * 0.3}" x2="${x + w}" y2="${top + h * 0.3}"/>` +
      `<polyline points="${x - w * 0.75},${horizon - h * 0.25} ${x + w * 0.28},${horizon - h * 0.62} ${x - w * 0.2},${horizon - h * 0.78}"/>` +
      `</g>`
    );
  };
  const towers = [
    { x: 260, h: 420 },
    { x: 860, h: 330 },
    { x: 1330, h: 260 },
  ];
  const cables: string[] = [];
  for (let i = 0; i < towers.length - 1; i++) {
    const a = towers[i]!;
    const b = towers[i + 1]!;
    for (const [k, f] of [[-1.3, 0.12], [1.3, 0.12], [-1, 0.3], [1, 0.3]] as const) {
      const ax = a.x + k * a.h * 0.22;
      const ay = horizon - a.h + a.h * f;
      const bx = b.x + k * b.h * 0.22;
      const by = horizon - b.h + b.h * f;
      cables.push(`<path d="M${ax},${ay} Q${(ax + bx) / 2},${Math.max(ay, by) + 70} ${bx},${by}" />`);
    }
  }
  const buildings: string[] = [];
  const windows: string[] = [];
  let x = 0;
  while (x < width) {
    const w = 60 + Math.floor(random() * 90);
    const h = 40 + Math.floor(random() * 120);
    buildings.push(`<rect x="${x}" y="${horizon - h}" width="${w - 6}" height="${h + 4}"/>`);
    for (let wy = horizon - h + 14; wy < horizon - 14; wy += 26) {
      for (let wx = x + 10; wx < x + w - 22; wx += 22) {
        if (random() < 0.35) windows.push(`<rect x="${wx}" y="${wy}" width="9" height="12"/>`);
      }
    }
    x += w;
  }
  const body = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">`,
    `<stop offset="0" stop-color="#3b4a5c"/><stop offset="0.65" stop-color="#8b8a8c"/><stop offset="1" stop-color="#d3a46d"/>`,
    `</linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<g fill="#2a3440">${buildings.join("")}</g>`,
    `<g fill="#e7c27a">${windows.join("")}</g>`,
    `<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${C.ink}"/>`,
    towers.map((t) => pylon(t.x, t.h)).join(""),
    `<g stroke="${C.ink}" stroke-width="2.5" fill="none">${cables.join("")}</g>`,
  ].join("");
  return svgDocument(width, height, body);
}

/** Hero for the snow story: a snow-covered runway, an aircraft tail and falling snow. */
export function snowHero(width = 1600, height = 1067): string {
  const random = seededRandom(2026_01_27);
  const horizon = 520;
  const flakes: string[] = [];
  for (let i = 0; i < 260; i++) {
    const cx = Math.round(random() * width);
    const cy = Math.round(random() * height);
    const r = 2 + Math.round(random() * 5);
    flakes.push(`<circle cx="${cx}" cy="${cy}" r="${r}"/>`);
  }
  const dashes: string[] = [];
  // Centre-line dashes shrink towards the horizon.
  for (let i = 0; i < 9; i++) {
    const t0 = i / 9;
    const t1 = t0 + 0.055;
    const y0 = height - (height - horizon) * Math.sqrt(t0);
    const y1 = height - (height - horizon) * Math.sqrt(t1);
    const w0 = 14 * (1 - Math.sqrt(t0)) + 2;
    const w1 = 14 * (1 - Math.sqrt(t1)) + 2;
    const cx = width / 2;
    dashes.push(`<polygon points="${cx - w0},${round(y0)} ${cx + w0},${round(y0)} ${cx + w1},${round(y1)} ${cx - w1},${round(y1)}"/>`);
  }
  const body = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6f7d8a"/><stop offset="1" stop-color="#b9c2c8"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<polygon points="0,${horizon} 260,${horizon - 70} 520,${horizon - 30} 900,${horizon - 90} 1250,${horizon - 40} ${width},${horizon - 80} ${width},${horizon} " fill="#8e9aa3"/>`,
    `<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${C.snow}"/>`,
    `<polygon points="${width / 2 - 40},${horizon} ${width / 2 + 40},${horizon} ${width / 2 + 520},${height} ${width / 2 - 520},${height}" fill="#9ba5ac"/>`,
    `<g fill="${C.snow}">${dashes.join("")}</g>`,
    // An aircraft tail standing at a stand on the right.
    `<polygon points="1180,${horizon + 40} 1250,${horizon - 170} 1310,${horizon - 170} 1290,${horizon + 40}" fill="${C.slate}"/>`,
    `<rect x="1100" y="${horizon + 20}" width="330" height="44" rx="22" fill="#d9dde0"/>`,
    `<polygon points="1262,${horizon - 120} 1300,${horizon - 120} 1296,${horizon - 90} 1254,${horizon - 90}" fill="${C.red}"/>`,
    `<g fill="#ffffff" opacity="0.85">${flakes.join("")}</g>`,
  ].join("");
  return svgDocument(width, height, body);
}

/** Hero for the mountain-roads story: a snowbound pass, a plough at work and lorries waiting below. */
export function mountainRoadHero(width = 1600, height = 900): string {
  const random = seededRandom(2026_01_24);
  // The road: a cubic curve from the foot of the picture up into the pass.
  const road = [[180, height], [700, 700], [1350, 640], [1020, 430]] as const;
  const at = (t: number): [number, number] => {
    const u = 1 - t;
    const k = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return [round(k.reduce((s, w, i) => s + w * road[i]![0], 0)), round(k.reduce((s, w, i) => s + w * road[i]![1], 0))];
  };
  const roadPath = `M${road[0].join(",")} C${road[1].join(",")} ${road[2].join(",")} ${road[3].join(",")}`;
  // Lorries queue on the lower road, shrinking with distance; the plough works higher up.
  const lorries = [0.05, 0.14, 0.22, 0.3].map((t) => {
    const [x, y] = at(t);
    const k = 1 - t * 1.2;
    const w = round(120 * k);
    const h = round(46 * k);
    return (
      `<rect x="${round(x - w / 2)}" y="${round(y - h - 14 * k)}" width="${w}" height="${h}" fill="${C.slate}"/>` +
      `<rect x="${round(x + w / 2 - 2)}" y="${round(y - h * 0.8 - 14 * k)}" width="${round(30 * k)}" height="${round(h * 0.8)}" fill="${C.teal}"/>` +
      `<rect x="${round(x - w / 2)}" y="${round(y - h - 14 * k)}" width="${w}" height="${round(8 * k)}" fill="${C.snow}"/>`
    );
  });
  const [px, py] = at(0.62);
  const plough =
    `<rect x="${px - 40}" y="${py - 44}" width="70" height="34" fill="${C.ochre}"/>` +
    `<rect x="${px - 10}" y="${py - 66}" width="34" height="26" fill="${C.ochre}"/><rect x="${px - 4}" y="${py - 62}" width="22" height="14" fill="#d8dde0"/>` +
    `<polygon points="${px + 30},${py - 36} ${px + 56},${py - 48} ${px + 60},${py - 8} ${px + 30},${py - 10}" fill="${C.red}"/>` +
    `<circle cx="${px - 24}" cy="${py - 8}" r="9" fill="${C.ink}"/><circle cx="${px + 14}" cy="${py - 8}" r="9" fill="${C.ink}"/>`;
  const flakes: string[] = [];
  for (let i = 0; i < 220; i++) {
    flakes.push(`<circle cx="${Math.round(random() * width)}" cy="${Math.round(random() * height)}" r="${2 + Math.round(random() * 4)}"/>`);
  }
  const body = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5f6d7a"/><stop offset="1" stop-color="#aab4bb"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    // Far range, then the near slopes, all under snow.
    `<polygon points="0,430 180,250 330,360 520,170 720,330 900,210 1100,350 1300,190 1480,300 ${width},240 ${width},${height} 0,${height}" fill="#c9d0d4"/>`,
    `<polygon points="520,170 470,215 540,240 590,220" fill="${C.snow}"/><polygon points="1300,190 1250,235 1320,250 1360,232" fill="${C.snow}"/>`,
    `<polygon points="0,560 260,420 560,500 880,400 1200,470 ${width},380 ${width},${height} 0,${height}" fill="#dfe4e6"/>`,
    `<polygon points="0,700 400,600 800,660 1200,580 ${width},640 ${width},${height} 0,${height}" fill="${C.snow}"/>`,
    `<path d="${roadPath}" fill="none" stroke="#9ba5ac" stroke-width="70" stroke-linecap="round"/>`,
    `<path d="${roadPath}" fill="none" stroke="${C.snow}" stroke-width="4" stroke-dasharray="30 26"/>`,
    lorries.join(""),
    plough,
    `<g fill="#ffffff" opacity="0.85">${flakes.join("")}</g>`,
  ].join("");
  return svgDocument(width, height, body);
}

/** Hero for the displacement story: rows of tents on a bare plain under a winter sky. */
export function campHero(width = 1600, height = 900): string {
  const random = seededRandom(2026_01_25);
  const rows: string[] = [];
  for (let row = 0; row < 5; row++) {
    const y = 470 + row * row * 14 + row * 34;
    const scale = 0.45 + row * 0.22;
    const step = 150 * scale;
    const offset = (row % 2) * step * 0.5 - 40;
    for (let x = offset; x < width + step; x += step) {
      const w = 110 * scale;
      const h = 62 * scale;
      const shade = random() < 0.2 ? "#c9c3b6" : "#e6e1d6";
      rows.push(
        `<polygon points="${round(x)},${round(y)} ${round(x + w / 2)},${round(y - h)} ${round(x + w)},${round(y)}" fill="${shade}"/>` +
          `<polygon points="${round(x + w * 0.42)},${round(y)} ${round(x + w / 2)},${round(y - h * 0.55)} ${round(x + w * 0.58)},${round(y)}" fill="#7d7466"/>`,
      );
    }
  }
  const body = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9aa8b0"/><stop offset="1" stop-color="#d7d6cf"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<polygon points="0,420 300,370 620,400 980,350 1320,395 ${width},365 ${width},${height} 0,${height}" fill="#a59a84"/>`,
    `<rect y="430" width="${width}" height="${height - 430}" fill="#b8ab90"/>`,
    rows.join(""),
    `<circle cx="1320" cy="150" r="60" fill="#e9e6dc" opacity="0.7"/>`,
  ].join("");
  return svgDocument(width, height, body);
}

/** Inline chart for the budget story: Brent crude, rounded monthly averages for 2025. */
export function oilChart(width = 1200, height = 800): string {
  const months = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
  const prices = [79, 75, 72, 68, 64, 71, 71, 68, 68, 64, 64, 62];
  const left = 110;
  const right = width - 60;
  const top = 170;
  const bottom = height - 110;
  const max = 90;
  const y = (v: number) => round(bottom - ((bottom - top) * v) / max);
  const slot = (right - left) / prices.length;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${C.paper}"/>`,
    label(60, 74, "Brent crude, monthly average, 2025", { size: 38, weight: 700 }),
    label(60, 118, "US dollars a barrel, rounded", { size: 24, fill: C.slate }),
  ];
  for (let v = 0; v <= max; v += 30) {
    parts.push(`<line x1="${left}" y1="${y(v)}" x2="${right}" y2="${y(v)}" stroke="${C.grid}" stroke-width="${v === 0 ? 3 : 1.5}"/>`);
    parts.push(label(left - 16, y(v) + 8, String(v), { size: 22, fill: C.slate, anchor: "end" }));
  }
  prices.forEach((price, i) => {
    const x = left + i * slot + slot * 0.18;
    const w = slot * 0.64;
    const last = i === prices.length - 1;
    parts.push(`<rect x="${round(x)}" y="${y(price)}" width="${round(w)}" height="${round(bottom - y(price))}" fill="${last ? C.red : C.teal}"/>`);
    parts.push(label(round(x + w / 2), bottom + 36, months[i]!, { size: 22, fill: C.slate, anchor: "middle" }));
    if (i === 0 || last) parts.push(label(round(x + w / 2), y(price) - 12, String(price), { size: 24, weight: 700, anchor: "middle" }));
  });
  parts.push(label(60, height - 28, "Iraq's 2026 draft budget is built on a higher price than the December average.", { size: 20, fill: C.slate }));
  return svgDocument(width, height, parts.join(""));
}

/** A drawn head-and-shoulders portrait for an author profile (not a photograph of anyone). */
export function portrait(background: string, skin: string, size = 400): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 400 400"><rect width="400" height="400" fill="${background}"/><circle cx="200" cy="165" r="78" fill="${skin}"/><path d="M70 400 C80 280 320 280 330 400 Z" fill="#e8e2d6"/></svg>`;
}

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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
  const made = await makeSampleImages(contentDir);
  let total = 0;
  for (const { file, bytes } of made) {
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  content/${file}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  total`);
}
