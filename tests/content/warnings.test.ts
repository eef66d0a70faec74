/** What `npm run check` knows of a site's pages (SitePages in src/content/warnings.ts), to check links against. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { SitePages } from "../../src/content/warnings.ts";

test("SitePages: pages by output path, under the prefix, percent-encoded or not, folders without their slash, assets", () => {
  const assets = new Set(["logo.png", "css/site.css"]);
  const pages = new SitePages("/news/", ["index.html", "404.html", "feed.xml", "world/index.html", "kurdistan/هەولێر/index.html"], (f) => assets.has(f));
  for (const url of ["/news/", "/news/404.html", "/news/feed.xml", "/news/world/", "/news/world", "/news/kurdistan/هەولێر/", encodeURI("/news/kurdistan/هەولێر/"), "/news/assets/css/site.css"]) {
    assert.ok(pages.has(url), url);
  }
  for (const url of ["/world/", "/news/world/page/2/", "/news/assets/missing.png", "/news/assets/../index.html", "/news/%E0%A4%A/"]) {
    assert.ok(!pages.has(url), url);
  }
  assert.equal(pages.nearest("/news/wrold/"), "/news/world/");
  assert.equal(pages.nearest("/news/business/"), undefined);
});
