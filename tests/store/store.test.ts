import assert from "node:assert/strict";
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { LAYOUT, Store, storeKey } from "../../src/store/store.ts";

let work: string;
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dateline-store-"));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

const fresh = (name: string) => new Store(path.join(work, name));

test("every area has its own name in the cache folder", () => {
  const names = Object.values(LAYOUT);
  assert.equal(new Set(names).size, names.length);
  assert.equal(fresh("layout").path("pages", "abc"), path.join(work, "layout", "pages", "abc"));
});

test("a record reads back as written: JSON in a folder area, and an area that is one file", () => {
  const store = fresh("records");
  store.writeJson("bodies", "a.json", { html: "<p>«سڵاو»</p>", n: 1 });
  store.writeJson("imagePlans", undefined, { made: "x", entries: {} });
  assert.deepEqual(store.readJson("bodies", "a.json"), { html: "<p>«سڵاو»</p>", n: 1 });
  assert.deepEqual(store.readJson("imagePlans"), { made: "x", entries: {} });
  store.writeBytes("fonts", "f.woff2", Buffer.from([0, 1, 2, 255]));
  assert.deepEqual(store.readBytes("fonts", "f.woff2"), Buffer.from([0, 1, 2, 255]));
});

test("a record written as ASCII reads back as written, non-ASCII text, quotes and emoji included", () => {
  const store = fresh("ascii");
  const value = { title: "«هەولێر» — “Erbil” ’s \\u00e9 😀", n: 1 };
  store.writeJson("manifest", "00.json", value, { ascii: true });
  const bytes = readFileSync(store.path("manifest", "00.json"));
  assert.ok(bytes.every((b) => b < 0x80), "the file holds only ASCII");
  assert.deepEqual(store.readJson("manifest", "00.json"), value);
  // Written plainly, the same value is UTF-8, and reads back the same.
  store.writeJson("manifest", "00.json", value);
  assert.ok(readFileSync(store.path("manifest", "00.json")).some((b) => b >= 0x80));
  assert.deepEqual(store.readJson("manifest", "00.json"), value);
});

test("a missing record, and one damaged after it was written (a byte changed, cut short, or garbage), reads as missing", () => {
  const store = fresh("damaged");
  assert.equal(store.readJson("bodies", "none.json"), undefined);
  assert.equal(store.readJson("imagePlans"), undefined);
  store.writeJson("bodies", "a.json", { text: "the story" });
  const file = store.path("bodies", "a.json");
  const whole = readFileSync(file);
  writeFileSync(file, Buffer.from(whole.toString("latin1").replace("story", "stony"), "latin1"));
  assert.equal(store.readJson("bodies", "a.json"), undefined, "a changed byte");
  writeFileSync(file, whole.subarray(0, whole.length - 3));
  assert.equal(store.readJson("bodies", "a.json"), undefined, "cut short");
  writeFileSync(file, "garbage");
  assert.equal(store.readJson("bodies", "a.json"), undefined, "garbage");
  writeFileSync(file, whole);
  assert.deepEqual(store.readJson("bodies", "a.json"), { text: "the story" }, "whole again");
});

test("reading makes no folder: a command that only reads leaves no cache behind", () => {
  const store = fresh("read-only");
  store.readJson("imagePlans");
  store.readBytes("fonts", "x");
  assert.deepEqual(store.list("pages"), []);
  assert.equal(existsSync(store.dir), false);
});

test("a put entry appears whole, and a failed one leaves nothing, not even its temporary name", async () => {
  const store = fresh("put");
  await store.put("images", "a.jpg", (temp) => writeFileSync(temp, "jpeg"));
  assert.equal(readFileSync(store.path("images", "a.jpg"), "utf8"), "jpeg");
  await assert.rejects(
    store.put("images", "b.jpg", (temp) => {
      writeFileSync(temp, "half");
      throw new Error("encoder failed");
    }),
    /encoder failed/,
  );
  assert.deepEqual(readdirSync(store.path("images")).sort(), ["a.jpg"]);
});

test("shared files are linked in and out (one file, two names), and a gone entry says so", () => {
  const store = fresh("links");
  const out = path.join(work, "links-out.html");
  writeFileSync(path.join(work, "page.html"), "<p>page</p>");
  assert.ok(store.linkIn(path.join(work, "page.html"), "pages", "k1"));
  assert.ok(store.linkOut("pages", "k1", out));
  assert.equal(readFileSync(out, "utf8"), "<p>page</p>");
  assert.equal(statSync(out).ino, statSync(store.path("pages", "k1")).ino);
  assert.equal(store.linkOut("pages", "gone", path.join(work, "gone.html")), false);
});

