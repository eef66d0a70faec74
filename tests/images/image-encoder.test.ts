/** The image encoder (src/images/image-encoder.ts): variants encoded upright and without EXIF, kept in the store. */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { readPlan } from "../../src/images/image-plan.ts";
import { ImageEncoder } from "../../src/images/image-encoder.ts";
import { Store } from "../../src/store/store.ts";
import { FIXTURES, jpeg } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-images-");

test("EXIF orientation is applied: a 60×40 photo tagged 'rotate 90°' is planned and encoded as 40×60", async () => {
  const plan = await readPlan(path.join(FIXTURES, "images/rotated-exif-6.jpg"));
  assert.equal(plan.width, 40);
  assert.equal(plan.height, 60);
  const cache = new Store(path.join(work, "cache-rotate"));
  const store = new ImageEncoder(cache);
  await store.encode([plan]);
  const jpg = plan.variants.find((v) => v.format === "jpeg")!;
  const file = cache.path("images", jpg.name);
  const meta = await sharp(file).metadata();
  assert.deepEqual([meta.width, meta.height], [40, 60]);
  // The red half of the stored image is on top once turned, and no EXIF survives.
  const { data } = await sharp(file).extract({ left: 20, top: 5, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
  assert.ok(data[0]! > 200 && data[2]! < 80, `top pixel should be red, got ${[...data]}`);
  assert.equal(meta.exif, undefined);
  assert.equal(meta.orientation, undefined);
});

test("the cache makes a second encode do nothing", async () => {
  const source = path.join(work, "cached.jpg");
  await jpeg(source, 700, 400, "#228844");
  const plan = await readPlan(source);
  const store = new ImageEncoder(new Store(path.join(work, "cache")));
  const first = await store.encode([plan]);
  assert.equal(first.encoded, plan.variants.length);
  assert.equal(first.reused, 0);
  const second = await store.encode([plan]);
  assert.deepEqual(second, { encoded: 0, reused: plan.variants.length });
});
