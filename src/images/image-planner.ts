/**
 * Plans for this build's pictures, each read once and kept across builds in the store (the
 * `imagePlans` record): a plan stands while its file keeps its size, modification time and inode (as
 * make judges a file unchanged), so a warm build reads no picture and asks sharp nothing. One planner
 * per build, handed to every loader that names a picture.
 */
import type { Store } from "../store/store.ts";
import { PLAN_VERSION, readPlan, statOf, type ColourMemo, type ImagePlan } from "./image-plan.ts";

interface KeptPlan {
  mtimeMs: number;
  size: number;
  ino: number;
  plan: ImagePlan;
}

/** The record, with the version of the plans in it: plans of another version are all read again. */
interface KeptPlans {
  version: number;
  plans: Record<string, KeptPlan>;
}

export class ImagePlanner {
  readonly #kept: Map<string, KeptPlan>;
  /** The colours of the pictures this planner knows, kept or read, so that a copy of one is not decoded again. */
  readonly #colours: ColourMemo = new Map();

  constructor(private readonly store: Store) {
    // The record outlives code changes (keyed by the code's version, every new Dateline would read
    // every picture again), so one of another plan version, or of none (before the placeholder
    // colour), is dropped here: no kept plan lacks what readPlan now reads.
    const kept = store.readJson<KeptPlans>("imagePlans");
    this.#kept = new Map(kept?.version === PLAN_VERSION ? Object.entries(kept.plans) : []);
    for (const { plan } of this.#kept.values()) this.#colours.set(plan.hash, Promise.resolve(plan.colour));
  }

  /** The plan of the picture at `source` (an absolute path); ImageReadError when it cannot be used. */
  async plan(source: string): Promise<ImagePlan> {
    const info = statOf(source);
    const kept = this.#kept.get(source);
    if (kept && kept.mtimeMs === info.mtimeMs && kept.size === info.size && kept.ino === info.ino) return kept.plan;
    const plan = await readPlan(source, this.#colours);
    this.#kept.set(source, { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, plan });
    return plan;
  }

  /** Keeps the plans of the pictures this build used, for the next build. */
  save(used: readonly ImagePlan[]): void {
    const sources = new Set(used.map((p) => p.source));
    const plans = Object.fromEntries([...this.#kept].filter(([source]) => sources.has(source)));
    this.store.writeJson("imagePlans", undefined, { version: PLAN_VERSION, plans } satisfies KeptPlans);
  }
}
