/**
 * `npm start`: the preview server shows drafts and embargoed articles with a banner, and picks up
 * an edited article without a restart.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { FIXTURE_NOW, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";

let root: string;
let server: ChildProcess;
let base: string;

before(async () => {
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  const script = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")).scripts.start as string;
  // The same command as `npm start`, with paths pointing into the repo and a free port.
  const args = script
    .replace(/^node /, "")
    .replace("--import tsx", `--import ${import.meta.resolve("tsx")}`)
    .replace(/--watch-path=(\S+)/g, (_, p: string) => `--watch-path=${path.join(REPO, p)}`)
    .replace("node_modules/@11ty/eleventy/cmd.cjs", path.join(REPO, "node_modules/@11ty/eleventy/cmd.cjs"))
    .replace("--config=.eleventy.ts", `--config=${path.join(REPO, ".eleventy.ts")}`)
    .split(" ");
  server = spawn(process.execPath, [...args, `--port=${20000 + (process.pid % 20000)}`], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATELINE_NOW: FIXTURE_NOW },
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no server after 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /Server at (http:\/\/localhost:\d+\/)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
  });
});

after(async () => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  await removeSite(root);
});

async function get(url: string): Promise<string> {
  const response = await fetch(new URL(url, base));
  assert.equal(response.status, 200, url);
  return response.text();
}

test("the preview shows a draft, marked as a draft", async () => {
  const html = await get("world/an-unfinished-draft/");
  assert.match(html, /<p class="preview-banner" role="note">Draft: not published<\/p>/);
});

test("the preview shows an embargoed article with its release time", async () => {
  const html = await get("world/a-story-under-embargo/");
  assert.match(html, /Embargoed until 1 February 2026, 06:00 GMT\+3/);
});

test("an edited article appears without a restart", async () => {
  const file = path.join(root, "content/world/flat-story.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("Prices are", "Prices were edited and are"));
  for (let i = 0; i < 50; i++) {
    await sleep(200);
    if ((await get("world/a-flat-file-article-price-with-raw-in-it/")).includes("Prices were edited")) return;
  }
  assert.fail("the edit did not appear within 10 s");
});
