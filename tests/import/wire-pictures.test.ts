/** Which picture of --images goes with which caption (src/import/wire-pictures.ts), and its name beside the story. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isPictureName, matchPictures, storyPictureName } from "../../src/import/wire-pictures.ts";

test("one file: pictures named after it first, then the folder's others, in the order of their names (2 before 10)", () => {
  const { byFile, unused } = matchPictures(["copy/summit.txt"], ["b.jpg", "photo-10.jpg", "photo-2.jpg", "summit.png"], [4]);
  assert.deepEqual(byFile, [["summit.png", "b.jpg", "photo-2.jpg", "photo-10.jpg"]]);
  assert.deepEqual(unused, []);
});

test("more pictures than captions: the rest are left over; fewer: the later captions get none", () => {
  assert.deepEqual(matchPictures(["summit.txt"], ["a.jpg", "b.jpg", "c.jpg"], [2]), { byFile: [["a.jpg", "b.jpg"]], unused: ["c.jpg"] });
  assert.deepEqual(matchPictures(["summit.txt"], ["a.jpg"], [3]), { byFile: [["a.jpg"]], unused: [] });
});

test("several files: each takes the pictures named after it (the longest name wins); pictures named after none are left over", () => {
  const { byFile, unused } = matchPictures(
    ["summit.txt", "summit-2.txt", "snow.txt"],
    ["snow_1.jpg", "summit.jpg", "summit-2.jpg", "SUMMIT-3.JPG", "Snow 2.webp", "other.jpg", "summitry.jpg"],
    [3, 1, 2],
  );
  assert.deepEqual(byFile, [["summit.jpg", "SUMMIT-3.JPG"], ["summit-2.jpg"], ["snow_1.jpg", "Snow 2.webp"]]);
  assert.deepEqual(unused, ["other.jpg", "summitry.jpg"]);
});

test("only the kinds of picture the site encodes", () => {
  assert.deepEqual(["a.jpg", "b.JPEG", "c.png", "d.webp", "e.avif", "f.gif", "g.txt", "h"].filter(isPictureName), ["a.jpg", "b.JPEG", "c.png", "d.webp", "e.avif"]);
});

test("a picture's name beside the story: safe, its extension in lower case, never one already taken", () => {
  assert.equal(storyPictureName("AFP Photo 2026_01.JPG", 1, new Set()), "afp-photo-2026-01.jpg");
  assert.equal(storyPictureName("صورة الوفد.jpeg", 1, new Set()), "صورة-الوفد.jpeg");
  assert.equal(storyPictureName("___.png", 3, new Set()), "picture-3.png");
  assert.equal(storyPictureName("Hero.jpg", 2, new Set(["hero.jpg", "hero-2.jpg"])), "hero-3.jpg");
});
