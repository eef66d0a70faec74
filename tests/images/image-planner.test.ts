/** The image planner (src/images/image-planner.ts): its cache of plans follows edits to a picture and keeps what a plan holds. */
import assert from "node:assert/strict";
import { stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { readPlan } from "../../src/images/image-plan.ts";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import { Store } from "../../src/store/store.ts";
import { jpeg } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-images-");

test("an edited image is planned again (the plan cache is keyed by size and mtime)", async () => {
  const source = path.join(work, "edited.jpg");
  await jpeg(source, 500, 300, "#111111");
  const planner = new ImagePlanner(new Store(path.join(work, "cache-plans")));
  const before = await planner.plan(source);
  await jpeg(source, 640, 300, "#222222");
  const later = new Date(Date.now() + 5000);
  await utimes(source, later, later);
  const after = await planner.plan(source);
  assert.equal(after.width, 640);
  assert.notEqual(after.variants[0]!.name, before.variants[0]!.name);
  assert.ok((await stat(source)).size > 0);
});

test("a plan's colour is kept with it: the next build's planner has it without reading the picture", async () => {
  const source = path.join(work, "kept.jpg");
  await jpeg(source, 400, 300, "#cc0000");
  // A whole second, which setting the time again below gives back exactly.
  const time = new Date(2026, 0, 30, 12);
  await utimes(source, time, time);
  const store = new Store(path.join(work, "cache-kept"));
  const first = new ImagePlanner(store);
  const plan = await first.plan(source);
  assert.match(plan.colour ?? "", /^#[0-9a-f]{6}$/);
  first.save([plan]);
  // Zeros in its place with the same size, inode and time: read again, it would not plan at all.
  await writeFile(source, Buffer.alloc((await stat(source)).size));
  await utimes(source, time, time);
  assert.deepEqual(await new ImagePlanner(store).plan(source), plan);
});

test("plans kept before plans held a colour (a record without a version) are read again, not used without it", async () => {
  const source = path.join(work, "old-cache.jpg");
  await jpeg(source, 400, 300, "#0000cc");
  const store = new Store(path.join(work, "cache-old"));
  const { colour, ...withoutColour } = await readPlan(source);
  assert.ok(colour);
  const { mtimeMs, size, ino } = await stat(source);
  store.writeJson("imagePlans", undefined, { [source]: { mtimeMs, size, ino, plan: withoutColour } });
  assert.equal((await new ImagePlanner(store).plan(source)).colour, colour);
});