test("a shared file written into in place, cut short or deleted counts as missing, and is removed to be made again", () => {
  const store = fresh("stamps");
  for (const name of ["kept", "written-into", "cut", "deleted"]) {
    writeFileSync(path.join(work, `${name}.html`), "<p>a page of some length</p>");
    assert.ok(store.linkIn(path.join(work, `${name}.html`), "pages", name));
  }
  store.saveStamps();
  // In place (the same inode), as an editor's script or a full disk would.
  const fd = openSync(store.path("pages", "written-into"), "r+");
  writeSync(fd, "<p>GARBAGE", 0);
  closeSync(fd);
  truncateSync(store.path("pages", "cut"), 5);
  rmSync(store.path("pages", "deleted"));
  // A later build: a new Store reads the saved stamps.
  const later = fresh("stamps");
  assert.deepEqual(["kept", "written-into", "cut", "deleted"].map((name) => later.verified("pages", name)), [true, false, false, false]);
  assert.deepEqual(later.list("pages"), ["kept"]);
  assert.equal(later.linkOut("pages", "written-into", path.join(work, "never.html")), false);
  assert.ok(!existsSync(path.join(work, "never.html")));
});

test("a folder entry (a search month) holds while every file in it does; a file gone from it fails it", async () => {
  const store = fresh("folders");
  await store.put("search", "2026-01", (temp) => {
    mkdirSync(path.join(temp, "bundle", "fragment"), { recursive: true });
    writeFileSync(path.join(temp, "bundle", "pagefind-entry.json"), "{}");
    writeFileSync(path.join(temp, "bundle", "fragment", "a.pf_fragment"), "x");
  });
  await store.put("search", "2026-02", (temp) => writeFileSync(temp, "a file entry"));
  store.saveStamps();
  rmSync(store.path("search", "2026-01/bundle/fragment/a.pf_fragment"));
  const later = fresh("folders");
  assert.equal(later.verified("search", "2026-01"), false);
  assert.equal(later.verified("search", "2026-02"), true);
});

test("a folder linked out of an entry is known as the entry's own while it holds exactly its files, untouched, and the entry is whole", async () => {
  const store = fresh("linked");
  await store.put("search", "2026-03", (temp) => {
    mkdirSync(path.join(temp, "bundle", "fragment"), { recursive: true });
    writeFileSync(path.join(temp, "bundle", "pagefind-entry.json"), "{}");
    writeFileSync(path.join(temp, "bundle", "fragment", "a.pf_fragment"), "x");
    writeFileSync(path.join(temp, "key"), "k1");
  });
  store.saveStamps();
  const out = path.join(work, "linked-out");
  const linkOut = () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(path.join(out, "fragment"), { recursive: true });
    for (const file of ["pagefind-entry.json", "fragment/a.pf_fragment"]) linkSync(store.path("search", `2026-03/bundle/${file}`), path.join(out, file));
  };
  const linked = () => fresh("linked").linkedOutAt("search", "2026-03", "bundle", out);
  linkOut();
  assert.equal(linked(), true);
  writeFileSync(path.join(out, "stray.pf_fragment"), "y");
  assert.equal(linked(), false, "a file more");
  rmSync(path.join(out, "stray.pf_fragment"));
  rmSync(path.join(out, "fragment", "a.pf_fragment"));
  writeFileSync(path.join(out, "fragment", "a.pf_fragment"), "x");
  assert.equal(linked(), false, "a copy, not the entry's file");
  linkOut();
  assert.equal(linked(), true);
  writeFileSync(store.path("search", "2026-03/key"), "k2");
  assert.equal(linked(), false, "the entry's other files are checked too");
  assert.equal(fresh("linked").linkedOutAt("search", "2026-04", "bundle", out), false, "an entry the store has no stamps of");
});

test("an entry put in by a build killed before it saved its stamps is not trusted", async () => {
  const store = fresh("unsaved");
  await store.put("images", "a.avif", (temp) => writeFileSync(temp, "avif"));
  assert.equal(store.verified("images", "a.avif"), true);
  assert.equal(fresh("unsaved").verified("images", "a.avif"), false);
});

test("prune keeps what this build used and deletes the rest", () => {
  const store = fresh("prune");
  for (const name of ["a.json", "b.json", "c.json"]) store.writeJson("bodies", name, {});
  store.prune("bodies", (name) => name !== "b.json");
  assert.deepEqual(store.list("bodies").sort(), ["a.json", "c.json"]);
});

test("keys depend on every part, and on where one part ends and the next begins", () => {
  assert.equal(storeKey("a", "b"), storeKey("a", "b"));
  assert.notEqual(storeKey("a", "b"), storeKey("a", "c"));
  assert.notEqual(storeKey("ab", "c"), storeKey("a", "bc"));
  assert.match(storeKey("x"), /^[0-9a-f]{40}$/);
});
