/** Plain text as Markdown that shows the same text (src/import/plain-markdown.ts): read back through the site's own renderer. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { markdownParagraph, markdownTitle } from "../../src/import/plain-markdown.ts";
import { parseMarkdown, renderMarkdown } from "../../src/render/markdown.ts";
import { tokenAttr } from "../../src/render/tokens.ts";
import { english } from "../support/words.ts";

const render = (markdown: string) => renderMarkdown(parseMarkdown(markdown).tokens, { images: new Map(), imageBase: "/img/", words: english });

test("what Markdown would read as syntax stays text: lists, headings, quotes, emphasis, links, entities, containers, (c)", () => {
  const cases: [string, string][] = [
    ["1. The first point", "<p>1. The first point</p>\n"],
    ["2026) was the year", "<p>2026) was the year</p>\n"],
    ["- a dash first", "<p>- a dash first</p>\n"],
    ["+ plus", "<p>+ plus</p>\n"],
    ["# not a heading", "<p># not a heading</p>\n"],
    ["> not a quote", "<p>&gt; not a quote</p>\n"],
    ["*stars* and _under_ and `ticks` and ~~strike~~", "<p>*stars* and _under_ and `ticks` and ~~strike~~</p>\n"],
    ["[sic] and [a link](https://example.org) and <https://example.org>", "<p>[sic] and [a link](https://example.org) and &lt;https://example.org&gt;</p>\n"],
    ["AT&amp;T &copy; \\ back", "<p>AT&amp;amp;T &amp;copy; \\ back</p>\n"],
    ["::: embed https://youtu.be/x", "<p>::: embed https://youtu.be/x</p>\n"],
    ["paragraph (c) of the law (tm)", "<p>paragraph (c) of the law (tm)</p>\n"],
    ["| a | b |", "<p>| a | b |</p>\n"],
    ["    indented four", "<p>indented four</p>\n"],
  ];
  for (const [text, html] of cases) assert.equal(render(markdownParagraph(text)), html, text);
  // A line of dashes or equals signs under a line does not make it a heading.
  assert.equal(render(markdownParagraph("A line\n---")), "<p>A line\n---</p>\n");
  assert.equal(render(markdownParagraph("A line\n===")), "<p>A line\n===</p>\n");
});

test("quotes, apostrophes and dashes are left as typed in the Markdown", () => {
  const text = `He said "no" — it's 'final' – Syria’s “new phase” -- and 'more'`;
  assert.equal(markdownParagraph(text), text);
});

test("a caption as a picture's title: quotes and backslashes escaped", () => {
  assert.equal(markdownTitle('The "palace" \\ hall. (Photo: AFP)'), '"The \\"palace\\" \\\\ hall. (Photo: AFP)"');
  const [figure] = parseMarkdown(`![](./x.jpg ${markdownTitle('The "palace" \\ hall. (Photo: AFP)')})`).tokens;
  assert.equal(figure!.type, "figure");
  assert.equal(tokenAttr(figure!.children![0]!, "title"), 'The "palace" \\ hall. (Photo: AFP)');
});
