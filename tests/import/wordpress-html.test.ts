/** A WordPress post's HTML as Markdown (src/import/wordpress-html.ts), read back by the site's own Markdown parser. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { captionWithCredit, htmlText, htmlToMarkdown, type HtmlContext, type PictureRef } from "../../src/import/wordpress-html.ts";
import { figureBlock } from "../../src/import/markdown-blocks.ts";
import { parseMarkdown } from "../../src/render/markdown.ts";
import { tokenAttr } from "../../src/render/tokens.ts";
import type { EmbedMeta } from "../../src/render/rules/embed-blocks.ts";

/** Pictures become figures named after their id (or "inline"), and are remembered. */
function context(attachments: Record<string, { url: string; caption: string }> = {}, children: string[] = []): HtmlContext & { refs: PictureRef[] } {
  const refs: PictureRef[] = [];
  return {
    refs,
    picture: (ref) => {
      refs.push(ref);
      return figureBlock({ name: `${ref.attachmentId ?? "inline"}.jpg`, alt: ref.alt, caption: ref.caption });
    },
    attachment: (id) => attachments[id],
    children,
  };
}

/** The body's blocks as the site reads them: figures (alt, src, caption), embeds (URL, caption), paragraphs' Markdown. */
function blocks(markdown: string): string[] {
  const out: string[] = [];
  for (const token of parseMarkdown(markdown).tokens) {
    if (token.type === "figure") {
      const image = token.children![0]!;
      out.push(`figure ${image.content} | ${tokenAttr(image, "src")} | ${tokenAttr(image, "title") ?? ""}`);
    } else if (token.type === "embed") {
      const meta = token.meta as EmbedMeta;
      out.push(`embed ${"error" in meta.embed ? `ERROR ${meta.embed.error}` : meta.spec} | ${meta.caption}`);
    } else if (token.type === "inline") {
      out.push(token.content);
    }
  }
  return out;
}

test("a classic post: blank lines are paragraphs, a single line break stays one, [sic] stays text", () => {
  const { markdown, dropped } = htmlToMarkdown("The ferry left at dawn.\nIt carried flour.\n\nA second paragraph [sic], with <em>stress</em>.", context());
  assert.deepEqual(blocks(markdown), ["The ferry left at dawn.  \nIt carried flour.", "A second paragraph \\[sic\\], with *stress*."]);
  assert.deepEqual(dropped, []);
});

test("a [caption] shortcode is a figure: the picture (its link dropped), its alt text, the caption with its credit", () => {
  const ctx = context();
  const html = `[caption id="attachment_12" align="aligncenter" width="640"]<a href="https://x.example/wp-content/uploads/2026/01/pier.jpg"><img class="size-large wp-image-12" src="https://x.example/wp-content/uploads/2026/01/pier-640x400.jpg" alt="A ferry at a pier." /></a> The ferry waits at the pier. Photo: Lake Desk[/caption]`;
  assert.deepEqual(blocks(htmlToMarkdown(html, ctx).markdown), ['figure A ferry at a pier. | ./12.jpg | The ferry waits at the pier. (Photo: Lake Desk)']);
  assert.deepEqual(ctx.refs, [{ src: "https://x.example/wp-content/uploads/2026/01/pier-640x400.jpg", attachmentId: "12", alt: "A ferry at a pier.", caption: "The ferry waits at the pier. (Photo: Lake Desk)" }]);
  // The older form, with the caption as an attribute.
  assert.deepEqual(blocks(htmlToMarkdown(`[caption caption="Boats in a row"]<img src="b.jpg" alt="Boats" class="wp-image-3">[/caption]`, context()).markdown), ["figure Boats | ./3.jpg | Boats in a row"]);
});

test("a Gutenberg image block is a figure; a gallery block a figure per picture; [gallery] takes its attachments", () => {
  const image = `<!-- wp:image {"id":103} -->\n<figure class="wp-block-image size-large"><img src="https://x.example/wp-content/uploads/2026/01/boats-1024x683.jpg" alt="Boats on a beach." class="wp-image-103"/><figcaption class="wp-element-caption">Boats wait out the winter. <em>(Photo: Rowing Club)</em></figcaption></figure>\n<!-- /wp:image -->`;
  assert.deepEqual(blocks(htmlToMarkdown(image, context()).markdown), ["figure Boats on a beach. | ./103.jpg | Boats wait out the winter. (Photo: Rowing Club)"]);
  const gallery = `<!-- wp:gallery --><figure class="wp-block-gallery"><!-- wp:image {"id":1} --><figure class="wp-block-image"><img src="a.jpg" alt="One" class="wp-image-1"/></figure><!-- /wp:image --><!-- wp:image {"id":2} --><figure class="wp-block-image"><img src="b.jpg" alt="Two" class="wp-image-2"/><figcaption>Second</figcaption></figure><!-- /wp:image --></figure><!-- /wp:gallery -->`;
  assert.deepEqual(blocks(htmlToMarkdown(gallery, context()).markdown), ["figure One | ./1.jpg | ", "figure Two | ./2.jpg | Second"]);
  const ctx = context({ 7: { url: "https://x.example/wp-content/uploads/a.jpg", caption: "A. (Photo: AFP)" }, 8: { url: "https://x.example/wp-content/uploads/b.jpg", caption: "" } }, ["8"]);
  const { markdown, dropped } = htmlToMarkdown(`[gallery ids="7,9"]\n\n[gallery]`, ctx);
  assert.deepEqual(blocks(markdown), ["figure  | ./7.jpg | A. (Photo: AFP)", "figure  | ./8.jpg | "]);
  assert.deepEqual(dropped, ["gallery picture 9 (not in the export)"]);
});

