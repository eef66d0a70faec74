/** The URL space (src/site/url-space.ts): paths under the site's prefix, percent-encoded, and the files they are written to. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteUrl, outputPathOf, urlPath } from "../../src/site/url-space.ts";

test("URLs carry the site's path prefix and percent-encode non-ASCII slugs", () => {
  assert.equal(urlPath("/news/", "middle-east", "x"), "/news/middle-east/x/");
  assert.equal(urlPath("/", "ckb", "سووریا"), "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/");
  assert.equal(outputPathOf("/news/", "/news/middle-east/x/"), "middle-east/x/index.html");
  assert.equal(outputPathOf("/", "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/"), "ckb/سووریا/index.html");
  assert.equal(absoluteUrl("https://u.github.io/news/", "/news/", "/news/a/"), "https://u.github.io/news/a/");
});
