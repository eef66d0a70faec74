/** File stamps (src/shared/file-stamp.ts): size, mtime and inode tell a changed file from an unchanged one. */
import assert from "node:assert/strict";
import { renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { sameStamp, stampOf, storyStamps, unchangedStory } from "../../src/shared/file-stamp.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-file-stamp-");
let n = 0;
function freshFile(text = "hello"): string {
  const file = path.join(dir, `f${n++}.md`);
  writeFileSync(file, text);
  return file;
}

test("a stamp holds the file's size, mtime and inode, and an untouched file keeps it", () => {
  const file = freshFile("hello");
  const stamp = stampOf(file)!;
  const st = statSync(file);
  assert.deepEqual(stamp, { mtimeMs: st.mtimeMs, size: 5, ino: st.ino });
  assert.equal(sameStamp(file, stamp), true);
});

test("a same-size rewrite with a new mtime is a change", () => {
  const file = freshFile("hello");
  utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
  const stamp = stampOf(file)!;
  writeFileSync(file, "jello");
  utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:05Z"));
  assert.equal(stampOf(file)!.size, stamp.size);
  assert.equal(stampOf(file)!.ino, stamp.ino);
  assert.equal(sameStamp(file, stamp), false);
});

test("a file replaced by another (a new inode) is a change even with the same size and mtime", () => {
  const file = freshFile("hello");
  const when = new Date("2021-06-01T12:00:00Z");
  utimesSync(file, when, when);
  const stamp = stampOf(file)!;
  const other = freshFile("jello");
  utimesSync(other, when, when);
  renameSync(other, file);
  const now = stampOf(file)!;
  assert.equal(now.size, stamp.size);
  assert.equal(now.mtimeMs, stamp.mtimeMs);
  assert.notEqual(now.ino, stamp.ino);
  assert.equal(sameStamp(file, stamp), false);
});

test("a missing file has no stamp and is never the same", () => {
  const file = freshFile();
  const stamp = stampOf(file)!;
  rmSync(file);
  assert.equal(stampOf(file), undefined);
  assert.equal(sameStamp(file, stamp), false);
  assert.equal(stampOf(path.join(dir, "never-there.md")), undefined);
});

test("a story with a picture is unchanged until the picture changes", () => {
  const story = freshFile("story");
  const picture = freshFile("picture");
  utimesSync(picture, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
  const stamps = storyStamps(stampOf(story), [picture])!;
  assert.deepEqual(stamps.pictures, [{ source: picture, stamp: stampOf(picture) }]);
  assert.equal(unchangedStory(story, stamps), true);
  utimesSync(picture, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-02T00:00:00Z"));
  assert.equal(unchangedStory(story, stamps), false);
});

test("a story is changed when its own file changes", () => {
  const story = freshFile("story");
  utimesSync(story, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
  const stamps = storyStamps(stampOf(story), [])!;
  assert.equal(unchangedStory(story, stamps), true);
  writeFileSync(story, "story, longer");
  assert.equal(unchangedStory(story, stamps), false);
});

test("storyStamps gives nothing when the story or one of its pictures is missing", () => {
  const story = freshFile("story");
  const picture = freshFile("picture");
  assert.equal(storyStamps(undefined, [picture]), undefined);
  assert.equal(storyStamps(stampOf(story), [picture, path.join(dir, "gone.jpg")]), undefined);
});
