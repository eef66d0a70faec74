/**
 * An article's body (src/content/article-body.ts): what the loader reads off its tokens, its two
 * renders (page and feed), the version that keys its pages, the getters that read it back when a
 * page asks, and its reading back from the body cache, or from its file when the cache lost it.
 * Whole builds with the cache are tests/content/body-cache.test.ts.
 */
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { articleVersion, bodyFacts, fieldsOf, parseBody, readBack, rebound, renderBody, reviveArticle, withBody, type RenderInputs } from "../../src/content/article-body.ts";
import { BodyCache, renderName, type RenderedBody } from "../../src/content/body-cache.ts";
import { loadArticle } from "../../src/content/load-article.ts";
import type { ImagePlan } from "../../src/images/image-plan.ts";
import type { BodyField, Article } from "../../src/model/article.ts";
import { contentFolder } from "../support/content-folder.ts";

// Under a path prefix, so that a page's paths and a feed's absolute URLs differ in more than the origin.
const folder = contentFolder("dateline-article-body-", { site: { url: "https://t.example/news/" } });
const ctx = folder.context();
const [english] = ctx.editions;
const PAGE = "https://t.example/news/world/a-story/";

/** A picture planned at one size: enough for the renderer. */
function plan(name: string, hash = `${name}hash`, width = 800): ImagePlan {
  return { source: `/pictures/${name}.jpg`, hash, width, height: 600, formats: ["jpeg"], variants: [{ format: "jpeg", width, height: 600, name: `${hash}-${width}.jpg` }] };
}

function inputs(images: ReadonlyMap<string, ImagePlan> = new Map(), pageUrl = PAGE): RenderInputs {
  return { images, site: ctx.site, pageUrl, edition: english!, dateline: undefined };
}

test("the facts of a body: pictures and their lines, refused embeds, figures without alt text, links, words", () => {
  const body = [
    "Officials spoke in [Moscow](/world/moscow/) and [here](../other/) today.",
    "",
    "![](./no-alt.jpg)",
    "",
    "An inline ![](./pin.jpg) needs no alt text: only a figure does.",
    "",
    "![No path]()",
    "",
    "::: embed https://evil.example/x",
    ":::",
    "",
  ].join("\n");
  const facts = bodyFacts(parseBody(body, "en", undefined));
  assert.deepEqual(facts.images, [
    { src: "./no-alt.jpg", line: 2 },
    { src: "./pin.jpg", line: 4 },
    { src: undefined, line: 6 },
  ]);
  assert.deepEqual(facts.missingAlt, [{ src: "./no-alt.jpg", line: 2 }]);
  assert.deepEqual(facts.embedErrors, [{ line: 8, error: "only YouTube, X and OpenStreetMap embeds are allowed; got https://evil.example/x" }]);
  assert.deepEqual(facts.links, [
    { href: "/world/moscow/", line: 0 },
    { href: "../other/", line: 0 },
  ]);
  // 7 words, then 10 (pictures are not words).
  assert.equal(facts.wordCount, 17);
  // Without a dateline there is nothing to lead.
  assert.equal(facts.datelineLed, true);
});

test("a dateline leads the first paragraph, after any heading; a body with no paragraph has none to lead", () => {
  const led = parseBody("## Subhead\n\nTroops left on Monday.\n", "en", { place: "ERBIL", source: undefined });
  assert.equal(led.datelineLed, true);
  assert.match(renderBody(led, inputs()).html, /^<h2[^>]*>Subhead<\/h2>\n<p><span class="dateline">ERBIL<\/span>\u00a0– Troops left on Monday\.<\/p>/);
  assert.equal(bodyFacts(parseBody("## Only a subhead\n", "en", { place: "ERBIL", source: undefined })).datelineLed, false);
});

test("a body renders for its page with paths under the site's prefix, and for feeds with absolute URLs throughout", () => {
  const body = parseBody('See [a story](/world/x/), [another](../other/) and [below](#h-end).\n\n![A convoy](./convoy.jpg "Trucks (Photo: AFP)")\n', "en", undefined);
  const { html, feedHtml } = renderBody(body, inputs(new Map([["./convoy.jpg", plan("convoy")]])));
  assert.match(html, /href="\/news\/world\/x\/".*href="\/news\/world\/other\/".*href="#h-end"/);
  assert.match(html, /<img src="\/news\/img\/convoyhash-800\.jpg"/);
  assert.match(feedHtml, /href="https:\/\/t\.example\/news\/world\/x\/".*href="https:\/\/t\.example\/news\/world\/other\/".*href="https:\/\/t\.example\/news\/world\/a-story\/#h-end"/);
  assert.match(feedHtml, /<img src="https:\/\/t\.example\/news\/img\/convoyhash-800\.jpg"/);
  // The same tokens made both: the caption is in each.
  for (const render of [html, feedHtml]) assert.match(render, /<span class="caption">Trucks<\/span> <span class="credit">Photo: AFP<\/span>/);
});

test("the version changes with the file's path, its text and each picture's content or size, and with nothing else", () => {
  const pictures = [plan("a"), plan("b")];
  const version = articleVersion("content/a.md", "text", pictures);
  assert.match(version, /^[A-Za-z0-9_-]{24}$/);
  assert.equal(articleVersion("content/a.md", "text", [plan("a"), plan("b")]), version);
  const others = [
    articleVersion("content/b.md", "text", pictures),
    articleVersion("content/a.md", "text.", pictures),
    articleVersion("content/a.md", "text", [plan("a"), plan("b", "otherhash")]),
    articleVersion("content/a.md", "text", [plan("a"), plan("b", undefined, 801)]),
    articleVersion("content/a.md", "text", [plan("a")]),
  ];
  assert.equal(new Set([version, ...others]).size, others.length + 1);
  // Where a picture lives on disk is not what the page shows: moving it keeps the version.
  assert.equal(articleVersion("content/a.md", "text", [plan("a"), { ...plan("b"), source: "/elsewhere/b.jpg" }]), version);
});

