import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteUrl, outputPathOf, urlPath } from "../src/site/url-space.ts";
import { slugOf } from "../src/site/slugs.ts";

test("Latin headlines get transliterated ASCII slugs", () => {
  assert.equal(slugOf("Al-Sharaa Heads to Moscow for Meeting With Putin"), "al-sharaa-heads-to-moscow-for-meeting-with-putin");
  assert.equal(slugOf("Café Society & “quotes”"), "cafe-society-and-quotes");
});

test("headlines in Arabic script keep their letters", () => {
  assert.equal(slugOf("سەرۆکی سووریا گەیشتە مۆسکۆ"), "سەرۆکی-سووریا-گەیشتە-مۆسکۆ");
});

test("URLs carry the site's path prefix and percent-encode non-ASCII slugs", () => {
  assert.equal(urlPath("/news/", "middle-east", "x"), "/news/middle-east/x/");
  assert.equal(urlPath("/", "ckb", "سووریا"), "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/");
  assert.equal(outputPathOf("/news/", "/news/middle-east/x/"), "middle-east/x/index.html");
  assert.equal(outputPathOf("/", "/ckb/%D8%B3%D9%88%D9%88%D8%B1%DB%8C%D8%A7/"), "ckb/سووریا/index.html");
  assert.equal(absoluteUrl("https://u.github.io/news/", "/news/", "/news/a/"), "https://u.github.io/news/a/");
});
