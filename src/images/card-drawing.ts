/**
 * Draws a share card (src/images/share-card.ts) as a JPEG: the story's picture cropped to 1200×630
 * with a dark gradient rising from the bottom, the section as a label, the headline in bold serif
 * and the site's name under a thin rule, the credit small in the bottom corner; without a picture,
 * the same type on the site's ink with a larger headline. Right-to-left stories mirror it: text set
 * from the right, labels at the right.
 *
 * Text is set by Pango through sharp's `text` input (libvips, with HarfBuzz shaping and fribidi
 * ordering): Arabic and Sorani come out joined and right to left, which satori and resvg do not do.
 * Only the card's own fonts are named (src/images/card-fonts.ts), each family list covering Latin
 * and Arabic script, so digits and Latin words in an Arabic headline are set in the card's fonts too.
 *
 * Per card: one decode of the picture (shrunk on load to about the card's size), each text layer
 * set once (a headline too long for its box twice), the layers laid over the pixels here, and one
 * JPEG encode. The layers are blended in JavaScript, each over its own small rectangle: libvips'
 * composite lays every overlay over the whole frame, and eight of them took 45 ms a card, more than
 * everything else together (a cold build of a 50,000-story archive draws 50,000 cards).
 */
import { html } from "../shared/html.ts";
import { CARD_FAMILY } from "./card-fonts.ts";
import { CARD_SIZE, type ShareCardText } from "./share-card.ts";
import { loadSharp, MAX_PIXELS } from "./sharp.ts";

/** The site's colours (assets/css/site.css): the ink of its text, its accent, its dark-mode text. */
const INK = "#141414";
const ACCENT = "#b3122e";
const WHITE = "#ffffff";
const PALE = "#e8e6e3";

const { width: WIDTH, height: HEIGHT } = CARD_SIZE;
/** Space between the text and the card's sides, and under the footer. */
const SIDE = 64;
const BOTTOM = 40;
const TEXT_WIDTH = WIDTH - 2 * SIDE;
/** The accent bar along the bottom edge. */
const BAR = 8;
const LABEL_PADDING = { x: 14, y: 7 } as const;

export interface CardType {
  /** Pango font families, first choice first: each list covers both scripts. */
  readonly headline: string;
  readonly label: string;
  /** Arabic script sets larger for the same reading size (as the site's CSS does with --script). */
  readonly scale: number;
}

/** By the story's direction: Latin-script faces first for a left-to-right story, Arabic-script ones for a right-to-left one. */
export const CARD_TYPE: Readonly<Record<"ltr" | "rtl", CardType>> = {
  ltr: { headline: `${CARD_FAMILY.serif}, ${CARD_FAMILY.naskh}`, label: `${CARD_FAMILY.sans}, ${CARD_FAMILY.sansArabic}`, scale: 1 },
  rtl: { headline: `${CARD_FAMILY.naskh}, ${CARD_FAMILY.serif}`, label: `${CARD_FAMILY.sansArabic}, ${CARD_FAMILY.sans}`, scale: 1.08 },
};

/** Sizes in pixels (Pango points at 72 dpi), before the script's scale. */
const SIZE = {
  /** The largest headline; a longer one shrinks until it fits its box. */
  headline: { picture: 58, typographic: 72 },
  label: 22,
  siteName: 28,
  credit: 18,
} as const;
/** The headline's box: about three lines at the largest size over a picture, five without one. */
const HEADLINE_BOX = { picture: 230, typographic: 340 } as const;

/**
 * mozjpeg's quantisation table (ImageMagick's, kinder to flat colour and type) with optimised
 * Huffman coding: 5 ms to encode a card here. Left out: trellis quantisation, 30–50 ms more a card
 * for 5–15% fewer bytes, and overshoot deringing, 2–4 ms more with no difference to be seen at twice
 * the size along white type on the ink; a card is 25–65 KB either way. Every millisecond here is 50 s
 * of a cold build of a 50,000-story archive.
 */
const JPEG = { quality: 80, optimiseCoding: true, quantisationTable: 3 } as const;

