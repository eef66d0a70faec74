/**
 * The site's share picture (src/listings/share-image.ts): site.yaml `image`, planned with its crops
 * for cards and search results, and every way it can be wrong reported against site.yaml's
 * image.src in an editor's words.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { loadShareImage } from "../../src/listings/share-image.ts";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import type { ImagePlan } from "../../src/images/image-plan.ts";
import { ContentError } from "../../src/shared/errors.ts";
import { openProject } from "../../src/source/project.ts";
import type { SiteConfig } from "../../src/site/site-config.ts";
import { REPO } from "../../src/shared/repo.ts";
import { renderSvgToJpeg } from "../support/svg-drawing.ts";
import { tempDirFor } from "../support/temp-dir.ts";
import { SITE } from "../support/model-values.ts";

const root = tempDirFor("dateline-share-image-");
const project = openProject(root);
mkdirSync(path.join(project.assetsDir, "pictures"), { recursive: true });
mkdirSync(path.join(project.contentDir, "_data"), { recursive: true });
// Not FIXTURES from fixture-site.ts: that module brings Eleventy in, seconds this file does not need.
copyFileSync(path.join(REPO, "tests/fixtures/images/corrupt.jpg"), path.join(project.assetsDir, "corrupt.jpg"));
before(() => renderSvgToJpeg(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#2a6f97"/></svg>`, path.join(project.assetsDir, "pictures/share.jpg"), 1600, 900));

const siteWith = (image: SiteConfig["image"]): SiteConfig => ({ ...SITE, image });
const load = (src: string, images = new ImagePlanner(project.store)) => loadShareImage(project, siteWith({ src, alt: "The newsroom's logo" }), images);

/** The problems of the ContentError `promise` rejects with. */
async function problemsOf(promise: Promise<unknown>): Promise<unknown[]> {
  const error = await promise.then(
    () => assert.fail("expected a ContentError"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ContentError, String(error));
  return [...error.problems];
}
const problem = (message: string) => ({ file: "content/_data/site.yaml", field: "image.src", message });

test("a site without `image` has no share picture, and no picture is read", async () => {
  const planner = new (class extends ImagePlanner {
    override plan(): Promise<ImagePlan> {
      throw new Error("no picture should be planned");
    }
  })(project.store);
  assert.equal(await loadShareImage(project, siteWith(undefined), planner), undefined);
});

test("the picture under /assets/ is planned, with its four crops, its alt text and no caption", async () => {
  const figure = await load("/assets/pictures/share.jpg");
  assert.ok(figure);
  assert.equal(figure.plan.source, path.join(project.assetsDir, "pictures/share.jpg"));
  assert.deepEqual([figure.plan.width, figure.plan.height], [1600, 900]);
  assert.deepEqual(
    Object.entries(figure.plan.crops ?? {}).map(([name, c]) => [name, c.width, c.height]),
    [
      ["wide", 1200, 675],
      ["standard", 1200, 900],
      ["square", 900, 900],
      ["social", 1200, 630],
    ],
  );
  assert.equal(figure.alt, "The newsroom's logo");
  assert.deepEqual(figure.caption, { text: "", credit: undefined });
});

test("a missing file is a problem in site.yaml's image.src, naming the path as written", async () => {
  assert.deepEqual(await problemsOf(load("/assets/pictures/missing.jpg")), [problem("/assets/pictures/missing.jpg: file not found")]);
});

test("a folder, or a file that is not a picture, is a problem in site.yaml's image.src", async () => {
  assert.deepEqual(await problemsOf(load("/assets/pictures")), [problem("/assets/pictures: not a file")]);
  const [corrupt] = (await problemsOf(load("/assets/corrupt.jpg"))) as { message: string }[];
  assert.match(corrupt!.message, /^\/assets\/corrupt\.jpg: cannot read image \(.+\)$/);
});

test("a path that leaves the assets folder is refused before anything is read", async () => {
  assert.deepEqual(await problemsOf(load("/assets/../content/_data/site.yaml")), [problem("/assets/../content/_data/site.yaml: leaves the assets folder")]);
  assert.deepEqual(await problemsOf(load("/assets/%2e%2e/%2e%2e/etc/passwd")), [problem("/assets/%2e%2e/%2e%2e/etc/passwd: leaves the assets folder")]);
});

test("a failure that is not the editor's (a planner that breaks) is passed on as it is, not reported as content", async () => {
  const broken = new (class extends ImagePlanner {
    override plan(): Promise<ImagePlan> {
      return Promise.reject(new RangeError("planner broke"));
    }
  })(project.store);
  await assert.rejects(load("/assets/pictures/share.jpg", broken), (e: unknown) => e instanceof RangeError && e.message === "planner broke");
});

test("with the content folder elsewhere, the problem names that folder's site.yaml", async () => {
  const elsewhere = openProject(root, { contentDir: "news-content" });
  const site: SiteConfig = { ...SITE, image: { src: "/assets/pictures/missing.jpg", alt: "Logo" } };
  assert.deepEqual(await problemsOf(loadShareImage(elsewhere, site, new ImagePlanner(elsewhere.store))), [
    { file: "news-content/_data/site.yaml", field: "image.src", message: "/assets/pictures/missing.jpg: file not found" },
  ]);
});
