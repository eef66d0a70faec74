/** The image planner (src/images/image-planner.ts): its cache of plans follows edits to a picture. */
import assert from "node:assert/strict";
import { stat, utimes } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
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
