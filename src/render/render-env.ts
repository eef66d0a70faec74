/** What a body is rendered with, besides its tokens: markdown-it's `env`, typed. */
import type { Words } from "../locale/words.ts";
import type { ImagePlan } from "../images/image-plan.ts";

export interface RenderEnv {
  /** Resolved images, by the `src` written in the Markdown. */
  images: ReadonlyMap<string, ImagePlan>;
  /** URL of the encoded images folder: a path for pages, absolute for feeds. */
  imageBase: string;
  /** Where links are resolved from; without it, links are left as written. */
  links?: LinkBase;
  /** The edition's interface words, for embeds ("Watch on YouTube"). */
  words: Words;
}

export interface LinkBase {
  /** Absolute URL of the page the text appears on. */
  page: string;
  /** The site's path prefix: a link written `/middle-east/` means `<prefix>middle-east/`. */
  prefix: string;
  /** Absolute URLs everywhere (feeds, read far from the site), or paths (pages). */
  absolute: boolean;
}

/** markdown-it types `env` loosely; ours always carries the resolved images. */
export function renderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}
