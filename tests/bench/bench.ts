/**
 * `npm run bench -- [N] [--runs R] [--keep]`: builds N synthetic articles (default 4,000) with
 * Dateline and with the bare-Eleventy baseline in tests/bench/baseline/, each as its own process,
 * R times (default 3), and prints the median wall time, peak memory and their ratio.
 * Speed targets live here, never in unit tests.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SECTIONS, writeSyntheticContent } from "./synthetic.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "3" }, keep: { type: "boolean", default: false } },
});
const n = Number(positionals[0] ?? 4000);
const runs = Number(values.runs);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench -- [N] [--runs R] [--keep]");
  process.exit(2);
}

// On tmpfs where there is one (as in the yardsticks of NOTES): disk write-back on these VMs varies
// by seconds from run to run and would drown the difference between the builds.
const scratch = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const work = await mkdtemp(path.join(scratch, "dateline-bench-"));
const datelineRoot = path.join(work, "dateline");
const baselineRoot = path.join(work, "baseline");
console.log(`Generating ${n} articles in ${work} …`);
await writeSyntheticContent(path.join(datelineRoot, "content"), n);
await writeSyntheticContent(path.join(baselineRoot, "content"), n, "layout: article.njk");
await mkdir(path.join(datelineRoot, "content/_data"), { recursive: true });
await writeFile(
  path.join(datelineRoot, "content/_data/site.yaml"),
  "name: Bench Times\ndescription: Synthetic articles for the benchmark.\nurl: https://bench.example.org/\nlanguage: en\ntimeZone: UTC\npublisher:\n  name: Bench Media\n",
);
await writeFile(
  path.join(datelineRoot, "content/_data/sections.yaml"),
  SECTIONS.map((name) => `- name: ${name}\n  description: Synthetic stories about ${name}.\n`).join(""),
);
await cp(path.join(repo, "assets"), path.join(datelineRoot, "assets"), { recursive: true });
await cp(path.join(here, "baseline"), baselineRoot, { recursive: true });

interface Sample {
  seconds: number;
  maxRssMb: number;
}

/** Each run starts from no output: the same cold start for both builds, and no deletion left over
 * from the previous run (Dateline deletes a replaced site in the background) competing for the CPU. */
async function timed(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Sample> {
  for (const name of await readdir(cwd)) {
    if (name.startsWith("_site")) await rm(path.join(cwd, name), { recursive: true, force: true });
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", path.join(here, "peak-memory.mjs"), ...args], { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`${args.join(" ")} failed (${code}):\n${stderr}`));
      else resolve({ seconds, maxRssMb: Number(rss[1]) / 1024 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const commands = {
  "bare Eleventy (baseline)": () =>
    timed(baselineRoot, [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.js", "--quiet"]),
  "Dateline, without search index": () =>
    timed(datelineRoot, ["--import", import.meta.resolve("tsx"), path.join(repo, "src/cli/build.ts"), "--now", "2026-01-01T00:00:00Z"], { DATELINE_SEARCH: "0" }),
  Dateline: () =>
    timed(datelineRoot, ["--import", import.meta.resolve("tsx"), path.join(repo, "src/cli/build.ts"), "--now", "2026-01-01T00:00:00Z"]),
};

const results = new Map<string, Sample[]>();
for (let r = 0; r < runs; r++) {
  for (const [name, run] of Object.entries(commands)) {
    const sample = await run();
    results.set(name, [...(results.get(name) ?? []), sample]);
    console.log(`  run ${r + 1}/${runs} ${name}: ${sample.seconds.toFixed(2)} s, ${sample.maxRssMb.toFixed(0)} MB`);
  }
}

const base = median(results.get("bare Eleventy (baseline)")!.map((s) => s.seconds));
console.log(`\n${n} articles, images excluded, median of ${runs} run${runs === 1 ? "" : "s"} (cold process each):\n`);
console.log("| build | wall | per article | peak memory | vs baseline |");
console.log("|---|---|---|---|---|");
for (const [name, samples] of results) {
  const wall = median(samples.map((s) => s.seconds));
  const rss = median(samples.map((s) => s.maxRssMb));
  console.log(`| ${name} | ${wall.toFixed(2)} s | ${((wall / n) * 1000).toFixed(2)} ms | ${rss.toFixed(0)} MB | ${(wall / base).toFixed(2)}x |`);
}

if (values.keep) console.log(`\nkept ${work}`);
else await rm(work, { recursive: true, force: true });
