/**
 * Embeds: the allow-list (src/render/embeds.ts) and the loader's messages for refused embeds. What allowed
 * embeds render to is in the Markdown fixtures (tests/fixtures/markdown/embed-*).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { loadArticle } from "../../src/content/load-article.ts";
import { embedFigure, parseEmbed } from "../../src/render/embeds.ts";
import type { Problem } from "../../src/shared/errors.ts";
import { REPO } from "../support/fixture-site.ts";
import { testLoadContext } from "../support/load-context.ts";
import { english } from "../support/words.ts";

test("allowed: YouTube, X and OpenStreetMap, in the shapes editors copy", () => {
  const id = "dQw4w9WgXcQ";
  for (const url of [
    `https://www.youtube.com/watch?v=${id}`,
    `https://youtube.com/watch?v=${id}&feature=share`,
    `http://m.youtube.com/watch?v=${id}`,
    `https://youtu.be/${id}`,
    `https://www.youtube.com/shorts/${id}`,
  ]) {
    assert.deepEqual(parseEmbed(url), { kind: "video", id, start: undefined }, url);
  }
  assert.deepEqual(parseEmbed(`https://youtu.be/${id}?t=95`), { kind: "video", id, start: 95 });
  assert.deepEqual(parseEmbed(`https://www.youtube.com/watch?v=${id}&t=1h2m3s`), { kind: "video", id, start: 3723 });
  for (const url of ["https://x.com/Kurdistan24/status/123", "https://twitter.com/Kurdistan24/status/123?s=20&t=xyz", "https://mobile.twitter.com/Kurdistan24/status/123/"]) {
    assert.deepEqual(parseEmbed(url), { kind: "post", user: "Kurdistan24", id: "123" }, url);
  }
  const map = parseEmbed("map 36.19,44.01 zoom 12");
  assert.ok(!("error" in map) && map.kind === "map");
  assert.deepEqual(map.marker, [36.19, 44.01]);
  assert.equal(map.zoom, 12);
  const [west, south, east, north] = map.bbox;
  assert.ok(west < 44.01 && 44.01 < east && south < 36.19 && 36.19 < north);
  // A 16:9 frame: the view is wider than tall, on the ground too (a degree of longitude is shorter here).
  assert.ok((east - west) * Math.cos((36.19 * Math.PI) / 180) > (north - south));
  assert.ok(!("error" in parseEmbed("https://www.openstreetmap.org/export/embed.html?bbox=43.9,36.1,44.1,36.3&layer=mapnik")));
  assert.ok(!("error" in parseEmbed("https://www.openstreetmap.org/?mlat=36.19&mlon=44.01#map=12/36.19/44.01")));
});

test("refused: other hosts, other schemes, look-alike hosts, and allowed hosts' other pages", () => {
  const notAllowed = (url: string) => ({ error: `only YouTube, X and OpenStreetMap embeds are allowed; got ${url}` });
  for (const url of [
    "https://evil.example",
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
    "//www.youtube.com/watch?v=dQw4w9WgXcQ",
    "<iframe",
  ]) {
    assert.deepEqual(parseEmbed(url), notAllowed(url), url);
  }
  const error = (spec: string) => {
    const result = parseEmbed(spec);
    return "error" in result ? result.error : undefined;
  };
  assert.match(error("https://www.youtube.com/channel/UC123")!, /^a YouTube embed needs a video's URL/);
  assert.match(error("https://www.youtube.com/watch?v=short")!, /^a YouTube embed needs a video's URL/);
  assert.match(error('https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="alert(1)')!, /^a YouTube embed needs a video's URL/);
  assert.match(error("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=soon")!, /^a YouTube start time/);
  assert.match(error("https://x.com/Kurdistan24")!, /^an X embed needs a post's URL/);
  assert.match(error("https://x.com/i/web/status/123")!, /^an X embed needs a post's URL/);
  assert.match(error("https://www.openstreetmap.org/user/someone")!, /^an OpenStreetMap embed needs/);
  assert.match(error("https://www.openstreetmap.org/export/embed.html?bbox=44.1,36.1,43.9,36.3")!, /bbox is west,south,east,north/);
  assert.match(error("map 95,44")!, /^map coordinates are LAT between -90 and 90/);
  assert.match(error("map 36.19,44.01 zoom 25")!, /^a map's zoom is 1 to 19/);
  assert.match(error("map Erbil")!, /^a map is `map LAT,LON`/);
  assert.match(error("")!, /^give a YouTube, X or OpenStreetMap URL/);
  assert.match(error("https://youtu.be/dQw4w9WgXcQ https://evil.example")!, /^expected one URL/);
});

// ---- the loader --------------------------------------------------------------------------------

const ctx = testLoadContext({ root: REPO, sections: ["World"] });
const FRONTMATTER = '---\ntitle: "Embeds"\nsummary: "A story with embeds in it, for the loader\'s tests of the allow-list."\ndate: 2026-01-28\nauthor: A\nsection: World\n---\n';

async function load(body: string) {
  return loadArticle(path.join(REPO, "content/world/embeds.md"), FRONTMATTER + body, ctx);
}

/** Problems as "line field: message" (the file is always content/world/embeds.md). */
const lines = (problems: readonly Problem[] | undefined) => {
  for (const p of problems ?? []) assert.equal(p.file, "content/world/embeds.md");
  return problems?.map((p) => `${p.line} ${p.field}: ${p.message}`);
};

