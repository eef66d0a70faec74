/** The Markdown rules of src/render/rules/ called on their own: the dateline, and where links point. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMarkdown } from "../../src/render/markdown.ts";
import { leadWithDateline } from "../../src/render/rules/dateline.ts";
import { resolveHref } from "../../src/render/rules/links.ts";

test("a dateline needs a paragraph to lead", () => {
  const { tokens } = parseMarkdown("## Only a heading\n");
  assert.equal(leadWithDateline(tokens, { place: "ERBIL" }), false);
});

test("links: root-relative ones go under the site's prefix, relative ones resolve from the page, feeds get absolute URLs", () => {
  const page = { page: "https://u.github.io/news/middle-east/story/", prefix: "/news/", absolute: false };
  const feed = { ...page, absolute: true };
  assert.equal(resolveHref("https://example.org/a", page), "https://example.org/a");
  assert.equal(resolveHref("mailto:desk@example.org", feed), "mailto:desk@example.org");
  assert.equal(resolveHref("/world/other/", page), "/news/world/other/");
  assert.equal(resolveHref("/world/other/", feed), "https://u.github.io/news/world/other/");
  assert.equal(resolveHref("../other/?a=1#b", page), "/news/middle-east/other/?a=1#b");
  assert.equal(resolveHref("#h-sub", page), "#h-sub");
  assert.equal(resolveHref("#h-sub", feed), "https://u.github.io/news/middle-east/story/#h-sub");
});
