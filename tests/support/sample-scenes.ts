/**
 * The sample site's other illustrations (make-sample-images.ts): abstract scenes for the power, snow,
 * mountain-road and displacement stories, the budget story's chart, and authors' drawn portraits.
 */
import { C, label, round, seededRandom, svgDocument } from "./svg-drawing.ts";

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
