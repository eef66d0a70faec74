/**
 * A share card: the 1200×630 picture social networks and chat apps show for a story (Open Graph's
 * og:image, Twitter's summary_large_image), with the story's headline, section and the site's name
 * drawn over its cropped picture, or set as type alone for a story without one. What a card shows is
 * decided once (src/model/share-card.ts); its file name is a hash of all of it, so the page that
 * names a card and the drawer that makes it (src/images/share-card-drawer.ts) cannot disagree, and a
 * card is drawn again only when something it shows changes.
 */
import { createHash } from "node:crypto";
import { cardFontsVersion } from "./card-fonts.ts";

/** Open Graph's recommended size: Facebook, LinkedIn, X and WhatsApp crop little or nothing of it. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** Part of every card's name: change it when the drawing changes (src/images/card-drawing.ts). */
export const CARD_VERSION = "v3";

export interface ShareCardText {
  readonly headline: string;
  /** The section's name in the story's language. */
  readonly section: string;
  /** The publication's name in the story's edition. */
  readonly siteName: string;
  /** The picture's credit ("Photo: AFP"), drawn small in a corner. */
  readonly credit: string | undefined;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** The story's picture; none for a typographic card. */
  readonly picture: { readonly source: string; readonly hash: string } | undefined;
}

export interface ShareCard extends ShareCardText {
  /** Its file, in the store's `cards` area and the output's image folder: `<hash>-card.jpg`. */
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** What a reader who cannot see it is told (og:image:alt): not drawn, so not part of its name. */
  readonly alt: string;
}

/** A card of `text`, named by everything it shows and by how it is drawn. */
export function shareCard(text: ShareCardText, alt: string): ShareCard {
  const { headline, section, siteName, credit, lang, dir, picture } = text;
  // The picture by its content hash, not its path: the same bytes elsewhere are the same card.
  const shown = [CARD_VERSION, cardFontsVersion(), headline, section, siteName, credit ?? "", lang, dir, picture?.hash ?? ""];
  const hash = createHash("sha256").update(shown.join("\0")).digest("hex").slice(0, 16);
  return { ...text, name: `${hash}-card.jpg`, ...CARD_SIZE, alt };
}