export interface Layer {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The card's pixels, 8-bit sRGB, three channels, row by row. */
interface Canvas {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Something laid over the card: paints itself onto the canvas. */
type Paint = (canvas: Canvas) => void;

/** The card as JPEG bytes. `fonts`: the card fonts' files (src/images/card-fonts.ts). */
export async function drawCard(card: ShareCardText, fonts: readonly string[]): Promise<Buffer> {
  const sharp = await loadSharp();
  await useFonts(fonts);
  const type = CARD_TYPE[card.dir];
  const kind = card.picture ? "picture" : "typographic";
  const size = (px: number) => Math.round(px * type.scale);
  const set = (text: string, font: string, colour = WHITE) => typeset(text, { font, colour, lang: card.lang, dir: card.dir });
  const [headline, label, siteName, credit] = await Promise.all([
    fitted(card, `${type.headline} Bold ${size(SIZE.headline[kind])}`, HEADLINE_BOX[kind]),
    set(card.section, `${type.label} Semi-Bold ${size(SIZE.label)}`),
    set(card.siteName, `${type.headline} Bold ${size(SIZE.siteName)}`),
    card.picture && card.credit ? set(card.credit, `${type.label} ${size(SIZE.credit)}`, PALE) : undefined,
  ]);
  // From the start side: x of a layer `w` wide set `inset` from the start (the right, in RTL).
  const start = (w: number, inset = SIDE) => (card.dir === "rtl" ? WIDTH - inset - w : inset);
  const end = (w: number) => (card.dir === "rtl" ? SIDE : WIDTH - SIDE - w);

  // Bottom up: the accent bar, the footer (site name and credit), the rule, the headline, the label.
  const footerTop = HEIGHT - BAR - BOTTOM - siteName.height;
  const ruleTop = footerTop - 18;
  const headlineTop = card.picture ? ruleTop - 22 - headline.height : Math.round((HEIGHT - headline.height) / 2);
  const labelBox = { width: label.width + 2 * LABEL_PADDING.x, height: label.height + 2 * LABEL_PADDING.y };
  const labelTop = card.picture ? headlineTop - 20 - labelBox.height : SIDE;

  const layers: Paint[] = [
    ...(card.picture ? [gradient(labelTop - 140)] : []),
    box(labelBox.width, labelBox.height, ACCENT, start(labelBox.width), labelTop),
    placed(label, start(label.width, SIDE + LABEL_PADDING.x), labelTop + LABEL_PADDING.y),
    placed(headline, start(headline.width), headlineTop),
    box(TEXT_WIDTH, 2, "#ffffff59", SIDE, ruleTop),
    placed(siteName, start(siteName.width), footerTop),
    ...(credit ? [placed(credit, end(credit.width), footerTop + siteName.height - credit.height)] : []),
    box(WIDTH, BAR, ACCENT, 0, HEIGHT - BAR),
  ];
  const canvas = card.picture ? await pictureCanvas(card.picture.source) : inkCanvas();
  for (const paint of layers) paint(canvas);
  return sharp(canvas.data, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg(JPEG).toBuffer();
}

/** The picture cropped to the card: EXIF orientation applied, the same crop as the pictures' own (src/images/image-encoder.ts). */
async function pictureCanvas(source: string): Promise<Canvas> {
  const sharp = await loadSharp();
  // A large source is shrunk as it is decoded (libjpeg's and libwebp's shrink-on-load), not decoded
  // whole; a grey or CMYK one comes out as three channels of sRGB, as the canvas is.
  const { data, info } = await sharp(source, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ ...CARD_SIZE, fit: "cover", position: sharp.strategy.attention })
    .flatten({ background: INK })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== WIDTH || info.height !== HEIGHT) throw new Error(`${source}: decoded as ${info.width}×${info.height}×${info.channels}, not ${WIDTH}×${HEIGHT}×3`);
  return { data, width: WIDTH, height: HEIGHT };
}

/** The site's ink, for a card without a picture. */
function inkCanvas(): Canvas {
  const data = Buffer.alloc(WIDTH * HEIGHT * 3);
  const [r, g, b] = rgba(INK);
  for (let i = 0; i < data.length; i += 3) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  }
  return { data, width: WIDTH, height: HEIGHT };
}

/** The headline in `font`, or, when that is taller than `maxHeight`, as large as fits the box. */
async function fitted(card: ShareCardText, font: string, maxHeight: number): Promise<Layer> {
  const o = { font, colour: WHITE, lang: card.lang, dir: card.dir, width: TEXT_WIDTH };
  const layer = await typeset(card.headline, o);
  // libvips finds the largest size at which the text, wrapped at the width, fits the height.
  return layer.height <= maxHeight ? layer : typeset(card.headline, { ...o, height: maxHeight });
}

export interface TypesetOptions {
  /** A Pango font description: families (the card's: CARD_FAMILY), style, size in pixels. */
  readonly font: string;
  readonly lang: string;
  /** The paragraph's direction. */
  readonly dir: "ltr" | "rtl";
  readonly colour?: string;
  /** Wrapped at this width (default: the card's text width). */
  readonly width?: number;
  /** With a height, set as large as fits `width` × `height`, whatever the font's size. */
  readonly height?: number;
}

