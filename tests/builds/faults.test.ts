/**
 * Fault injection: a build killed at several points, each kind of cache entry damaged, a disk that
 * fills up. After each, the previous _site/ is intact (or put back by the next build), and the next
 * build is byte-identical to a clean build of the same content with the same clock.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Failpoint } from "../../src/shared/failpoints.ts";
import { buildFixture, FIXTURE_NOW, hashTree, makeFixtureSite, plainFixture, removeSite, REPO } from "../support/fixture-site.ts";
import { runCli, runInProcess } from "../support/run-cli.ts";

let root: string;
/** The clean build every later build must equal, file for file. */
let clean: Map<string, string>;
const site = () => path.join(root, "_site");
const cache = (...parts: string[]) => path.join(root, ".cache", ...parts);

async function assertLikeClean(what: string): Promise<void> {
  assert.deepEqual(await hashTree(site()), clean, `${what}: the site differs from a clean build`);
  const leftovers = (await readdir(root)).filter((name) => name.startsWith("_site."));
  // The previous output kept for the next build, and what a process of its own is deleting
  // (src/output/swap.ts), are not leftovers.
  assert.deepEqual(leftovers.filter((name) => name !== "_site.spare" && !name.startsWith("_site.old-")), [], `${what}: leftovers beside _site/`);
}

before(async () => {
  // The clean build: the fixture built once for the run with its own cache, which other files only
  // read (its pictures encoded there, not copied in as this file's are).
  const reference = await plainFixture();
  clean = await hashTree(path.join(reference.root, "_site"));
  await reference.release();
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  await buildFixture(root);
});
after(() => removeSite(root));

describe("a build killed", () => {
  for (const point of ["pages-half-written", "before-swap", "swap-between-renames"] as const satisfies readonly Failpoint[]) {
    test(`at ${point}: the site readers have stays (or is put back), and the next build is a clean build's`, async () => {
      // Something to rebuild: a new story, so that the killed build has pages to write.
      const story = path.join(root, "content/world/late-story.md");
      writeFileSync(story, `---\ntitle: Late story\nsummary: A story added after the site was built, for the build that is killed.\ndate: 2026-01-29T08:00:00+03:00\nauthor: Desk\nsection: World\n---\n\nText.\n`);
      const before = await hashTree(site()).catch(() => undefined);
      const killed = await runCli("build", [], { cwd: root, env: { ...process.env, DATELINE_NOW: FIXTURE_NOW, DATELINE_FAILPOINT: point } });
      assert.equal(killed.code, 137, `killed by SIGKILL: ${killed.stderr}`);
      if (point === "swap-between-renames") assert.ok(!existsSync(site()), "killed between the renames, there is no _site/ for a moment");
      else assert.deepEqual(await hashTree(site()), before, "the site readers have is untouched");
      rmSync(story);
      await buildFixture(root);
      await assertLikeClean(point);
    });
  }
});

describe("a damaged cache entry is made again, never published, never fatal", () => {
  /** The first file under `dir` whose name matches. */
  const first = (dir: string, match: RegExp): string => {
    const name = readdirSync(dir, { recursive: true }).map(String).sort().find((n) => match.test(n));
    assert.ok(name, `no ${match} under ${dir}`);
    return path.join(dir, name);
  };
  const cases: [string, () => void][] = [
    ["a page written into in place (it is also a file of the live site)", () => writeFileSync(first(cache("pages"), /./), "GARBAGE", { flag: "r+" })],
    ["an encoded picture cut short", () => truncateSync(first(cache("images"), /\.avif$/), 10)],
    ["a search month missing its pagefind-entry.json", () => rmSync(first(cache("search"), /bundle\/pagefind-entry\.json$/))],
    ["a search month missing a fragment", () => rmSync(first(cache("search"), /\.pf_fragment$/))],
    ["garbage in the stylesheet's record", () => writeFileSync(first(cache("css"), /./), "body{display:none}")],
    ["garbage in a font subset's record", () => writeFileSync(first(cache("fonts"), /./), "not a font")],
    ["garbage in a body record", () => writeFileSync(first(cache("articles"), /./), "{}")],
    ["garbage in the article manifest and the picture plans", () => {
      for (const shard of readdirSync(cache("article-manifest"))) writeFileSync(cache("article-manifest", shard), "[");
      writeFileSync(cache("image-plans.json"), "{}");
    }],
    ["the stamps of every shared file gone", () => rmSync(cache("stamps"), { recursive: true })],
  ];
  for (const [what, damage] of cases) {
    test(what, async () => {
      damage();
      await buildFixture(root);
      await assertLikeClean(what);
    });
  }
});

describe("a disk that fills up", () => {
  // A small file system of its own for the output: mounting one needs root (or CAP_SYS_ADMIN).
  const mountReason = (() => {
    if (process.platform !== "linux") return "needs Linux (a tmpfs of a fixed size)";
    if (process.getuid?.() !== 0) return "needs root, to mount a small tmpfs";
    return undefined;
  })();
  let disk: string;
  before(() => {
    if (mountReason) return;
    disk = path.join(root, "small-disk");
    mkdirSync(disk);
  });
  after(() => {
    if (!mountReason && disk) execFileSync("umount", [disk], { stdio: "ignore" });
  });

  test("stops the build with one line naming the file and what to do; the site on that disk stays whole", { skip: mountReason }, async () => {
    // Room for one site and a little: the next build's staging folder beside it does not fit.
    const siteBytes = Number(execFileSync("du", ["-sb", site()], { encoding: "utf8" }).split("\t")[0]);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${Math.ceil((siteBytes * 1.4) / 4096) * 4096}`, "tmpfs", disk], { stdio: "pipe" });
    } catch (error) {
      // A container without the capability: nothing to test here.
      return void assert.match(String((error as { stderr?: Buffer }).stderr ?? error), /permission|not permitted|denied/i);
    }
    const output = path.join(disk, "site");
    // The command's function in this process: only a kill needs a process of its own.
    const first = await runInProcess("build", ["--output", output], { cwd: root, env: { ...process.env, DATELINE_NOW: FIXTURE_NOW } });
    assert.equal(first.code, 0, first.stderr);
    const before = await hashTree(output);
    const full = await runInProcess("build", ["--output", output], { cwd: root, env: { ...process.env, DATELINE_NOW: FIXTURE_NOW } });
    assert.equal(full.code, 1);
    const lines = full.stderr.trim().split("\n");
    assert.match(lines[0]!, /^Build stopped: \S+: the disk is full; free some space and build again$/);
    assert.ok(!full.stderr.includes("    at "), `no stack trace: ${full.stderr}`);
    assert.deepEqual(await hashTree(output), before, "the site on the full disk is as it was");
    assert.deepEqual(readdirSync(disk), ["site"], "no staging folder left on the full disk");
    assert.equal(await readFile(path.join(output, "index.html"), "utf8").then((t) => t.length > 0), true);
  });
});
