import type { Article, LiveUpdate } from "../../../src/model/article.ts";
import { html, raw, type SafeHtml } from "../../../src/shared/html.ts";
import type { Edition } from "../../../src/site/editions.ts";
import { names } from "./byline.ts";
import { updatedTag } from "./dates.ts";
import { FILE } from "../../../src/site/url-space.ts";

/**
 * A live story's updates, under its opening text: the pinned update, the key events (links to their
 * anchors), then every update newest first, each with its time (a link to itself), a key-event mark
 * and its author. It reads whole without JavaScript; while the story is live, a small script asks
 * for `updates.json` beside the page now and then and puts new updates at the top, saying so to
 * screen readers politely.
 *
 * A finished story offers the oldest-first order too: a link to `#oldest-first`, which the
 * stylesheet turns into a reversed list (the page reads the same without styles, newest first).
 */
export function liveUpdates(article: Article, edition: Edition): SafeHtml | string {
  const live = article.live;
  if (!live) return "";
  const words = edition.words;
  const pinned = live.updates.find((u) => u.pinned);
  const keyEvents = live.updates.filter((u) => u.key);
  const ended = live.status === "ended";
  return html`<section class="live${ended ? " live--ended" : ""}" aria-labelledby="live-title">
${pinned ? html`<div class="live__pinned"><h2 class="live__pinned-label">${words.t("livePinned")}</h2>${update(article, pinned, edition)}</div>` : ""}
${
  keyEvents.length
    ? html`<nav class="key-events" aria-labelledby="key-events-title" data-pagefind-ignore><h2 id="key-events-title" class="key-events__title">${words.t("liveKeyEvents")}</h2>
<ol>${keyEvents.map((u) => html`<li><a href="#${u.id}">${updatedTag(article.date, u.time, edition)} <span class="key-events__headline">${u.headline}</span></a></li>`)}</ol></nav>`
    : ""
}
<h2 id="live-title" class="live__title">${words.t(ended ? "liveUpdatesEnded" : "liveUpdates")}</h2>
${ended ? html`<p class="live__order" data-pagefind-ignore><a href="#oldest-first">${words.t("liveOldestFirst")}</a> <a href="#live-title">${words.t("liveNewestFirst")}</a></p><span id="oldest-first"></span>` : ""}
<div class="live__updates" id="live-updates" data-updates="${FILE.liveUpdates}">
${live.updates.filter((u) => u !== pinned).map((u) => update(article, u, edition))}
</div>
${ended ? "" : html`<p class="live__status" id="live-status" role="status"></p>
<script type="module">${raw(LIVE_SCRIPT)}</script>`}
</section>`;
}

/**
 * One update as the page shows it; `updates.json` carries the same markup for the page's script.
 * Its time, mark and author are its heading: a screen reader goes from update to update by them.
 */
export function update(article: Article, u: LiveUpdate, edition: Edition): SafeHtml {
  const words = edition.words;
  return html`<article class="live-update${u.key ? " live-update--key" : ""}" id="${u.id}">
<h3 class="live-update__header"><a class="live-update__time" href="#${u.id}">${updatedTag(article.date, u.time, edition)}</a>${
    u.key ? html` <span class="live-update__key">${words.t("liveKeyEvent")}</span>` : ""
  }${u.author ? html` <span class="live-update__author">${words.t("by")} ${names([{ name: u.author, url: undefined }], words)}</span>` : ""}</h3>
<div class="live-update__body">${raw(article.updateHtml[u.index]?.html ?? "")}</div>
</article>
`;
}

/**
 * Asks for `updates.json` (templates/files/live-updates-json.ts) every minute while the page is
 * visible, and puts the updates it has not shown at the top of the list, in the markup the page
 * would have given them; the status line says how many arrived. Stops once the story has ended.
 */
export const LIVE_SCRIPT = `const list = document.getElementById("live-updates");
const status = document.getElementById("live-status");
async function poll() {
  if (document.visibilityState !== "visible") return;
  let data;
  try {
    const response = await fetch(list.dataset.updates, { cache: "no-cache" });
    if (!response.ok) return;
    data = await response.json();
  } catch {
    return;
  }
  const fresh = data.updates.filter((u) => !document.getElementById(u.id));
  for (const u of fresh.reverse()) list.insertAdjacentHTML("afterbegin", u.html);
  const words = data.words[new Intl.PluralRules(data.locale).select(fresh.length)] ?? data.words.other;
  if (fresh.length) status.textContent = words.replace("{count}", fresh.length.toLocaleString(data.locale));
  if (data.status === "ended") clearInterval(timer);
}
const timer = setInterval(poll, 60000);
document.addEventListener("visibilitychange", poll);`;
