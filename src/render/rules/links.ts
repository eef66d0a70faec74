import type { RendererRule as RenderRule } from "markdown-it";
import { renderEnv, type LinkBase } from "../render-env.ts";
import { tokenAttr } from "../tokens.ts";

/** A link, its href resolved for where the body is read (a page, or a feed). */
export const renderLink: RenderRule = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = tokenAttr(token, "href");
  const base = renderEnv(env).links;
  if (href === undefined || !base) return self.renderToken(tokens, idx, options);
  // The same tokens are rendered twice (page and feed): resolve on a copy, never in the token.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as typeof token, token, {
    attrs: token.attrs?.map(([name, value]) => [name, name === "href" ? resolveHref(String(value), base) : String(value)] as [string, string]) ?? null,
  });
  return self.renderToken([copy], 0, options);
};

/**
 * A link as readers need it: URLs with a scheme are kept; `/path/` is under the site's prefix;
 * relative paths and `#fragments` are resolved from the page. Feeds get absolute URLs throughout.
 */
export function resolveHref(href: string, base: LinkBase): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return href;
  if (href.startsWith("#") && !base.absolute) return href;
  const page = new URL(base.page);
  const target = href.startsWith("/") ? new URL(base.prefix + href.slice(1), page) : new URL(href, page);
  return base.absolute ? target.href : target.href.slice(target.origin.length);
}
