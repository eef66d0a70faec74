/**
 * A production build: Eleventy writes the whole site into a staging folder beside the output, and
 * the staging folder replaces the output only when everything succeeded. On any error the previous
 * output stays exactly as it was, and the staging folder is removed.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { BuildReport, DatelineOptions, EleventyConfig } from "./plugin.ts";
import { recoverLeftovers, stagingFolder, swapIn } from "../output/swap.ts";
import { takeSpare, treeName } from "../output/output-tree.ts";
import { failpoint } from "../shared/failpoints.ts";
import { guardOutput, markOutput } from "../output/output-guard.ts";
import { openProject } from "../source/project.ts";
import { unlockStore } from "../store/build-lock.ts";

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
  const project = openProject(root, o.overrides);
  guardOutput(project, output, o.output);
  const staging = stagingFolder(output);
  await recoverLeftovers(output);
  let report: BuildReport | undefined;
  try {
    // The previous output, when the store knows what it holds, to update in place; else an empty folder.
    const previous = takeSpare(output, staging, project.store) ?? new Map();
    const tree = { previous, keep: treeName(output) };
    const overrides: Partial<DatelineOptions> = { root, ...o.overrides, tree, onBuilt: (r) => (report = r) };
    const eleventy = new Eleventy(path.join(root, "content"), staging, {
      configPath: false,
      quietMode: true,
      config: (c: EleventyConfig) => o.configure(c, overrides),
    });
    // Eleventy would print errors itself; the caller prints ours, in the one Dateline format.
    eleventy.disableLogger();
    await eleventy.write();
    if (!report) throw new Error("the Dateline plugin did not report a build");
    markOutput(staging);
    failpoint("before-swap");
    swapIn(staging, output);
    return report;
  } finally {
    await rm(staging, { recursive: true, force: true });
    // Held from the plugin's first hook; a build that failed before its last one still holds it.
    unlockStore(project.store.dir);
  }
}

