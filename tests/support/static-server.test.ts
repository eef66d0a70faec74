/**
 * The static server the browser tests serve built sites with (tests/support/static-server.ts): folders,
 * redirects, non-ASCII paths, content types, the site's own 404 page, and no way out of its folder.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { serveStatic, type StaticServer } from "./static-server.ts";

describe("static server", () => {
  let dir: string;
  let server: StaticServer;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dateline-static-"));
    await mkdir(path.join(dir, "news/كردستان"), { recursive: true });
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>home</title>");
    await writeFile(path.join(dir, "news/كردستان/index.html"), "<!doctype html><title>kurdistan</title>");
    await writeFile(path.join(dir, "style.css"), "body{}");
    await writeFile(path.join(dir, "a.avif"), "");
    await writeFile(path.join(dir, "404.html"), "<!doctype html><title>Not here</title>");
    await writeFile(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), "secret");
    server = await serveStatic(dir);
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), { force: true });
  });

  test("serves index.html for a folder, redirects a folder without its slash, and decodes non-ASCII paths", async () => {
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    assert.equal(home.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(await home.text(), /home/);
    const folder = await fetch(new URL("/news/كردستان", server.url), { redirect: "manual" });
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get("location"), "/news/%D9%83%D8%B1%D8%AF%D8%B3%D8%AA%D8%A7%D9%86/");
    const page = await fetch(new URL("/news/كردستان/", server.url));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /kurdistan/);
  });

  test("content types by extension", async () => {
    assert.equal((await fetch(new URL("/style.css", server.url))).headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal((await fetch(new URL("/a.avif", server.url))).headers.get("content-type"), "image/avif");
  });

  test("a missing file is a 404 with the site's 404.html; paths outside the folder are refused", async () => {
    const missing = await fetch(new URL("/nothing/here/", server.url));
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Not here/);
    const escape = await fetch(new URL(`/..%2F${path.basename(dir)}-secret.txt`, server.url));
    assert.equal(escape.status, 403);
    assert.doesNotMatch(await escape.text(), /secret/);
  });
});
