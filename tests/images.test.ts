import assert from "node:assert/strict";
import { copyFile, mkdtemp, readdir, rm, stat, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import sharp from "sharp";
import { ImageReadError, readPlan, widthsFor } from "../src/images/image-plan.ts";
import { ImageEncoder } from "../src/images/image-encoder.ts";
import { ImagePlanner } from "../src/images/image-planner.ts";
import { Store } from "../src/store/store.ts";
import { FIXTURES, jpeg } from "./support/fixture-site.ts";

let work: string;
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dateline-images-"));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

test("widths never exceed the source (no upscaling) and include it when it is small", () => {
  assert.deepEqual(widthsFor(300), [300]);
  assert.deepEqual(widthsFor(1000), [480, 800, 1000]);
  assert.deepEqual(widthsFor(1600), [480, 800, 1200, 1600]);
  assert.deepEqual(widthsFor(4000), [480, 800, 1200, 1600]);
});

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

test("variants come in AVIF, WebP and JPEG, named by content hash, with heights in proportion", async () => {
  const source = path.join(work, "wide.jpg");
  await jpeg(source, 1000, 500, "#336699");
  const plan = await readPlan(source);
  assert.deepEqual(plan.formats, ["avif", "webp", "jpeg"]);
  assert.deepEqual([...new Set(plan.variants.map((v) => v.width))], [480, 800, 1000]);
  for (const v of plan.variants) {
    assert.match(v.name, /^[0-9a-f]{12}-\d+\.(avif|webp|jpg)$/);
    assert.equal(v.height, Math.round(v.width / 2));
  }
  // Same bytes elsewhere → same names; different bytes → different names.
  const copy = path.join(work, "copy.jpg");
  await copyFile(source, copy);
  assert.deepEqual((await readPlan(copy)).variants.map((v) => v.name), plan.variants.map((v) => v.name));
  const other = path.join(work, "other.jpg");
  await jpeg(other, 1000, 500, "#993366");
  assert.notEqual((await readPlan(other)).variants[0]!.name, plan.variants[0]!.name);
});

test("the cache makes a second encode do nothing, and copyTo links every variant into the output", async () => {
  const source = path.join(work, "cached.jpg");
  await jpeg(source, 700, 400, "#228844");
  const plan = await readPlan(source);
  const store = new ImageEncoder(new Store(path.join(work, "cache")));
  const first = await store.encode([plan]);
  assert.equal(first.encoded, plan.variants.length);
  assert.equal(first.reused, 0);
  const second = await store.encode([plan]);
  assert.deepEqual(second, { encoded: 0, reused: plan.variants.length });
  const out = path.join(work, "out");
  store.copyTo(out, [plan]);
  assert.deepEqual((await readdir(out)).sort(), plan.variants.map((v) => v.name).sort());
  for (const v of plan.variants) {
    const meta = await sharp(path.join(out, v.name)).metadata();
    assert.equal(meta.width, v.width, v.name);
    assert.equal(meta.height, v.height, v.name);
  }
});

test("a PNG with transparency falls back to PNG, not JPEG", async () => {
  const source = path.join(work, "alpha.png");
  await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(source);
  assert.deepEqual((await readPlan(source)).formats, ["avif", "webp", "png"]);
});

test("a missing file and a corrupt file are ImageReadErrors with a plain message", async () => {
  await assert.rejects(readPlan(path.join(work, "nope.jpg")), (e) => e instanceof ImageReadError && /not found/.test(e.message));
  await assert.rejects(readPlan(path.join(FIXTURES, "images/corrupt.jpg")), (e) => e instanceof ImageReadError && /cannot read image/.test(e.message));
});

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
