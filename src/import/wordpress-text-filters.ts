/**
 * What WordPress does to a post's stored text before it shows it, as far as a converter needs:
 * shortcodes expanded (`[caption]`, `[gallery]`, `[embed]`… into the HTML they stand for; a plugin's
 * unwrapped or left out and listed) and, for classic posts, wpautop's paragraphs. Its output is the
 * HTML src/import/wordpress-html.ts converts.
 */

/** What expanding a `[gallery]` needs to know of the post's attachments. */
export interface ShortcodeContext {
  /** An attachment's address and caption, for `[gallery ids="…"]`. */
  attachment(id: string): { url: string; caption: string } | undefined;
  /** The attachments uploaded to this post, for a `[gallery]` without ids. */
  readonly children: readonly string[];
}

/** Block-level tags: a chunk of a classic post starting with one is not wrapped in `<p>` (as wpautop). */
const BLOCK_START = /^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|blockquote|figure|figcaption|pre|hr|form|iframe|script|style|section|article|aside|header|footer|nav|address|details|summary|video|audio|object|noscript|select|fieldset|!--)\b/i;

/** Shortcodes this converter reads (WordPress's own, and Jetpack's embeds). */
const KNOWN_SHORTCODES = new Set(["caption", "wp_caption", "gallery", "embed", "youtube", "tweet", "video", "audio", "playlist"]);

/** Replaces the shortcodes this converter knows with HTML it converts; unknown ones are unwrapped or dropped. */
export function expandShortcodes(html: string, ctx: ShortcodeContext, state: { dropped: string[] }): string {
  let text = html;
  // Enclosing shortcodes, outermost first; a plugin's layout shortcodes nest ([vc_row][vc_column]…).
  for (let round = 0; round < 8; round++) {
    const next = text.replace(/\[([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]([\s\S]*?)\[\/\1\]/g, (_whole, name: string, attrs: string, inner: string) =>
      enclosing(name.toLowerCase(), parseAttributes(attrs), inner, ctx, state),
    );
    if (next === text) break;
    text = next;
  }
  return text.replace(/\[([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]/g, (whole, name: string, attrs: string) => {
    const known = KNOWN_SHORTCODES.has(name.toLowerCase());
    // "[sic]" and "[Editor's note: …]" are text: a shortcode is a known name, or a name with key=value or "/".
    if (!known && !/^\s+[\w-]+\s*=|\/\s*$/.test(attrs)) return whole;
    return enclosing(name.toLowerCase(), parseAttributes(attrs.replace(/\/\s*$/, "")), "", ctx, state);
  });
}

function enclosing(name: string, attrs: Attributes, inner: string, ctx: ShortcodeContext, state: { dropped: string[] }): string {
  switch (name) {
    case "caption":
    case "wp_caption": {
      const img = /<img\b[^>]*>/i.exec(inner)?.[0];
      if (!img) return inner;
      const caption = attrs.named.caption ?? inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, "");
      return `\n\n<figure class="wp-caption">${img}<figcaption>${caption}</figcaption></figure>\n\n`;
    }
    case "gallery": {
      const ids = attrs.named.ids ? attrs.named.ids.split(",").map((id) => id.trim()).filter(Boolean) : ctx.children;
      return ids
        .map((id) => ({ id, attachment: ctx.attachment(id) }))
        .map(({ id, attachment }) => {
          if (!attachment) {
            state.dropped.push(`gallery picture ${id} (not in the export)`);
            return "";
          }
          return `\n\n<figure class="wp-gallery"><img src="${escapeAttribute(attachment.url)}" class="wp-image-${escapeAttribute(id)}" alt=""><figcaption>${escapeText(attachment.caption)}</figcaption></figure>\n\n`;
        })
        .join("");
    }
    case "embed":
    case "youtube":
    case "tweet": {
      const url = (inner.trim() || attrs.named.url || attrs.named.src || attrs.positional[0] || "").replace(/^=/, "");
      return url ? `\n\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeText(url)}</div></figure>\n\n` : "";
    }
    case "video":
    case "audio":
    case "playlist":
      state.dropped.push(`[${name}] shortcode`);
      return "";
    default:
      state.dropped.push(inner ? `[${name}] shortcode (its text kept)` : `[${name}] shortcode`);
      return inner;
  }
}

interface Attributes {
  named: Record<string, string>;
  positional: string[];
}

/** WordPress's shortcode attributes: key="value", key='value', key=value, or bare values. */
function parseAttributes(text: string): Attributes {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  const pattern = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.replace(/[\u00a0\u200b]/g, " ").matchAll(pattern)) {
    if (m[1]) named[m[1].toLowerCase()] = m[2]!;
    else if (m[3]) named[m[3].toLowerCase()] = m[4]!;
    else if (m[5]) named[m[5].toLowerCase()] = m[6]!;
    else positional.push(m[7] ?? m[8] ?? m[9]!);
  }
  return { named, positional };
}

/**
 * wpautop, as far as a converter needs it: chunks separated by blank lines become paragraphs,
 * single line breaks `<br>`, except in chunks that start with a block element and inside `<pre>`.
 */
export function autop(html: string): string {
  const kept: string[] = [];
  const text = html.replace(/\r\n?/g, "\n").replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => `\u0000${kept.push(pre) - 1}\u0000`);
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) || /^\u0000\d+\u0000$/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n\n")
    .replace(/\u0000(\d+)\u0000/g, (_whole, i: string) => kept[Number(i)]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
