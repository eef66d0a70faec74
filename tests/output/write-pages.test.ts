/** Writing the site (src/output/write-pages.ts): pictures linked from the store into the output, never rendered twice. */
import assert from "node:assert/strict";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { readPlan } from "../../src/images/image-plan.ts";
import { ImageEncoder } from "../../src/images/image-encoder.ts";
import { linkPictures } from "../../src/output/write-pages.ts";
import { Store } from "../../src/store/store.ts";
import { jpeg } from "../support/fixture-site.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const work = tempDirFor("dateline-write-pages-");

test("linkPictures links every encoded variant into img/ (one file, two names), and leaves one already there", async () => {
  const source = path.join(work, "linked.jpg");
  await jpeg(source, 700, 400, "#228844");
  const plan = await readPlan(source);
  const store = new Store(path.join(work, "cache"));
  await new ImageEncoder(store).encode([plan]);
  const out = path.join(work, "out");
  linkPictures(out, [plan], [], store);
  linkPictures(out, [plan], [], store);
  const img = path.join(out, "img");
  assert.deepEqual((await readdir(img)).sort(), plan.variants.map((v) => v.name).sort());
  for (const v of plan.variants) {
    assert.equal((await stat(path.join(img, v.name))).ino, (await stat(store.path("images", v.name))).ino, v.name);
    const meta = await sharp(path.join(img, v.name)).metadata();
    assert.equal(meta.width, v.width, v.name);
    assert.equal(meta.height, v.height, v.name);
  }
});

test("a variant gone from the store stops the build with a message, rather than leaving a page without its picture", async () => {
  const source = path.join(work, "gone.jpg");
  await jpeg(source, 500, 300, "#884422");
  const plan = await readPlan(source);
  assert.throws(() => linkPictures(path.join(work, "out-gone"), [plan], [], new Store(path.join(work, "empty-cache"))), /went missing from the cache while the site was built: build again/);
});
