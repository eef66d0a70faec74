/** Image plans (src/images/image-plan.ts): the widths and formats of a picture's variants, named by its bytes, its placeholder colour, and unreadable files. */
import assert from "node:assert/strict";
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { ImageReadError, readPlan, widthsFor, withCrops } from "../../src/images/image-plan.ts";
import { FIXTURES, jpeg } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-images-");

test("widths never exceed the source (no upscaling) and include it when it is small", () => {
  assert.deepEqual(widthsFor(300), [300]);
  assert.deepEqual(widthsFor(1000), [480, 800, 1000]);
  assert.deepEqual(widthsFor(1600), [480, 800, 1200, 1600]);
  assert.deepEqual(widthsFor(4000), [480, 800, 1200, 1600]);
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

test("a PNG with transparency falls back to PNG, not JPEG", async () => {
  const source = path.join(work, "alpha.png");
  await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(source);
  assert.deepEqual((await readPlan(source)).formats, ["avif", "webp", "png"]);
});

test("a missing file and a corrupt file are ImageReadErrors with a plain message", async () => {
  await assert.rejects(readPlan(path.join(work, "nope.jpg")), (e) => e instanceof ImageReadError && /not found/.test(e.message));
  await assert.rejects(readPlan(path.join(FIXTURES, "images/corrupt.jpg")), (e) => e instanceof ImageReadError && /cannot read image/.test(e.message));
});

test("a plan carries its picture's dominant colour: a solid red photo gives a red one", async () => {
  const source = path.join(work, "red.jpg");
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#ff0000" } }).jpeg().toFile(source);
  const colour = (await readPlan(source)).colour ?? "";
  assert.match(colour, /^#[0-9a-f]{6}$/);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  assert.ok(r! > 200 && g! < 40 && b! < 40, `#ff0000 read as ${colour}`);
});

test("a picture with transparency has no placeholder colour (it would fill the clear parts once loaded)", async () => {
  const source = path.join(work, "logo.png");
  await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.2 } } }).png().toFile(source);
  assert.equal((await readPlan(source)).colour, undefined);
});

test("a picture cut short is still planned, without a colour: the encoder tells the editor it is damaged", async () => {
  const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#00ff00" } }).jpeg().toBuffer();
  const source = path.join(work, "cut-short.jpg");
  await writeFile(source, whole.subarray(0, whole.length / 2));
  const plan = await readPlan(source);
  assert.equal(plan.width, 800);
  assert.equal(plan.colour, undefined);
});

test("a picture whose bytes were planned before takes the colour found then, and is not decoded for it again", async () => {
  const source = path.join(work, "agency.jpg");
  await jpeg(source, 800, 450, "#336699");
  const colours = new Map<string, Promise<string | undefined>>();
  const first = await readPlan(source, colours);
  assert.equal(colours.size, 1);
  // A copy beside another story: its colour comes from the memo (a value no decode would give).
  const copy = path.join(work, "agency-copy.jpg");
  await copyFile(source, copy);
  colours.set(first.hash, Promise.resolve("#010203"));
  assert.equal((await readPlan(copy, colours)).colour, "#010203");
});

test("crops: a story's picture gets search engines' three shapes; the site's share picture also the 1200 × 630 Open Graph one", async () => {
  const source = path.join(work, "crops.jpg");
  await jpeg(source, 1600, 900, "#336699");
  const plan = await readPlan(source);
  const shapes = (crops: object | undefined) => Object.entries(crops ?? {}).map(([name, c]) => [name, c.width, c.height]);
  assert.deepEqual(shapes(withCrops(plan).crops), [["wide", 1200, 675], ["standard", 1200, 900], ["square", 900, 900]]);
  assert.deepEqual(shapes(withCrops(plan, { social: true }).crops).at(-1), ["social", 1200, 630]);
});
