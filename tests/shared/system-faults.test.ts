/**
 * System errors in an editor's words (src/shared/system-faults.ts): the file relative to the
 * project, what happened, what to do; found inside Eleventy's wrappers; a stack only with DEBUG.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FaultError } from "../../src/shared/errors.ts";
import { faultLine, faultOf } from "../../src/shared/system-faults.ts";

const systemError = (code: string, file: string) => Object.assign(new Error(`${code}: something, open '${file}'`), { code, path: file, syscall: "open" });

test("a full disk names the file, relative to the project, and says what to do", () => {
  assert.equal(faultLine(systemError("ENOSPC", "/srv/news/_site.staging-1/img/a.avif"), "/srv/news", {}), "_site.staging-1/img/a.avif: the disk is full; free some space and build again");
});

test("a permission error inside Eleventy's wrapper is found and worded; an immutable folder's EPERM says how to check", () => {
  const wrapped = Object.assign(new Error("Having trouble copying './assets'"), { name: "EleventyPassthroughCopyError", originalError: systemError("EACCES", "/srv/news/_site/assets") });
  assert.equal(faultLine(wrapped, "/srv/news", {}), "_site/assets: permission denied; make it writable (and readable) by you, or choose another --output, and build again");
  assert.match(faultLine(systemError("EPERM", "/srv/news/_site"), "/srv/news", {}), /^_site: the system does not allow this change; check the folder is not read-only or immutable/);
});

test("a FaultError is told as it is; a system error without a path names the call", () => {
  const fault = new FaultError("--output .", "is the project folder", "choose another");
  assert.equal(faultOf(new Error("wrapper", { cause: fault }), "/srv"), fault);
  const noPath = Object.assign(new Error("EMFILE"), { code: "EMFILE", syscall: "spawn" });
  assert.equal(faultLine(noPath, "/srv", {}), "spawn: too many files are open; raise the open-file limit (ulimit -n 4096) and build again");
});

test("anything else is one line saying it is Dateline's own error; DEBUG adds every stack", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'url')\n    at somewhere");
  assert.equal(faultLine(bug, "/srv", {}), "Cannot read properties of undefined (reading 'url') (an error in Dateline itself: run again with DEBUG=1 to see where, and report it)");
  const debug = faultLine(new Error("outer", { cause: bug }), "/srv", { DEBUG: "1" });
  assert.match(debug, /^outer \(an error in Dateline itself/);
  assert.match(debug, /\ncaused by: TypeError: Cannot read properties/);
});
