/**
 * Embeds: the only way third-party content gets into an article, through an allow-list.
 *
 *   ::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ
 *   Caption of the video. (Video: Reuters)
 *   :::
 *
 * What may follow `::: embed`:
 * - a YouTube video (youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID, an optional `t=`):
 *   an iframe from youtube-nocookie.com, YouTube's privacy-enhanced player;
 * - a post on X (x.com or twitter.com/USER/status/ID): a static card linking to the post;
 * - an OpenStreetMap map: its "embed" URL (export/embed.html?bbox=…&marker=…), a map URL from the
 *   address bar (openstreetmap.org/#map=ZOOM/LAT/LON, with ?mlat=&mlon= for a marker), or
 *   `map LAT,LON` with an optional `zoom 1–19` (a marker at that point).
 * Anything else is refused with a message. The URL an editor wrote is never copied into the page:
 * it is parsed into ids and numbers, and the embed's URLs are rebuilt from those alone.
 */
import type { Words } from "../locale/words.ts";
import type { Caption } from "./credits.ts";
import { html, type SafeHtml } from "../shared/html.ts";

export type Embed =
  | { kind: "video"; id: string; start: number | undefined }
  | { kind: "post"; user: string; id: string }
  | { kind: "map"; bbox: BBox; marker: LatLon | undefined; centre: LatLon; zoom: number; layer: string };

/** West, south, east, north, in degrees. */
export type BBox = readonly [number, number, number, number];
export type LatLon = readonly [number, number];

export type EmbedResult = Embed | { error: string };

export const NOT_ALLOWED = "only YouTube, X and OpenStreetMap embeds are allowed";

const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"]);
const X_HOSTS = new Set(["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"]);
const OSM_HOSTS = new Set(["openstreetmap.org", "www.openstreetmap.org"]);
const OSM_LAYERS = new Set(["mapnik", "cyclosm", "cyclemap", "transportmap", "hot"]);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const DEFAULT_ZOOM = 13;

/** What follows `::: embed`, as an embed or the reason it is refused. */
export function parseEmbed(spec: string): EmbedResult {
  const words = spec.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { error: "give a YouTube, X or OpenStreetMap URL after `::: embed` (or `map LAT,LON zoom 12`)" };
  if (words[0]!.toLowerCase() === "map") return mapFromPoint(words.slice(1), spec.trim());
  if (words.length > 1) return { error: `expected one URL after \`::: embed\`; got ${spec.trim()}` };
  const written = words[0]!;
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return { error: `${NOT_ALLOWED}; got ${written}` };
  }
  const host = url.hostname.toLowerCase();
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || url.port) {
    return { error: `${NOT_ALLOWED}; got ${written}` };
  }
  if (YOUTUBE_HOSTS.has(host) || host === "youtu.be") return video(url, host, written);
  if (X_HOSTS.has(host)) return post(url, written);
  if (OSM_HOSTS.has(host)) return map(url, written);
  return { error: `${NOT_ALLOWED}; got ${written}` };
}

function video(url: URL, host: string, written: string): EmbedResult {
  const segments = url.pathname.split("/").filter(Boolean);
  let id: string | undefined;
  if (host === "youtu.be" && segments.length === 1) id = segments[0];
  else if (segments.length === 1 && segments[0] === "watch") id = url.searchParams.get("v") ?? undefined;
  else if (segments.length === 2 && (segments[0] === "shorts" || segments[0] === "embed" || segments[0] === "live")) id = segments[1];
  if (!id || !VIDEO_ID.test(id)) {
    return { error: `a YouTube embed needs a video's URL (youtube.com/watch?v=ID, youtu.be/ID or youtube.com/shorts/ID); got ${written}` };
  }
  const t = url.searchParams.get("t") ?? url.searchParams.get("start");
  const start = t === null ? undefined : seconds(t);
  if (start === null) return { error: `a YouTube start time is seconds (t=90) or 1m30s; got ${written}` };
  return { kind: "video", id, start: start || undefined };
}

/** "90", "90s", "1m30s", "1h2m3s" → seconds; null when it is none of those. */
function seconds(t: string): number | null {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t);
  if (!t || !match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function post(url: URL, written: string): EmbedResult {
  // Share links carry tracking parameters (?s=20&t=…): the query is dropped, the path must be a post's.
  const match = /^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,20})\/?$/.exec(url.pathname);
  if (!match) return { error: `an X embed needs a post's URL (x.com/USER/status/ID); got ${written}` };
  return { kind: "post", user: match[1]!, id: match[2]! };
}