/**
 * `text` set in colour on clear, as raw RGBA: shaped and ordered by Pango, wrapped between words.
 * The paragraph's direction is marked at its start (a Sorani headline opening with "BBC" is still
 * right to left), and `align: "left"` is the start side: Pango mirrors it in a right-to-left paragraph.
 * The card fonts must be in use (`useFonts`).
 */
export async function typeset(text: string, o: TypesetOptions): Promise<Layer> {
  const sharp = await loadSharp();
  const mark = o.dir === "rtl" ? "\u200f" : "\u200e";
  const markup = html`<span foreground="${o.colour ?? WHITE}" lang="${o.lang}">${mark}${text.replace(/\s+/g, " ").trim()}</span>`.value;
  const box = { width: o.width ?? TEXT_WIDTH, ...(o.height ? { height: o.height } : { dpi: 72 }) };
  // 72 dpi: a font's size is pixels. With a height, libvips works out the size itself (not both).
  const { data, info } = await sharp({ text: { text: markup, font: o.font, ...box, rgba: true, align: "left", wrap: "word-char" } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A text layer (RGBA, alpha not premultiplied, as libvips' text gives it) laid over the canvas at `left`, `top`. */
function placed(layer: Layer, left: number, top: number): Paint {
  return (canvas) => {
    const [x0, y0] = [Math.round(left), Math.round(top)];
    for (let y = Math.max(0, -y0); y < layer.height && y0 + y < canvas.height; y++) {
      for (let x = Math.max(0, -x0); x < layer.width && x0 + x < canvas.width; x++) {
        const from = (y * layer.width + x) * 4;
        const alpha = layer.data[from + 3]!;
        if (alpha) over(canvas.data, ((y0 + y) * canvas.width + x0 + x) * 3, layer.data[from]!, layer.data[from + 1]!, layer.data[from + 2]!, alpha);
      }
    }
  };
}

/** A rectangle of one colour (`#rrggbb` or `#rrggbbaa`). */
function box(width: number, height: number, colour: string, left: number, top: number): Paint {
  const [r, g, b, alpha] = rgba(colour);
  return (canvas) => {
    const [x0, y0] = [Math.max(0, Math.round(left)), Math.max(0, Math.round(top))];
    const [x1, y1] = [Math.min(canvas.width, Math.round(left) + width), Math.min(canvas.height, Math.round(top) + height)];
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) over(canvas.data, (y * canvas.width + x) * 3, r, g, b, alpha);
  };
}

/** `colour` at `alpha` (0–255) over the canvas pixel at `at`, in sRGB, as libvips' "over" does for 8-bit images. */
function over(data: Buffer, at: number, r: number, g: number, b: number, alpha: number): void {
  const keep = 255 - alpha;
  data[at] = Math.round((r * alpha + data[at]! * keep) / 255);
  data[at + 1] = Math.round((g * alpha + data[at + 1]! * keep) / 255);
  data[at + 2] = Math.round((b * alpha + data[at + 2]! * keep) / 255);
}

function rgba(colour: string): [number, number, number, number] {
  const hex = colour.slice(1);
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4), hex.length === 8 ? channel(6) : 255];
}

/**
 * Black rising from clear at `top` to 70% at the label's height and 88% at the bottom: white text on
 * it keeps a contrast of at least 4.5:1 over any picture, even a white one (70% black over white is
 * #4d4d4d, 8.4:1 against white). One column of pixels, tiled across the card.
 */
function gradient(top: number): Paint {
  const solid = Math.min(HEIGHT, top + 140);
  return (canvas) => {
    for (let y = Math.max(0, top); y < canvas.height; y++) {
      const alpha = Math.round(255 * (y < solid ? 0.7 * smooth((y - top) / (solid - top)) : 0.7 + 0.18 * ((y - solid) / Math.max(1, canvas.height - solid))));
      // Black over a whole row is every channel scaled by the same amount.
      const keep = 255 - alpha;
      const end = (y + 1) * canvas.width * 3;
      for (let i = y * canvas.width * 3; i < end; i++) canvas.data[i] = Math.round((canvas.data[i]! * keep) / 255);
    }
  };
}

function smooth(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

/**
 * Makes the card fonts known to Pango, once per file per process. sharp has no call for it: a text
 * input naming a `fontfile` adds that file to fontconfig's fonts for the rest of the process, so a
 * dot is set with each file once.
 */
const registered = new Set<string>();
export async function useFonts(files: readonly string[]): Promise<void> {
  const sharp = await loadSharp();
  for (const fontfile of files) {
    if (registered.has(fontfile)) continue;
    await sharp({ text: { text: ".", fontfile } }).raw().toBuffer();
    registered.add(fontfile);
  }
}
