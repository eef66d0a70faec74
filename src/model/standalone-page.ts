import type { Edition } from "../site/editions.ts";

/** A page that is not news (About, Contact, Corrections policy), linked from its edition's footer. */
export interface StandalonePage {
  readonly sourcePath: string;
  readonly title: string;
  readonly summary: string;
  readonly url: string;
  readonly outputPath: string;
  readonly html: string;
  readonly order: number;
  readonly edition: Edition;
  readonly lang: string;
  readonly translationKey: string | undefined;
}