function map(url: URL, written: string): EmbedResult {
  const expected = `an OpenStreetMap embed needs its embed URL (openstreetmap.org/export/embed.html?bbox=…) or a map URL (openstreetmap.org/#map=ZOOM/LAT/LON); got ${written}`;
  if (url.pathname === "/export/embed.html") {
    const bbox = numbers(url.searchParams.get("bbox"), 4);
    const layer = url.searchParams.get("layer") ?? "mapnik";
    const markerParam = url.searchParams.get("marker");
    const marker = markerParam === null ? undefined : numbers(markerParam, 2);
    if (!bbox || !OSM_LAYERS.has(layer) || marker === null) return { error: expected };
    const [west, south, east, north] = bbox;
    if (!(west! < east! && south! < north!) || !validLon(west!) || !validLon(east!) || !validLat(south!) || !validLat(north!)) {
      return { error: `an OpenStreetMap bbox is west,south,east,north in degrees; got ${written}` };
    }
    if (marker && !(validLat(marker[0]!) && validLon(marker[1]!))) return { error: `an OpenStreetMap marker is lat,lon in degrees; got ${written}` };
    const centre: LatLon = [(south! + north!) / 2, (west! + east!) / 2];
    const zoom = Math.max(1, Math.min(19, Math.round(Math.log2((360 * (FRAME.width / 256)) / (east! - west!)))));
    return { kind: "map", bbox: bbox as unknown as BBox, marker: marker as LatLon | undefined, centre, zoom, layer };
  }
  if (url.pathname === "/") {
    // The address bar: https://www.openstreetmap.org/?mlat=36.19&mlon=44.01#map=12/36.19/44.01
    const view = /^#map=(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)(?:&.*)?$/.exec(url.hash);
    if (!view) return { error: expected };
    const mlat = url.searchParams.get("mlat");
    const mlon = url.searchParams.get("mlon");
    const marker = mlat !== null && mlon !== null ? numbers(`${mlat},${mlon}`, 2) : undefined;
    if (marker === null) return { error: expected };
    return mapAt([Number(view[2]), Number(view[3])], Number(view[1]), marker as LatLon | undefined, written);
  }
  return { error: expected };
}

/** `map 36.19,44.01` or `map 36.19,44.01 zoom 12`: a marker at the point. */
function mapFromPoint(words: string[], written: string): EmbedResult {
  const point = numbers(words[0] ?? null, 2);
  const zoomed = words.length === 1 || (words.length === 3 && words[1] === "zoom" && /^\d{1,2}$/.test(words[2]!));
  if (!point || !zoomed) return { error: `a map is \`map LAT,LON\` with an optional \`zoom 1–19\`, e.g. \`map 36.19,44.01 zoom 12\`; got ${written}` };
  return mapAt(point as unknown as LatLon, words[2] === undefined ? DEFAULT_ZOOM : Number(words[2]), point as unknown as LatLon, written);
}

/** The frame a map is drawn for: the article's column, 16:9 (the iframe scales; the view stays). */
const FRAME = { width: 672, height: 378 };

function mapAt(centre: LatLon, zoom: number, marker: LatLon | undefined, written: string): EmbedResult {
  const [lat, lon] = centre;
  if (!validLat(lat) || !validLon(lon) || (marker && !(validLat(marker[0]) && validLon(marker[1])))) {
    return { error: `map coordinates are LAT between -90 and 90 and LON between -180 and 180; got ${written}` };
  }
  if (zoom < 1 || zoom > 19) return { error: `a map's zoom is 1 to 19; got ${written}` };
  // Web Mercator: 256 px tiles, 2^zoom of them around the world; a degree of latitude is
  // 1/cos(lat) times taller than a degree of longitude.
  const degreesPerPixel = 360 / (256 * 2 ** zoom);
  const halfLon = (FRAME.width / 2) * degreesPerPixel;
  const halfLat = (FRAME.height / 2) * degreesPerPixel * Math.cos((Math.min(Math.abs(lat), 85) * Math.PI) / 180);
  const bbox: BBox = [
    round(Math.max(-180, lon - halfLon)),
    round(Math.max(-90, lat - halfLat)),
    round(Math.min(180, lon + halfLon)),
    round(Math.min(90, lat + halfLat)),
  ];
  return { kind: "map", bbox, marker, centre, zoom, layer: "mapnik" };
}

