/**
 * The memory of a process and every process under it, read from Linux's /proc: what a build costs a
 * machine is the sum of its processes at the same moment (the launcher, the build, Pagefind's
 * indexer), not the largest one's own peak. `npm run bench` samples it while each build runs.
 *
 * Sampling misses a peak shorter than its interval (100 ms by default): the figures are a lower bound,
 * close for builds that hold their memory for seconds. Elsewhere than Linux there is no /proc, and
 * the figures are left out (NaN).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface ProcessMemory {
  pid: number;
  /** The command's name: its program file's (`node`, `pagefind_extended`, …), else the kernel's 15-character one. */
  name: string;
  rssKb: number;
}

/** Every process in the tree under `root` (itself included), with its resident memory now; empty when it is gone. */
export function treeMemory(root: number): ProcessMemory[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // "pid (name) state ppid …": the name may hold spaces and parentheses, so the last ")" ends it.
    const close = stat?.lastIndexOf(")") ?? -1;
    if (!stat || close < 0) continue;
    const pid = Number(entry);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    names.set(pid, stat.slice(stat.indexOf("(") + 1, close));
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: ProcessMemory[] = [];
  const pending = names.has(root) ? [root] : [];
  while (pending.length) {
    const pid = pending.pop()!;
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
    // A process that ended between the two reads, or a zombie (no VmRSS), holds no memory.
    const program = read(`/proc/${pid}/cmdline`)?.split("\0")[0];
    if (rss) tree.push({ pid, name: program ? path.basename(program) : names.get(pid)!, rssKb: Number(rss[1]) });
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface TreePeak {
  /** The largest sum over the tree at one sample, in MB. */
  allMb: number;
  /** Each command's own largest resident size, by name, in MB. */
  byName: Map<string, number>;
}

/**
 * Samples `root`'s tree every `intervalMs` until `stop()`, which takes a last sample of what is still
 * running and gives the peaks.
 */
export function watchTreePeak(root: number, intervalMs = 100): { stop(): TreePeak } {
  const peak: TreePeak = { allMb: Number.NaN, byName: new Map() };
  if (process.platform !== "linux") return { stop: () => peak };
  const sample = () => {
    const tree = treeMemory(root);
    if (!tree.length) return;
    const allMb = tree.reduce((sum, p) => sum + p.rssKb, 0) / 1024;
    if (!(allMb <= peak.allMb)) peak.allMb = allMb;
    for (const p of tree) peak.byName.set(p.name, Math.max(peak.byName.get(p.name) ?? 0, p.rssKb / 1024));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
