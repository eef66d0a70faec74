/**
 * A production build: Eleventy writes the whole site into a staging folder beside the output, and
 * the staging folder replaces the output only when everything succeeded. On any error the previous
 * output stays exactly as it was, and the staging folder is removed.
 */
import { spawn } from "node:child_process";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { BuildReport, DatelineOptions, EleventyConfig } from "./plugin.ts";

export interface BuildOptions {
  /** Project root holding content/, assets/ and .cache/. */
  root: string;
  /** Output folder (absolute, or relative to the root). */
  output: string;
  /** The site's Eleventy wiring (`configure` from .eleventy.ts): src/ does not import templates/. */
  configure: (config: EleventyConfig, overrides: Partial<DatelineOptions>) => void;
  overrides?: Partial<DatelineOptions>;
}

export async function buildSite(o: BuildOptions): Promise<BuildReport> {
  const root = path.resolve(o.root);
  const output = path.resolve(root, o.output);
  const staging = `${output}.staging-${process.pid}`;
  await removeLeftovers(output);
  let report: BuildReport | undefined;
  try {
    const overrides: Partial<DatelineOptions> = { root, ...o.overrides, onBuilt: (r) => (report = r) };
    const eleventy = new Eleventy(path.join(root, "content"), staging, {
      configPath: false,
      quietMode: true,
      config: (c: EleventyConfig) => o.configure(c, overrides),
    });
    // Eleventy would print errors itself; the caller prints ours, in the one Dateline format.
    eleventy.disableLogger();
    await eleventy.write();
    if (!report) throw new Error("the Dateline plugin did not report a build");
    await swapIn(staging, output);
    return report;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Replaces `to` with `from` by two renames. The old site is deleted after the swap by a detached
 * process: deleting thousands of folders took longer than writing them, and nobody needs to wait
 * for it. A deletion that was interrupted is finished by the next build (`removeLeftovers`).
 */
async function swapIn(from: string, to: string): Promise<void> {
  const old = `${to}.old-${process.pid}-${Date.now()}`;
  try {
    await rename(to, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return rename(from, to);
  }
  await rename(from, to);
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, old], { detached: true, stdio: "ignore" }).unref();
}

/** Old outputs and staging folders left by interrupted builds (not by ones still running). */
async function removeLeftovers(output: string): Promise<void> {
  const dir = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  const leftovers = (await readdir(dir)).filter((name) => {
    const pid = /^(?:old|staging)-(\d+)/.exec(name.slice(prefix.length))?.[1];
    return name.startsWith(prefix) && pid !== undefined && !isRunning(Number(pid));
  });
  await Promise.all(leftovers.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
