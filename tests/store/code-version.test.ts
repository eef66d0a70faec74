/**
 * The code version (src/store/code-version.ts) that keys every cache: a SHA-256, the same all
 * through a process, and different when Dateline's source, interface words or lock file change.
 * The changes are made to a throwaway checkout (package.json, the module and its one import), whose
 * module is loaded as a new instance for each look: the real checkout and its caches are never touched.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { tsImport } from "tsx/esm/api";
import { codeVersion } from "../../src/store/code-version.ts";
import { REPO } from "../../src/shared/repo.ts";
import { tempDirFor } from "../support/temp-dir.ts";

type CodeVersionModule = typeof import("../../src/store/code-version.ts");

const checkout = tempDirFor("dateline-code-version-");
const file = (name: string) => path.join(checkout, name);
const write = (name: string, text: string) => {
  mkdirSync(path.dirname(file(name)), { recursive: true });
  writeFileSync(file(name), text);
};

write("package.json", JSON.stringify({ name: "dateline" }));
write("package-lock.json", JSON.stringify({ name: "dateline", lockfileVersion: 3, packages: { "node_modules/zod": { version: "4.0.0" } } }));
for (const name of ["src/store/code-version.ts", "src/shared/repo.ts"]) cpSync(path.join(REPO, name), file(name));
write("templates/translations/en.yaml", "search: Search\n");

/**
 * The copy's module as a new instance: its version is computed once per instance, as once per process.
 * tsx's tsImport loads each time in a namespace of its own (tsx ignores a query string on an import).
 */
async function freshModule(): Promise<CodeVersionModule> {
  return (await tsImport(file("src/store/code-version.ts"), import.meta.url)) as CodeVersionModule;
}
const freshVersion = async () => (await freshModule()).codeVersion();

test("Dateline's version is a SHA-256 in hex, the same each time it is asked for", () => {
  assert.match(codeVersion(), /^[0-9a-f]{64}$/);
  assert.equal(codeVersion(), codeVersion());
});

test("the same files give the same version, and a process keeps its version even after a change", async () => {
  const first = await freshModule();
  const version = first.codeVersion();
  assert.match(version, /^[0-9a-f]{64}$/);
  assert.equal(await freshVersion(), version, "computed again over the same files");
  write("src/added.ts", "export const added = 1;\n");
  assert.equal(first.codeVersion(), version, "computed once per process");
  assert.notEqual(await freshVersion(), version);
});

test("a change to any source file, a file's name, the interface words or the lock file is a new version; other files are not", async () => {
  let last = await freshVersion();
  const changes: [string, () => void, boolean][] = [
    ["a source file deep in src/", () => write("src/render/rules/rule.ts", "export const rule = 1;\n"), true],
    ["its text", () => write("src/render/rules/rule.ts", "export const rule = 2;\n"), true],
    ["its name", () => renameSync(file("src/render/rules/rule.ts"), file("src/render/rules/renamed.ts")), true],
    ["the interface words", () => write("templates/translations/en.yaml", "search: Find\n"), true],
    ["the lock file", () => write("package-lock.json", "{}"), true],
    ["no lock file", () => rmSync(file("package-lock.json")), true],
    ["notes beside the code", () => write("src/NOTES.md", "# why\n"), false],
  ];
  for (const [what, change, counts] of changes) {
    change();
    const now = await freshVersion();
    assert.match(now, /^[0-9a-f]{64}$/, what);
    if (counts) assert.notEqual(now, last, what);
    else assert.equal(now, last, what);
    last = now;
  }
});