test("withBody: the body is asked for each time a page reads it, never before; the article is frozen and holds no body", () => {
  let asked = 0;
  const body: RenderedBody = { html: "<p>Page</p>", feedHtml: "<p>Feed</p>", updates: [] };
  const article = withBody({ title: "T" } as Omit<Article, BodyField>, () => (asked++, body));
  assert.equal(asked, 0);
  assert.equal(article.html, "<p>Page</p>");
  assert.equal(article.feedHtml, "<p>Feed</p>");
  assert.equal(article.html, "<p>Page</p>");
  // Not kept after a read: the model holds no bodies.
  assert.equal(asked, 3);
  assert.ok(Object.isFrozen(article));
  assert.deepEqual(Object.keys(article), ["title"]);
  assert.deepEqual(fieldsOf(article), { title: "T" });
});

test("withBody: thousands of articles share their shapes, so V8 keeps them as compact objects, not hash tables", () => {
  // Getters made per article had each one in a shape of its own: 1.6 KB an article as a hash table.
  setFlagsFromString("--allow-natives-syntax");
  const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
  const fields = (i: number) => ({ title: `T${i}`, slug: `t${i}`, url: `/t${i}/`, summary: "S", tags: [], authors: [], version: String(i) }) as unknown as Omit<Article, BodyField>;
  const articles = Array.from({ length: 2000 }, (_, i) => withBody(fields(i), () => ({ html: `<p>${i}</p>`, feedHtml: "", updates: [] })));
  assert.deepEqual(articles.filter((a) => !hasFastProperties(a)).length, 0);
  assert.deepEqual(articles.map((a) => rebound(a, { title: "Other" })).filter((a) => !hasFastProperties(a)).length, 0);
  assert.equal(articles[7]!.html, "<p>7</p>");
});

test("rebound: other fields, the same body", () => {
  const article = withBody({ title: "T", slug: "t" } as unknown as Omit<Article, BodyField>, () => ({ html: "<p>Same</p>", feedHtml: "<p>Feed</p>", updates: [] }));
  const moved = rebound(article, { title: "U" });
  assert.deepEqual([moved.title, moved.slug, moved.html, moved.feedHtml], ["U", "t", "<p>Same</p>", "<p>Feed</p>"]);
  assert.equal(article.title, "T");
});

/** A story on disk, loaded by a build with a body cache: its file, its text and what it keeps of its body. */
async function loaded(name: string, body: string) {
  const { file, text } = await folder.story(`${name}.md`, { title: name }, body);
  const result = await loadArticle(file, text, ctx);
  assert.ok(result.article && result.body, JSON.stringify(result.problems));
  return { file, text, article: result.article, body: result.body };
}

test("readBack: the cached render without reading the file; when the cache lost it, the file rendered again, and kept", async () => {
  const { file, text, article, body } = await loaded("read-back", "Soldiers left the *base*.");
  const expected = { html: article.html, feedHtml: article.feedHtml, updates: [] };
  const bodies = new BodyCache(ctx.store);
  const source = { absFile: file, pictures: body.pictures, site: ctx.site };
  // With the render in the cache, the file is not read: even a deleted one.
  rmSync(file);
  assert.deepEqual(readBack(bodies, body.key, body.renderKey, source)(article), expected);
  writeFileSync(file, text);
  ctx.store.remove("bodies", renderName(body.key, body.renderKey));
  assert.deepEqual(readBack(bodies, body.key, body.renderKey, source)(article), expected);
  assert.equal(bodies.parsed, 1);
  assert.deepEqual(bodies.rendered(body.key, body.renderKey), expected, "the render is kept again");
});

test("readBack: a file that changed since it was loaded is not rendered in its place; the build must start again", async () => {
  const { file, text, article, body } = await loaded("changed", "First text.");
  ctx.store.remove("bodies", renderName(body.key, body.renderKey));
  const again = readBack(new BodyCache(ctx.store), body.key, body.renderKey, { absFile: file, pictures: body.pictures, site: ctx.site });
  for (const changed of [text.replace("First text.", "Second text."), "no frontmatter any more"]) {
    writeFileSync(file, changed);
    assert.throws(() => again(article), { message: "changed.md changed while the site was being built: build again" });
  }
});

test("reviveArticle: the body is read back from the cache, and this build keeps its entries when it prunes the others", async () => {
  const kept = await loaded("kept", "The kept story's text.");
  await loaded("dropped", "The dropped story's text.");
  // Its fields without the body's getters, as the manifest keeps them.
  const fields = fieldsOf(kept.article);
  // The next build: a body cache that has used nothing yet.
  const bodies = new BodyCache(ctx.store);
  const revived = reviveArticle(kept.file, fields, kept.body, bodies, ctx.site);
  assert.equal(revived.title, "kept");
  bodies.prune();
  assert.deepEqual(ctx.store.list("bodies").sort(), [`${kept.body.key}.json`, renderName(kept.body.key, kept.body.renderKey)].sort());
  assert.match(revived.html, /The kept story’s text\./);
  assert.equal(revived.feedHtml, kept.article.feedHtml);
});
