/**
 * The sample site's maps (make-sample-images.ts): the Moscow summit's hero and the redeployment map,
 * drawn on rough coastlines and borders, with their words in English, Sorani and Arabic.
 */
import { C, label, projection, svgDocument, type LonLat } from "./svg-drawing.ts";

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
