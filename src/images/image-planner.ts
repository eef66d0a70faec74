/**
 * Plans for this build's pictures, each read once and kept across builds in the store (the
 * `imagePlans` record): a plan stands while its file keeps its size, modification time and inode (as
 * make judges a file unchanged), so a warm build reads no picture and asks sharp nothing. One planner
 * per build, handed to every loader that names a picture.
 */
import type { Store } from "../store/store.ts";
import { readPlan, statOf, type ImagePlan } from "./image-plan.ts";

interface KeptPlan {
  mtimeMs: number;
  size: number;
  ino: number;
  plan: ImagePlan;
}

export class ImagePlanner {
  readonly #kept: Map<string, KeptPlan>;

  constructor(private readonly store: Store) {
    this.#kept = new Map(Object.entries(store.readJson<Record<string, KeptPlan>>("imagePlans") ?? {}));
  }

  /** The plan of the picture at `source` (an absolute path); ImageReadError when it cannot be used. */
  async plan(source: string): Promise<ImagePlan> {
    const info = statOf(source);
    const kept = this.#kept.get(source);
    if (kept && kept.mtimeMs === info.mtimeMs && kept.size === info.size && kept.ino === info.ino) return kept.plan;
    const plan = await readPlan(source);
    this.#kept.set(source, { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, plan });
    return plan;
  }

  /** Keeps the plans of the pictures this build used, for the next build. */
  save(used: readonly ImagePlan[]): void {
    const sources = new Set(used.map((p) => p.source));
    this.store.writeJson("imagePlans", undefined, Object.fromEntries([...this.#kept].filter(([source]) => sources.has(source))));
  }
}
