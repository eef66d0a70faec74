/**
 * The share row at the end of a story: plain links to each service's own share page, carrying the
 * story's canonical address, and "Copy link". No service's script or button is loaded: a reader's
 * visit is nobody else's business until they choose to share.
 *
 * "Copy link" needs JavaScript (the Clipboard API, in a secure context), so it is in the markup
 * hidden, and the row's script shows it only where it can work: without JavaScript there is no
 * button that does nothing. After copying, the status line says so (role="status": screen readers
 * announce it). The script is inline, as the search page's is, and the same on every page and in
 * every edition (its words are on the button), so tests can tell it from anything else.
 */
import { html, raw, type SafeHtml } from "../../../src/shared/html.ts";
import type { Edition } from "../../../src/site/editions.ts";

/** What a story is shared as. */
export interface Shared {
  /** Absolute and percent-encoded, as in the canonical link. */
  url: string;
  title: string;
  summary: string;
}

type Service = "shareEmail" | "shareWhatsApp" | "shareTelegram" | "shareX" | "shareFacebook";

/**
 * Each service's documented address for sharing a link, with every value percent-encoded as a whole:
 * e-mail RFC 6068; WhatsApp's "click to chat" without a number (wa.me/?text=, faq.whatsapp.com);
 * Telegram https://core.telegram.org/widgets/share#custom-buttons; X
 * https://docs.x.com/x-for-websites/post-button/guides/web-intent (x.com/intent/tweet is still the
 * documented intent); Facebook's sharer, which takes the URL only and reads the rest from the page's
 * Open Graph tags.
 */
export function shareLinks(s: Shared): { service: Service; href: string }[] {
  const q = encodeURIComponent;
  return [
    // Line breaks in a mailto body are CRLF (RFC 6068, section 5).
    { service: "shareEmail", href: `mailto:?subject=${q(s.title)}&body=${q(`${s.summary}\r\n\r\n${s.url}`)}` },
    { service: "shareWhatsApp", href: `https://wa.me/?text=${q(`${s.title} ${s.url}`)}` },
    { service: "shareTelegram", href: `https://t.me/share/url?url=${q(s.url)}&text=${q(s.title)}` },
    { service: "shareX", href: `https://x.com/intent/tweet?url=${q(s.url)}&text=${q(s.title)}` },
    { service: "shareFacebook", href: `https://www.facebook.com/sharer/sharer.php?u=${q(s.url)}` },
  ];
}

export function shareRow(shared: Shared, edition: Edition): SafeHtml {
  const words = edition.words;
  return html`<div class="share" data-pagefind-ignore>
<h2 class="share__title">${words.t("shareTitle")}</h2>
<ul class="share__links">${shareLinks(shared).map(
    (l) => html`<li><a href="${l.href}">${ICONS[l.service]}<span class="visually-hidden">${words.t(l.service)}</span></a></li>`,
  )}<li hidden><button type="button" class="share__copy" id="share-copy" data-url="${shared.url}" data-copied="${words.t("shareCopied")}">${ICONS.copy}<span>${words.t("shareCopy")}</span></button></li></ul>
<p class="share__status" id="share-status" role="status"></p>
<script type="module">${raw(SHARE_SCRIPT)}</script>
</div>`;
}

/**
 * Shows "Copy link" where the browser can copy, and copies. Should the browser refuse (a permission
 * denied), the status line shows the address instead, for the reader to copy by hand.
 */
export const SHARE_SCRIPT = `const copy = document.getElementById("share-copy");
const status = document.getElementById("share-status");
if (navigator.clipboard && window.isSecureContext) {
  copy.parentElement.hidden = false;
  copy.addEventListener("click", async () => {
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(copy.dataset.url);
      status.textContent = copy.dataset.copied;
    } catch {
      status.textContent = copy.dataset.url;
    }
  });
}`;

/** Drawn in the text's colour, 20 px on a 24 grid like the masthead's search icon; the link's words name it. */
const icon = (body: string) =>
  raw(`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`);

const ICONS: Record<Service | "copy", SafeHtml> = {
  // Two links of a chain.
  copy: icon(`<path d="M10 13.5a4 4 0 0 0 5.7.4l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10.5a4 4 0 0 0-5.7-.4l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2"/>`),
  shareEmail: icon(`<rect x="3" y="5.5" width="18" height="13" rx="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5"/>`),
  // A speech bubble with a handset.
  shareWhatsApp: icon(
    `<path d="M4.2 19.8 5.4 15.8A8 8 0 1 1 8.4 18.7z"/><path d="M9.2 8.2c.3-.4.8-.4 1 0l.8 1.6c.1.3 0 .6-.2.8l-.5.5a5 5 0 0 0 2.6 2.6l.5-.5c.2-.2.5-.3.8-.2l1.6.8c.4.2.4.7 0 1-.6.6-1.4 1-2.3.8a7 7 0 0 1-5-5c-.2-.9.1-1.8.7-2.4z" fill="currentColor" stroke="none"/>`,
  ),
  // A paper plane.
  shareTelegram: icon(`<path d="M21.5 4 2.5 11.3l6 2.2L19 6.5l-8 8.6.5 5.4 3-3.5 4.5 3.3z"/>`),
  shareX: icon(`<path d="M4 4h4.6L20 20h-4.6z" stroke-width="1.75"/><path d="M4.5 20 10.8 13M19.5 4l-6.2 7" stroke-width="1.75"/>`),
  shareFacebook: icon(
    `<path d="M13.5 21v-8h2.8l.4-3.2h-3.2v-2c0-.9.3-1.6 1.6-1.6h1.7V3.3a23 23 0 0 0-2.5-.1c-2.5 0-4.2 1.5-4.2 4.3v2.3H7.3V13h2.8v8z" fill="currentColor" stroke="none"/>`,
  ),
};
