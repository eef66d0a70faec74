/**
 * A live story as the sample site builds it (tests/support/editions-site.ts: the English story has
 * ended, the Arabic one is live): LiveBlogPosting structured data with its coverage and its newest
 * updates at their anchors, and the cap; the feeds' item with every update and its newest time; the
 * sitemap's lastmod; and `updates.json` beside each page, in the page's markup.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildEditionsSite, fileOfUrl, pages, site } from "../support/editions-site.ts";
import { article, EN, instant } from "../support/model-values.ts";
import { articleHead, LIVE_UPDATES_IN_JSON_LD } from "../../templates/layout/head/article-head.ts";
import { editionModel } from "../support/model-values.ts";
import type { EditionModel } from "../../src/model/site-model.ts";

buildEditionsSite();

const ENDED = "/middle-east/al-sharaa-moscow-live/";
const LIVE = "/ar/middle-east/الشرع-في-موسكو-مباشر/";
const read = (relative: string) => readFileSync(path.join(site, relative), "utf8");
const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;

test("a live story is a LiveBlogPosting: coverage from its first update to its end, modified at its newest, its updates newest first at their anchors", () => {
  const data = jsonLd(read(fileOfUrl(ENDED)!));
  const updates = data.liveBlogUpdate as { "@type": string; headline: string; datePublished: string; url: string; author: { name: string }[] }[];
  assert.equal(data["@type"], "LiveBlogPosting");
  assert.deepEqual([data.coverageStartTime, data.coverageEndTime, data.dateModified], ["2026-01-28T09:40:00+03:00", "2026-01-28T19:30:00+03:00", "2026-01-28T19:20:00+03:00"]);
  assert.deepEqual(updates.map((u) => u.datePublished), ["19:20", "17:45", "15:10", "12:30", "12:05", "09:40"].map((t) => `2026-01-28T${t}:00+03:00`));
  const page = pages.get(ENDED)!;
  for (const u of updates) {
    assert.equal(u["@type"], "BlogPosting");
    const anchor = new URL(u.url).hash.slice(1);
    assert.ok(page.ids.has(anchor), `${u.url} leads to an update on the page`);
  }
  assert.equal(updates[1]!.headline, "The Kremlin says the talks covered the bases and “the past”.", "the update's words in bold");
  assert.deepEqual(updates[1]!.author.map((a) => a.name), ["Shilan Rashid"], "the update's own author");
  assert.deepEqual(updates[0]!.author.map((a) => a.name), ["Karwan Mirkhan"], "else the story's");
  const live = jsonLd(read(fileOfUrl(LIVE)!));
  assert.equal(live["@type"], "LiveBlogPosting");
  assert.equal(live.coverageEndTime, undefined, "still live: no end");
});

test(`the structured data lists the newest ${LIVE_UPDATES_IN_JSON_LD} updates, not more`, () => {
  const times = Array.from({ length: LIVE_UPDATES_IN_JSON_LD + 10 }, (_, i) => instant(`2026-01-28T${String(10 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00+03:00`)).reverse();
  const updates = times.map((time, i) => ({ id: `update-${i}`, time, key: false, pinned: false, author: undefined, headline: `Update ${i}`, index: i }));
  const a = article({ slug: "many", live: { status: "live", ended: undefined, updates }, date: "2026-01-28T09:00:00+03:00" });
  const model = { ...editionModel(EN, { articles: [a] }), fonts: { css: "", preload: undefined } } as EditionModel;
  const data = jsonLd(articleHead(a, model).value);
  assert.deepEqual((data.liveBlogUpdate as { headline: string }[]).map((u) => u.headline), updates.slice(0, LIVE_UPDATES_IN_JSON_LD).map((u) => u.headline));
});

test("the feeds carry the live story with every update, newest first, and its newest update's time; the sitemaps too, the news sitemap beside its first publication", () => {
  const feed = JSON.parse(read("feed.json")) as { items: { url: string; content_html: string; date_modified: string; date_published: string }[] };
  const item = feed.items.find((i) => i.url.endsWith(ENDED))!;
  assert.equal(Date.parse(item.date_modified), Date.parse("2026-01-28T19:20:00+03:00"));
  assert.equal(Date.parse(item.date_published), Date.parse("2026-01-28T09:00:00+03:00"));
  const at = (text: string) => item.content_html.indexOf(text);
  assert.ok(at("That is where we end") > at("spent the day in Moscow"), "the opening, then the updates");
  assert.ok(at("That is where we end") < at("The talks have begun") && at("The talks have begun") < at("plane has landed"), "newest first");
  assert.match(item.content_html, /19:20 GMT\+3/);
  assert.match(item.content_html, /<img src="https:\/\/news\.example\.org\/img\//, "an update's picture, at its full address");
  const news = read("news-sitemap.xml");
  assert.match(news, new RegExp(`<loc>https://news\\.example\\.org${ENDED}</loc><lastmod>2026-01-28T16:20:00\\.000Z</lastmod><news:news>.*?<news:publication_date>2026-01-28T09:00:00\\+03:00</news:publication_date>`));
  // 19:20 in Baghdad.
  assert.match(read("sitemap.xml"), new RegExp(`<loc>https://news\\.example\\.org${ENDED}</loc><lastmod>2026-01-28T16:20:00\\.000Z</lastmod>`));
});

test("updates.json beside each live page: its status and its updates newest first, in the page's own markup", () => {
  for (const url of [ENDED, LIVE]) {
    const data = JSON.parse(read(path.join(path.dirname(fileOfUrl(url)!), "updates.json"))) as { status: string; locale: string; updates: { id: string; time: string; html: string }[] };
    assert.equal(data.status, url === ENDED ? "ended" : "live");
    const html = read(fileOfUrl(url)!);
    for (const u of data.updates) assert.ok(html.includes(u.html.trim()), `${u.id}: as the page has it`);
    assert.deepEqual(data.updates.map((u) => u.time), [...data.updates.map((u) => u.time)].sort((a, b) => Date.parse(b) - Date.parse(a)));
  }
});
