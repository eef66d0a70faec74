/**
 * Markup for responsive images and figures, shared by the Markdown renderer (inline figures) and
 * the article template (the hero), so both are made one way.
 */
import { MIME_TYPES, type ImagePlan } from "../images/image-plan.ts";
import { attr, html, type SafeHtml } from "../shared/html.ts";
import type { WordKey } from "../locale/words.ts";
import type { Caption } from "./credits.ts";
import type { PictureOrigin } from "./picture-text.ts";

export interface PictureOptions {
  alt: string;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  /** The hero is the page's largest paint: load it first, everything else lazily. */
  priority?: boolean;
  /** URL path of the folder holding the encoded variants, e.g. "/img/". */
  imageBase: string;
}

export function picture(plan: ImagePlan, o: PictureOptions): SafeHtml {
  const srcset = (format: string) =>
    plan.variants
      .filter((v) => v.format === format)
      .map((v) => `${o.imageBase}${v.name} ${v.width}w`)
      .join(", ");
  const fallbackFormat = plan.formats[plan.formats.length - 1]!;
  const fallbacks = plan.variants.filter((v) => v.format === fallbackFormat);
  // A middle width for browsers that ignore srcset; the largest variant gives the intrinsic size.
  const src = fallbacks.find((v) => v.width >= 800) ?? fallbacks[fallbacks.length - 1]!;
  const largest = fallbacks[fallbacks.length - 1]!;
  const sources = plan.formats
    .slice(0, -1)
    .map((f) => html`<source type="${MIME_TYPES[f]}" srcset="${srcset(f)}" sizes="${o.sizes}">`);
  // Width and height reserve the box (with `height: auto` in assets/css/site.css); the colour fills it
  // until the picture arrives. An inline style, as no Content-Security-Policy forbids one.
  const placeholder = attr("style", plan.colour && `background-color:${plan.colour}`);
  return html`<picture>${sources}<img src="${o.imageBase}${src.name}" srcset="${srcset(fallbackFormat)}" sizes="${o.sizes}" width="${largest.width}" height="${largest.height}" alt="${o.alt}" ${
    o.priority ? html`loading="eager" fetchpriority="high"` : html`loading="lazy"`
  } decoding="async"${placeholder}></picture>`;
}

/** The words of the label a picture's digital source type earns (src/render/picture-text.ts). */
export const ORIGIN_WORDS = {
  ai: "pictureAi",
  aiEdited: "pictureAiEdited",
  computer: "pictureComputer",
  composite: "pictureComposite",
} as const satisfies Record<PictureOrigin, WordKey>;

export interface FigureOptions extends PictureOptions {
  className: string;
  /** The label of a picture that is not a plain photograph ("AI-generated image"), shown first under it. */
  origin?: string | undefined;
}

export function figure(plan: ImagePlan, caption: Caption, o: FigureOptions): SafeHtml {
  const parts = [
    o.origin ? html`<span class="picture-origin">${o.origin}</span>` : undefined,
    caption.text ? html`<span class="caption">${caption.text}</span>` : undefined,
    caption.credit ? html`<span class="credit">${caption.credit}</span>` : undefined,
  ].filter((part) => part !== undefined);
  const figcaption = parts.length ? html`<figcaption>${parts.flatMap((part, i) => (i ? [" ", part] : [part]))}</figcaption>` : "";
  return html`<figure class="${o.className}">${picture(plan, o)}${figcaption}</figure>`;
}

/** How wide images are drawn; keep in step with `--measure` and `--wide` in assets/css/site.css. */
export const SIZES = {
  column: "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
  /** An image inside a sentence is drawn at the height of the line, like a glyph. */
  inline: "4em",
  hero: "(min-width: 66rem) 64rem, 100vw",
  card: "(min-width: 66rem) 20rem, (min-width: 44rem) calc(50vw - 1.75rem), 100vw",
  lead: "(min-width: 66rem) 40rem, 100vw",
  /** A front-page section block's first story: half the page from 44rem. */
  half: "(min-width: 66rem) 31rem, (min-width: 44rem) calc(50vw - 1.75rem), 100vw",
} as const;
