/**
 * `npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--keep]`: the newsroom-scale benchmark.
 *
 * For each N it writes N synthetic articles (tests/bench/synthetic.ts; a tenth with a hero and one
 * figure in the body, from a pool of pictures generated once), then times, each build its own
 * process, the median of R runs:
 *
 *   baseline          bare Eleventy 3 on the same Markdown (text only), one Nunjucks layout
 *   cold, text only   Dateline with no output and no cache, on the same articles without pictures
 *   warm, text only   the same again, with its cache and output (so the picture step's share of a
 *                     warm build is the difference to the next "warm" row)
 *   cold              Dateline with no output and no cache: every picture encoded
 *   warm              a second full build: the cache (pictures, fonts) and the previous output there
 *   one changed       after one article's body changed (a different article each run)
 *   npm start         the preview server (Eleventy's watch mode, as `npm start`): from saving a
 *                     changed article to its "[dateline] Built" line, and the server's peak memory
 *   Hugo              the same Markdown with Hugo, when `hugo` is installed (else left out)
 *
 * and prints one table: wall time, per-article cost, peak memory (the largest process's maxRSS, and
 * every process of the build at once, Pagefind's indexer included, sampled from /proc) and the ratio
 * to the baseline; then where the time of the cold builds and of one article changed went (the
 * build report's `time:` steps and `work:` kinds: read, validate, render, templates, write, and
 * Pagefind's indexing alongside), each process's own peak in the cold builds, and how the peak of
 * all processes grows per story from one size to the next. Speed targets live here, never in unit
 * tests.
 * The whole site is built (every listing, feed, sitemap and the search index).
 *
 * The archive's size, which CI never runs (nor any of this): `npm run bench -- --sizes 10000,50000 --runs 1`.
 * `npm run bench -- --import 20000` times the WordPress import instead (tests/bench/import-bench.ts).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { watchTreePeak, type TreePeak } from "./process-tree-memory.ts";
import { syntheticArticle, writeSyntheticContent, writeSyntheticSiteData } from "./synthetic.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,4000,10000" },
    runs: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    import: { type: "string" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !Number.isInteger(runs) || runs < 1 || (values.import !== undefined && !(Number(values.import) >= 10))) {
  console.error("usage: npm run bench -- [--sizes 1000,4000,10000] [--runs 3] [--keep] | --import 20000 [--keep]");
  process.exit(2);
}
const hugo = (() => {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
})();

// On tmpfs where there is one: disk write-back on these VMs varies by seconds from run to run and
// would drown the differences between the builds.
const scratch = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const work = await mkdtemp(path.join(scratch, "dateline-bench-"));
const pool = await imagePool(path.join(work, "pool"));

// `--import N`: the WordPress import of N posts instead of the builds (tests/bench/import-bench.ts).
if (values.import !== undefined) {
  const { benchImport } = await import("./import-bench.ts");
  await benchImport(Number(values.import), work, pool);
  if (values.keep) console.log(`\nkept ${work}`);
  else await rm(work, { recursive: true, force: true });
  process.exit();
}

interface Sample {
  seconds: number;
  /** The largest single process's own peak (its maxRSS, exact). */
  maxRssMb: number;
  /** Every process of the build at once (sampled: process-tree-memory.ts), and each command's own peak. */
  tree?: TreePeak;
  /** Where a Dateline build's time went: its report's `time:` line (by step) and `work:` line (by kind of work). */
  steps?: string;
  work?: string;
}

/**
 * Runs one build as its own process. The largest process's peak comes from peak-memory.mjs (`npm run
 * build` runs itself again, src/cli/launch.ts, and both report); the whole tree's, Pagefind's
 * indexer included, from sampling /proc while it runs.
 */
