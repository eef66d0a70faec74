/**
 * A site served from a sub-path (https://user.github.io/news/): files are written at the output's
 * root, every link starts with /news/, canonical URLs include it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildFixture, makeFixtureSite, removeSite } from "./support/fixture-site.ts";

let root: string;
before(async () => {
  root = await makeFixtureSite();
  const siteFile = path.join(root, "content/_data/site.yaml");
  await writeFile(siteFile, (await readFile(siteFile, "utf8")).replace("url: https://fixture.example.org/", "url: https://user.github.io/news"));
  await buildFixture(root);
});
after(() => removeSite(root));

test("pages are written at the output's root and link under the prefix", () => {
  const html = readFileSync(path.join(root, "_site/middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/index.html"), "utf8");
  assert.match(html, /<link rel="canonical" href="https:\/\/user.github.io\/news\/middle-east\/leaders-meet-in-moscow-as-troops-leave-the-north\/">/);
  const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith("http") && !u.startsWith("#"));
  assert.ok(links.length > 5);
  for (const link of links) assert.ok(link.startsWith("/news/"), link);
  const srcsets = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(", "));
  for (const entry of srcsets) assert.ok(entry.startsWith("/news/img/"), entry);
});
