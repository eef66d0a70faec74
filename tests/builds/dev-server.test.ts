/**
 * `npm start`: the preview server shows drafts and embargoed articles with a banner, and picks up
 * an edited article without a restart.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
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
  server.stdout!.on("data", (d: Buffer) => output.add(d.toString()));
  server.stderr!.on("data", (d: Buffer) => output.add(d.toString()));
  base = (await output.next(/Server at (http:\/\/localhost:\d+\/)/, 0))[1]!;
});

/**
 * What the server printed, and a way to wait for the next line matching a pattern: tests wait on
 * what they assert, not on a timer. (A test that never sees its line fails by the runner's timeout.)
 */
const output = new (class {
  text = "";
  #waiting: { pattern: RegExp; from: number; resolve: (m: RegExpExecArray) => void }[] = [];
  add(chunk: string): void {
    this.text += chunk;
    for (const w of [...this.#waiting]) {
      const match = w.pattern.exec(this.text.slice(w.from));
      if (match) {
        this.#waiting.splice(this.#waiting.indexOf(w), 1);
        w.resolve(match);
      }
    }
  }
  /** The first match of `pattern` printed from now on (or, for the server's address, already). */
  next(pattern: RegExp, from = this.text.length): Promise<RegExpExecArray> {
    const match = pattern.exec(this.text.slice(from));
    return match ? Promise.resolve(match) : new Promise((resolve) => this.#waiting.push({ pattern, from, resolve }));
  }
})();

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

test("an edited article appears without a restart, and the preview's line says one story was read", { timeout: 120_000 }, async () => {
  const file = path.join(root, "content/world/flat-story.md");
  const built = output.next(/\[dateline\] Built in [\d.]+ s: (.*)/);
  await writeFile(file, (await readFile(file, "utf8")).replace("Prices are", "Prices were edited and are"));
  assert.match((await built)[1]!, /^1 story read, \d+ of \d+ pages rendered/);
  assert.match(await get("world/a-flat-file-article-price-with-raw-in-it/"), /Prices were edited/);
});

test("a content problem is told in Dateline's words and the last good version stays; Eleventy's file counts are not printed", { timeout: 120_000 }, async () => {
  const file = path.join(root, "content/world/flat-story.md");
  const good = await readFile(file, "utf8");
  const told = output.next(/\[dateline\] Not rebuilt: 1 problem in content; .*\n {2}(.*)/);
  await writeFile(file, good.replace(/^summary:/m, "sumary:").replace(/^title:.*$/m, "$&\nsummary: A standfirst long enough for the story, still there."));
  assert.equal((await told)[1], "content/world/flat-story.md:4: sumary: unknown field (did you mean `summary`?)");
  assert.match(await get("world/a-flat-file-article-price-with-raw-in-it/"), /Prices were edited/, "the last good version is served");
  const built = output.next(/\[dateline\] Built in [\d.]+ s: (.*)/);
  await writeFile(file, good);
  assert.match((await built)[1]!, /^1 story read/);
  assert.doesNotMatch(output.text, /Wrote \d+ files?/);
  assert.doesNotMatch(output.text, /via ContentError/);
});

test("a picture that cannot be decoded is told in Dateline's words too, not as Eleventy's crash report, and the next save builds", { timeout: 120_000 }, async () => {
  const picture = path.join(root, "content/news/full-story/convoy.jpg");
  const whole = await readFile(picture);
  // Each version written beside it and renamed in: the watcher never sees the file half written.
  const replace = async (bytes: Buffer) => {
    await writeFile(`${picture}.tmp`, bytes);
    await rename(`${picture}.tmp`, picture);
  };
  const told = output.next(/\[dateline\] Not rebuilt: 1 problem in content; (.*)\n {2}(.*)/);
  // Cut short after its header: its size can still be read, the pixels cannot.
  await replace(whole.subarray(0, Math.floor(whole.length / 3)));
  const [, kept, problem] = await told;
  assert.equal(kept, "the preview may be incomplete until it is fixed.");
  assert.match(problem!, /^content\/news\/full-story\/index\.md: image: content\/news\/full-story\/convoy\.jpg: cannot be decoded( \([^)]*\))?: the file is damaged or cut short; export or download it again$/);
  const built = output.next(/\[dateline\] Built in [\d.]+ s: (.*)/);
  await replace(whole);
  await built;
  assert.doesNotMatch(output.text, /Problem writing Eleventy templates|\[11ty\].*Error/);
});