function timed(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const preload = command === process.execPath ? ["--import", path.join(here, "peak-memory.mjs")] : [];
    const child = spawn(command, [...preload, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const watch = watchTreePeak(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const tree = watch.stop();
      const rss = [...stderr.matchAll(/BENCH_MAX_RSS_KB=(\d+)/g)].map((m) => Number(m[1]));
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr}`));
      else resolve({ seconds, maxRssMb: rss.length ? Math.max(...rss) / 1024 : Number.NaN, tree, steps: /^ {2}time: (.*)$/m.exec(stdout)?.[1], work: /^ {2}work: (.*)$/m.exec(stdout)?.[1] });
    });
  });
}

/** Hugo is not a Node process: its peak memory comes from GNU time (the same line), when there is one. */
function timedHugo(cwd: string): Promise<Sample> {
  const hugoArgs = ["--quiet", "--destination", "_site"];
  return existsSync("/usr/bin/time") ? timed(cwd, "/usr/bin/time", ["-f", "BENCH_MAX_RSS_KB=%M", "hugo", ...hugoArgs]) : timed(cwd, "hugo", hugoArgs);
}

async function clean(root: string, o: { cache: boolean }): Promise<void> {
  for (const name of await readdir(root)) {
    if (name.startsWith("_site") || (o.cache && name === ".cache")) await rm(path.join(root, name), { recursive: true, force: true });
  }
}

const dateline = (root: string) =>
  timed(root, process.execPath, ["--import", import.meta.resolve("tsx"), path.join(repo, "src/cli/build.ts"), "--now", "2026-01-01T00:00:00Z"]);

const ONE_CHANGED = "Dateline, one article changed";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: { n: number; name: string; samples: Sample[] }[] = [];

for (const n of sizes) {
  const dir = path.join(work, String(n));
  const text = path.join(dir, "text");
  const pictured = path.join(dir, "pictured");
  const baseline = path.join(dir, "baseline");
  console.log(`\n${n} articles: writing content in ${dir} …`);
  await datelineSite(text, n, {});
  await datelineSite(pictured, n, { imagePool: pool });
  await writeSyntheticContent(path.join(baseline, "content"), n, { extraFrontmatter: "layout: article.njk" });
  await cp(path.join(here, "baseline"), baseline, { recursive: true });
  if (hugo) await hugoSite(path.join(dir, "hugo"), n);

  const measure = async (name: string, prepare: (run: number) => Promise<void>, build: () => Promise<Sample>) => {
    const samples: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      await prepare(r);
      samples.push(await build());
      console.log(`  ${name}, run ${r + 1}/${runs}: ${samples.at(-1)!.seconds.toFixed(2)} s, ${samples.at(-1)!.maxRssMb.toFixed(0)} MB`);
    }
    rows.push({ n, name, samples });
  };
  await measure("bare Eleventy (baseline)", () => clean(baseline, { cache: true }), () =>
    timed(baseline, process.execPath, [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.js", "--quiet"]),
  );
  await measure("Dateline cold, text only", () => clean(text, { cache: true }), () => dateline(text));
  await measure("Dateline warm, text only", async () => undefined, () => dateline(text));
  await measure("Dateline cold (a tenth with pictures)", () => clean(pictured, { cache: true }), () => dateline(pictured));
  await measure("Dateline warm (second build)", async () => undefined, () => dateline(pictured));
  await measure(
    ONE_CHANGED,
    async (run) => {
      const a = syntheticArticle(1 + run * 7);
      await appendFile(path.join(pictured, "content", a.file), `\nA sentence added in benchmark run ${run}.\n`);
    },
    () => dateline(pictured),
  );
  rows.push({ n, name: "npm start, one article changed", samples: await previewRuns(pictured, runs) });
  console.log(`  npm start, one article changed: ${rows.at(-1)!.samples.map((x) => `${x.seconds.toFixed(2)} s`).join(", ")}`);
  if (hugo) await measure("Hugo", () => clean(path.join(dir, "hugo"), { cache: false }), () => timedHugo(path.join(dir, "hugo")));
  // The next size needs the memory and the disk.
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}

console.log(`\nThe whole site (listings, feeds, sitemaps, search index); median of ${runs} run${runs === 1 ? "" : "s"}, each build its own process, on ${scratch}.`);
console.log(hugo ? `Hugo: ${hugo}` : "Hugo: not installed (apt-get install hugo): its rows are left out.");
const mb = (x: number) => (Number.isNaN(x) ? "–" : `${x.toFixed(0)} MB`);
const allMb = (row: (typeof rows)[number]) => median(row.samples.map((s) => s.tree?.allMb ?? Number.NaN));
console.log("\n| N | build | wall | per article | peak, largest process | peak, all processes | vs baseline |");
console.log("|---|---|---|---|---|---|---|");
for (const n of sizes) {
  const base = median(rows.find((r) => r.n === n && r.name.startsWith("bare"))!.samples.map((s) => s.seconds));
  for (const row of rows.filter((r) => r.n === n)) {
    const wall = median(row.samples.map((s) => s.seconds));
    const rss = median(row.samples.map((s) => s.maxRssMb));
    console.log(`| ${n.toLocaleString("en")} | ${row.name} | ${wall.toFixed(2)} s | ${((wall / n) * 1000).toFixed(2)} ms | ${mb(rss)} | ${mb(allMb(row))} | ${(wall / base).toFixed(2)}x |`);
  }
}

// Under the table, for the cold builds (the last run's): where the time went (and for one article
// changed), each process's own peak, and how the whole tree's peak grows with the archive: the slope
// between two sizes is what each further story costs.
const COLD = ["Dateline cold, text only", "Dateline cold (a tenth with pictures)"];
console.log("\nWhere the time went, cold builds and one article changed (the last run's report):");
for (const row of rows.filter((r) => COLD.includes(r.name) || r.name === ONE_CHANGED)) {
  const last = row.samples.at(-1);
  console.log(`  ${row.n.toLocaleString("en")}, ${row.name}: ${last?.steps ?? "–"}\n    by kind of work: ${last?.work ?? "–"}`);
}
console.log("\nEach process's own peak, cold builds (sampled every 100 ms):");
for (const row of rows.filter((r) => COLD.includes(r.name))) {
  const byName = [...(row.samples.at(-1)?.tree?.byName ?? [])].sort((a, b) => b[1] - a[1]);
  console.log(`  ${row.n.toLocaleString("en")}, ${row.name}: ${byName.map(([name, peak]) => `${name} ${mb(peak)}`).join(", ") || "–"}`);
}
for (const name of COLD) {
  const points = rows.filter((r) => r.name === name).map((r) => ({ n: r.n, mb: allMb(r) }));
  for (const [a, b] of points.slice(1).map((p, i) => [points[i]!, p] as const)) {
    const kbPerStory = ((b.mb - a.mb) * 1024) / (b.n - a.n);
    console.log(`Memory growth, ${name}, all processes, ${a.n.toLocaleString("en")} → ${b.n.toLocaleString("en")}: ${Number.isNaN(kbPerStory) ? "–" : `${kbPerStory.toFixed(1)} KB a story`}`);
  }
}

if (values.keep) console.log(`\nkept ${work}`);
else await rm(work, { recursive: true, force: true });

/** A Dateline site: synthetic articles, the sections they use, the repo's stylesheet. */
async function datelineSite(root: string, n: number, o: { imagePool?: readonly string[] }): Promise<void> {
  await writeSyntheticContent(path.join(root, "content"), n, o);
  await writeSyntheticSiteData(path.join(root, "content"));
  await cp(path.join(repo, "assets"), path.join(root, "assets"), { recursive: true });
}

/** The same Markdown for Hugo: one content folder per section, a minimal layout for pages and lists. */
async function hugoSite(root: string, n: number): Promise<void> {
  await writeSyntheticContent(path.join(root, "content"), n);
  await mkdir(path.join(root, "layouts/_default"), { recursive: true });
  await writeFile(path.join(root, "hugo.toml"), 'baseURL = "https://bench.example.org/"\ntitle = "Bench Times"\n');
  await writeFile(
    path.join(root, "layouts/_default/single.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article></main></body></html>\n',
  );
  await writeFile(
    path.join(root, "layouts/_default/list.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
  );
}

/** Eight distinct 1600×900 JPEGs (flat colours and shapes), made once and hard-linked into articles. */
async function imagePool(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const colours = ["#2f4858", "#86bbd8", "#f6ae2d", "#f26419", "#33658a", "#55dde0", "#7a9e7e", "#b3122e"];
  return Promise.all(
    colours.map(async (colour, i) => {
      const file = path.join(dir, `picture-${i}.jpg`);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="${colour}"/><circle cx="${300 + i * 120}" cy="450" r="260" fill="#fff" fill-opacity=".35"/><rect x="900" y="${150 + i * 40}" width="500" height="300" fill="#000" fill-opacity=".25"/></svg>`;
      await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
      return file;
    }),
  );
}

