/**
 * Site data files (src/source/data-file.ts): content/_data/<name> read, parsed and checked against
 * its schema, with every problem named by the file (relative to the project's root), line and field.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { z } from "zod";
import { readDataFile } from "../../src/source/data-file.ts";
import { openProject } from "../../src/source/project.ts";
import { dataFolders, problemsOf, yamlLines } from "../support/data-folder.ts";

const project = dataFolders("dateline-data-file-");

const desk = z
  .object({
    name: z.string().trim().min(1),
    owner: z.object({ email: z.string(), phone: z.string().optional() }).strict(),
    tags: z.array(z.string()).default([]),
  })
  .strict();
const WHAT = "the desk's settings (name, owner)";
const DESK = yamlLines("name: '  News desk '", "owner:", "  email: desk@example.org");

test("a good file gives the schema's output, its path from the project's root, and the lines of its fields", async () => {
  const data = await readDataFile(await project({ "desk.yaml": DESK }), "desk.yaml", desk, WHAT);
  assert.deepEqual(data.value, { name: "News desk", owner: { email: "desk@example.org" }, tags: [] });
  assert.equal(data.file, "content/_data/desk.yaml");
  assert.equal(data.lineOf(["owner", "email"]), 3);
  // A field that is not there: the line of the nearest one above it.
  assert.equal(data.lineOf(["owner", "phone"]), 2);
});

test("with the content folder elsewhere, the file is still named from the project's root", async () => {
  const inner = await project({ "desk.yaml": DESK });
  const outer = openProject(path.dirname(inner.root), { contentDir: inner.contentDir });
  const data = await readDataFile(outer, "desk.yaml", desk, WHAT);
  assert.equal(data.file, `${path.basename(inner.root)}/content/_data/desk.yaml`);
});

test("a missing file says what lives there", async () => {
  assert.deepEqual(await problemsOf(readDataFile(await project({}), "desk.yaml", desk, WHAT)), [
    "content/_data/desk.yaml: file: missing: the desk's settings (name, owner) live here",
  ]);
});

test("broken YAML is named with its line", async () => {
  const [problem, ...rest] = await problemsOf(readDataFile(await project({ "desk.yaml": "name: a\ntags: [x\nowner: b\n" }), "desk.yaml", desk, WHAT));
  assert.deepEqual(rest, []);
  assert.match(problem!, /^content\/_data\/desk\.yaml:3: yaml: \S/);
});

test("every schema problem at once, each at its field's line; a wrong type says what was given", async () => {
  const yaml = yamlLines("name: 3", "owner:", "  email: desk@example.org", "  phnoe: '123'", "tags: oil");
  assert.deepEqual(await problemsOf(readDataFile(await project({ "desk.yaml": yaml }), "desk.yaml", desk, WHAT)), [
    "content/_data/desk.yaml:1: name: expected string, got number 3",
    "content/_data/desk.yaml:4: owner.phnoe: unknown field (did you mean `phone`?)",
    'content/_data/desk.yaml:5: tags: expected array, got string "oil"',
  ]);
});

test("an empty file is no value: a schema's default applies, and a schema without one says the file is empty and what lives there", async () => {
  const p = await project({ "list.yaml": "# nothing yet\n", "desk.yaml": "" });
  const list = await readDataFile(p, "list.yaml", z.array(z.string()).default(["none"]), "a list");
  assert.deepEqual(list.value, ["none"]);
  assert.deepEqual(await problemsOf(readDataFile(p, "desk.yaml", desk, WHAT)), [`content/_data/desk.yaml: file: empty: ${WHAT} live here`]);
});

test("a file of the wrong shape is the file's problem (not a `frontmatter`'s); a folder in its place is named as one", async () => {
  const p = await project({ "desk.yaml": "- a list\n- where settings belong\n" });
  assert.deepEqual(await problemsOf(readDataFile(p, "desk.yaml", desk, WHAT)), ["content/_data/desk.yaml: file: expected object, got a list"]);
  const folder = await project({});
  mkdirSync(path.join(folder.contentDir, "_data", "desk.yaml"));
  assert.deepEqual(await problemsOf(readDataFile(folder, "desk.yaml", desk, WHAT)), [`content/_data/desk.yaml: file: a folder, not a file: ${WHAT} live here`]);
});