test("allowed embeds become ::: embed: a frame, a Gutenberg embed block, a URL alone in its paragraph, a tweet's blockquote", () => {
  const html = [
    `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="The harbour master speaks"></iframe>`,
    `<!-- wp:embed {"url":"https://youtu.be/dQw4w9WgXcQ"} -->\n<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n</div><figcaption>Last year's final</figcaption></figure>\n<!-- /wp:embed -->`,
    // In a classic post, a line WordPress made a paragraph.
    `<p>https://www.openstreetmap.org/#map=12/36.19/44.01</p>`,
    `<blockquote class="twitter-tweet"><p>Ferry back!</p>&mdash; Lake Desk (@lakedesk) <a href="https://twitter.com/lakedesk/status/1234567890?ref_src=twsrc">26 January 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>`,
  ].join("\n\n");
  const { markdown, dropped, uncaptioned } = htmlToMarkdown(html, context());
  assert.deepEqual(blocks(markdown), [
    "embed https://www.youtube.com/embed/dQw4w9WgXcQ | The harbour master speaks",
    "embed https://youtu.be/dQw4w9WgXcQ | Last year’s final",
    "embed ERROR a map needs a caption saying what it shows, on the line after `::: embed` | ",
    "embed https://twitter.com/lakedesk/status/1234567890 | ",
  ]);
  assert.deepEqual(uncaptioned, ["https://www.openstreetmap.org/#map=12/36.19/44.01"], "a map without a caption is listed");
  assert.deepEqual(dropped, [], "the tweet's script goes with it, unlisted");
});

test("HTML with no Markdown form is left out and listed: scripts, forms (once, not their fields), frames and embeds not allowed (a link kept), players, plugins' shortcodes", () => {
  const html = [
    "<p>Before.</p>",
    "<script>track()</script>",
    `<form action="/s"><input name="e"><button>Go</button></form>`,
    `<iframe src="https://docs.google.com/forms/d/x/viewform"></iframe>`,
    `<!-- wp:embed {"url":"https://vimeo.com/1234"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/1234\n</div></figure>\n<!-- /wp:embed -->`,
    `<!-- wp:video --><figure class="wp-block-video"><video controls src="https://x.example/wp-content/uploads/clip.mp4"></video></figure><!-- /wp:video -->`,
    `[contact-form-7 id="5" title="Contact"]`,
    "<p>[vc_row][vc_column]Layout's text stays.[/vc_column][/vc_row]</p>",
    "<p>After.</p>",
  ].join("\n\n");
  const { markdown, dropped } = htmlToMarkdown(html, context());
  assert.deepEqual(blocks(markdown), ["Before.", "<https://vimeo.com/1234>", "Layout's text stays.", "After."]);
  assert.deepEqual(dropped.sort(), ["[contact-form-7] shortcode", "[vc_column] shortcode (its text kept)", "[vc_row] shortcode (its text kept)", "embed vimeo.com (kept as a link)", "form", "iframe docs.google.com", "script", "video"]);
});

test("lists, headings, links, quotes, tables and preformatted text keep their Markdown; text that looks like Markdown stays text", () => {
  const html = `<h2>What changes</h2>\n<ul><li>Fares <strong>fall</strong></li><li>Boats: <a href="https://x.example/t">timetable</a></li></ul>\n<blockquote><p>We lost a week.</p></blockquote>\n<table><tr><th>Route</th><th>Fare</th></tr><tr><td>North | South</td><td>2 (c) 3</td></tr></table>\n<pre>line one\n\nline two</pre>\n<p>1. not a list, *not stressed*, AT&amp;amp;T</p>`;
  assert.equal(
    htmlToMarkdown(html, context()).markdown,
    "## What changes\n\n-   Fares **fall**\n-   Boats: [timetable](https://x.example/t)\n\n> We lost a week.\n\n| Route | Fare |\n| --- | --- |\n| North \\| South | 2 \\(c) 3 |\n\n```\nline one\n\nline two\n```\n\n1\\. not a list, \\*not stressed\\*, AT\\&amp;T",
  );
});

test("a caption's trailing credit is written as the site reads one", () => {
  assert.equal(captionWithCredit("The pier at dawn. Photo: Lake Desk"), "The pier at dawn. (Photo: Lake Desk)");
  assert.equal(captionWithCredit("Passengers on deck Photo by Hemin Aziz."), "Passengers on deck. (Photo: Hemin Aziz)");
  assert.equal(captionWithCredit("Boats. (Photo: AFP)"), "Boats. (Photo: AFP)");
  assert.equal(captionWithCredit("  A map   of the lake  "), "A map of the lake");
  assert.equal(captionWithCredit("Photo: AFP"), "(Photo: AFP)");
});

test("a body's text for a summary: paragraphs, entities read, no captions, embeds or scripts", () => {
  const html = `[caption id="attachment_1"]<img src="a.jpg" alt="A"> The caption.[/caption]\n\nFirst &amp; foremost.\nSame paragraph.\n\n<script>x()</script><p>Second.</p>`;
  assert.equal(htmlText(html), "First & foremost.\nSame paragraph.\n\nSecond.");
});