/**
 * The preview: Eleventy in watch mode with Dateline's config, as `npm start` runs it. After its first
 * build, each run appends a sentence to an article and times until the plugin's "[dateline] Built"
 * line; the peak memory is the process's high-water mark (VmHWM) at the end.
 */
async function previewRuns(root: string, count: number): Promise<Sample[]> {
  const child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${path.join(repo, ".eleventy.ts")}`, "--watch"],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATELINE_NOW: "2026-01-01T00:00:00Z" } },
  );
  // Lines that matter, in order: a waiter takes the next one, or waits for it.
  const lines: string[] = [];
  let waiting: ((line: string) => void) | undefined;
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
    let nl: number;
    while ((nl = output.indexOf("\n")) >= 0) {
      const line = output.slice(0, nl);
      output = output.slice(nl + 1);
      if (!line.startsWith("[dateline] Built") && !line.includes("Watching")) continue;
      if (waiting) {
        const wake = waiting;
        waiting = undefined;
        wake(line);
      } else lines.push(line);
    }
  });
  child.stderr.on("data", () => undefined);
  const built = () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise<string>((resolve) => (waiting = resolve)));
  try {
    // The first build, then Eleventy's "Watching…" once its watcher has seen every folder.
    await built();
    while (!(await built()).includes("Watching"));
    const samples: Sample[] = [];
    for (let r = 0; r < count; r++) {
      // Let the watcher settle: Eleventy says "Watching…" before chokidar has walked thousands of
      // folders (a change before that is missed), and ignores changes while it builds.
      await new Promise((resolve) => setTimeout(resolve, r === 0 ? 8000 : 1500));
      const a = syntheticArticle(3 + r * 11);
      const next = built();
      // A save the watcher missed (at 50,000 stories it was still walking the folders after the 8 s)
      // is saved again, every 30 s, and the time counts from the save it saw.
      let started = performance.now();
      let saves = 0;
      const save = () => {
        started = performance.now();
        return appendFile(path.join(root, "content", a.file), `\nA sentence saved in preview run ${r}, save ${++saves}.\n`);
      };
      await save();
      const again = setInterval(() => void save(), 30_000);
      let line = await next.finally(() => clearInterval(again));
      if (saves > 1) console.log(`    (saved ${saves} times: the watcher missed the first ${saves - 1})`);
      while (!line.startsWith("[dateline] Built")) line = await built();
      samples.push({ seconds: (performance.now() - started) / 1000, maxRssMb: Number.NaN });
      console.log(`    ${line}`);
    }
    const hwm = /VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => ""));
    return samples.map((x) => ({ ...x, maxRssMb: hwm ? Number(hwm[1]) / 1024 : Number.NaN }));
  } finally {
    child.kill();
  }
}