test("the loader refuses an embed off the allow-list, naming the file and line", async () => {
  // The body starts on line 9 of the file (8 lines of frontmatter and the blank line).
  const result = await load("\nText.\n\n::: embed https://evil.example\nA caption.\n:::\n\n::: embed https://youtu.be/dQw4w9WgXcQ\nFine.\n:::\n\n::: embed https://x.com/someone\n:::\n");
  assert.deepEqual(lines(result.problems), [
    "11 embed: only YouTube, X and OpenStreetMap embeds are allowed; got https://evil.example",
    "19 embed: an X embed needs a post's URL (x.com/USER/status/ID); got https://x.com/someone",
  ]);
});

test("the loader refuses an embed left open, one holding more than a caption, and a frame without a caption", async () => {
  const open = await load("\n::: embed https://youtu.be/dQw4w9WgXcQ\nThe caption.\n\n## The rest of the story\n\nText.\n");
  assert.deepEqual(lines(open.problems), [
    "9 embed: an embed holds only its caption, one paragraph of text, and ends with `:::` on a line of its own (it is not closed)",
  ]);
  const more = await load("\nText.\n\n::: embed https://youtu.be/dQw4w9WgXcQ\nThe caption.\n\n- a list\n:::\n");
  assert.match(lines(more.problems)![0]!, /^11 embed: an embed holds only its caption/);
  const bare = await load("\nText.\n\n::: embed map 36.19,44.01\n:::\n");
  assert.deepEqual(lines(bare.problems), [
    "11 embed: a map needs a caption saying what it shows, on the line after `::: embed`",
  ]);
});

test("an allowed embed loads, and reaches the page and the feed", async () => {
  const result = await load("\nText.\n\n::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ\nThe talks. (Video: Reuters)\n:::\n");
  assert.equal(result.problems, undefined);
  for (const html of [result.article!.html, result.article!.feedHtml]) {
    assert.match(html, /<iframe class="embed__frame" src="https:\/\/www.youtube-nocookie.com\/embed\/dQw4w9WgXcQ" title="YouTube video: The talks."/);
    assert.match(html, /<span class="credit">Video: Reuters<\/span>/);
  }
});

test("`:::` without `embed` is not an embed, and raw iframes stay text", async () => {
  const result = await load('\n::: video https://evil.example\n:::\n\n<iframe src="https://evil.example"></iframe>\n');
  assert.equal(result.problems, undefined);
  assert.doesNotMatch(result.article!.html, /<iframe/);
  assert.match(result.article!.html, /<p>&lt;iframe src=“https:\/\/evil.example”&gt;&lt;\/iframe&gt;<\/p>/);
});

test("an OpenStreetMap embed keeps the layer the editor chose", () => {
  const embed = parseEmbed("https://www.openstreetmap.org/export/embed.html?bbox=43.9,36.1,44.1,36.3&layer=cyclosm");
  assert.ok(!("error" in embed));
  const html = embedFigure(embed, { text: "Erbil's cycle routes.", credit: undefined }, english).value;
  assert.match(html, /layer=cyclosm/);
});