/** `count` comma-separated decimal numbers, or null. */
function numbers(text: string | null, count: number): number[] | null {
  if (text === null) return null;
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length !== count || !parts.every((p) => /^-?\d{1,3}(?:\.\d{1,10})?$/.test(p))) return null;
  return parts.map(Number);
}

const validLat = (n: number) => n >= -90 && n <= 90;
const validLon = (n: number) => n >= -180 && n <= 180;
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The embed's own address, for the link readers follow (and feed readers that drop iframes). */
export function embedSourceUrl(embed: Embed): string {
  switch (embed.kind) {
    case "video":
      return `https://www.youtube.com/watch?v=${embed.id}${embed.start ? `&t=${embed.start}s` : ""}`;
    case "post":
      return `https://x.com/${embed.user}/status/${embed.id}`;
    case "map": {
      const [lat, lon] = embed.marker ?? embed.centre;
      const marker = embed.marker ? `?mlat=${embed.marker[0]}&mlon=${embed.marker[1]}` : "";
      return `https://www.openstreetmap.org/${marker}#map=${embed.zoom}/${round(lat)}/${round(lon)}`;
    }
  }
}

/**
 * The embed as a <figure>, captioned like a photograph. Frames are 16:9 with their size given, so
 * nothing moves when they load, and lazy: a reader who never scrolls to them asks nothing of YouTube
 * or OpenStreetMap. The sandbox lets the player and the map run but never navigate our page.
 */
export function embedFigure(embed: Embed, caption: Caption, words: Words): SafeHtml {
  const described = (label: string) => (caption.text ? `${label}: ${caption.text}` : label);
  const source = embedSourceUrl(embed);
  switch (embed.kind) {
    case "video": {
      const src = `https://www.youtube-nocookie.com/embed/${embed.id}${embed.start ? `?start=${embed.start}` : ""}`;
      const frame = html`<iframe class="embed__frame" src="${src}" title="${described(words.t("embedVideo"))}" width="${FRAME.width}" height="${FRAME.height}" loading="lazy" allow="encrypted-media; fullscreen; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"></iframe>`;
      return figureOf("video", frame, caption, html`<a class="embed__source" href="${source}">${words.t("embedWatch")}</a>`);
    }
    case "post": {
      // No widgets.js from X: pages work without JavaScript and load nothing from another host
      // unless a reader asks. The card is a link to the post; the caption says what it says.
      const card = html`<a class="embed__card" href="${source}"><span class="embed__card-title">${words.t("embedPost", { user: `@${embed.user}` })}</span> <span class="embed__card-url" dir="ltr">x.com/${embed.user}/status/${embed.id}</span></a>`;
      return figureOf("post", card, caption, undefined);
    }
    case "map": {
      // The layer is one of OSM_LAYERS (checked when parsed), so it goes back into the frame's URL as is.
      const params = new URLSearchParams({ bbox: embed.bbox.join(","), layer: embed.layer });
      if (embed.marker) params.set("marker", embed.marker.join(","));
      const src = `https://www.openstreetmap.org/export/embed.html?${params.toString().replace(/%2C/g, ",")}`;
      const frame = html`<iframe class="embed__frame" src="${src}" title="${described(words.t("embedMap"))}" width="${FRAME.width}" height="${FRAME.height}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
      return figureOf("map", frame, caption, html`<a class="embed__source" href="${source}">${words.t("embedLargerMap")}</a>`);
    }
  }
}

/** The markup of src/render/figure.ts's figures: caption and credit apart; then the link to the source. */
function figureOf(kind: Embed["kind"], content: SafeHtml, caption: Caption, link: SafeHtml | undefined): SafeHtml {
  const parts = [
    caption.text ? html`<span class="caption">${caption.text}</span>` : undefined,
    caption.credit ? html`<span class="credit">${caption.credit}</span>` : undefined,
    link,
  ].filter((p) => p !== undefined);
  const figcaption = parts.length ? html`<figcaption>${parts.flatMap((p, i) => (i ? [" ", p] : [p]))}</figcaption>` : "";
  return html`<figure class="embed embed--${kind}">${content}${figcaption}</figure>`;
}
