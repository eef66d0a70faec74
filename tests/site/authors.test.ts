/**
 * Author profiles (src/site/authors.ts): every edition's profiles from authors.yaml, translated or in
 * the first edition's words, which editions give an author a page, portraits, and the problems an
 * editor can make there, each named by file, line and field.
 */
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import { hasPageIn, loadAuthors } from "../../src/site/authors.ts";
import { REPO } from "../../src/shared/repo.ts";
import type { Project } from "../../src/source/project.ts";
import { dataFolders, problemsOf, yamlLines } from "../support/data-folder.ts";
import { testEditions } from "../support/test-site.ts";

const project = dataFolders("dateline-authors-");
const editions = testEditions();
const authorsOf = (p: Project) => loadAuthors(p, editions, new ImagePlanner(p.store));
const load = async (yaml: string) => authorsOf(await project({ "authors.yaml": yaml }));

const PROFILES = yamlLines(
  "- name: Dilan Example",
  "  role: Correspondent, Erbil",
  "  bio: Dilan covers the Kurdistan Region.",
  "  links:",
  "    - label: Email",
  "      url: mailto:dilan@example.org",
  "  translations:",
  "    ckb: { name: دیلان نموونە, role: پەیامنێر, bio: دیلان هەواڵی هەرێم دەنووسێت. }",
  "- name: Ben Two",
  "  slug: ben",
  "  role: Data editor",
  "  bio: Ben works on numbers.",
  "  translations:",
  "    ar: { role: محرر بيانات, bio: يعمل بن على الأرقام. }",
);

test("without authors.yaml every edition has no profiles (bylines are plain names)", async () => {
  assert.deepEqual([...(await authorsOf(await project({})))], [["en", []], ["ckb", []], ["ar", []]]);
});

test("every edition has every profile at its own URL, translated where authors.yaml says, else in the first edition's words", async () => {
  const authors = await load(PROFILES);
  const dilan = { canonicalName: "Dilan Example", slug: "dilan-example", photo: undefined, links: [{ label: "Email", url: "mailto:dilan@example.org" }] };
  const ben = { name: "Ben Two", canonicalName: "Ben Two", slug: "ben", photo: undefined, links: [] };
  const english = { role: "Correspondent, Erbil", bio: "Dilan covers the Kurdistan Region." };
  assert.deepEqual([...authors], [
    [
      "en",
      [
        { ...dilan, name: "Dilan Example", url: "/authors/dilan-example/", ...english, textLang: "en" },
        { ...ben, url: "/authors/ben/", role: "Data editor", bio: "Ben works on numbers.", textLang: "en" },
      ],
    ],
    [
      "ckb",
      [
        { ...dilan, name: "دیلان نموونە", url: "/ckb/authors/dilan-example/", role: "پەیامنێر", bio: "دیلان هەواڵی هەرێم دەنووسێت.", textLang: "ckb" },
        { ...ben, url: "/ckb/authors/ben/", role: "Data editor", bio: "Ben works on numbers.", textLang: "en" },
      ],
    ],
    [
      "ar",
      [
        { ...dilan, name: "Dilan Example", url: "/ar/authors/dilan-example/", ...english, textLang: "en" },
        // A translation without a name keeps the profile's name.
        { ...ben, url: "/ar/authors/ben/", role: "محرر بيانات", bio: "يعمل بن على الأرقام.", textLang: "ar" },
      ],
    ],
  ]);
});

test("an author has a page in the first edition, in an edition the profile is translated into, and in one the author writes in", async () => {
  const authors = await load(PROFILES);
  const [en, ckb, ar] = editions;
  const [dilanCkb, benCkb] = authors.get("ckb")!;
  const [dilanAr] = authors.get("ar")!;
  assert.equal(hasPageIn(en!, authors.get("en")![1]!, false), true);
  assert.equal(hasPageIn(ckb!, dilanCkb!, false), true);
  assert.equal(hasPageIn(ckb!, benCkb!, false), false);
  assert.equal(hasPageIn(ckb!, benCkb!, true), true);
  assert.equal(hasPageIn(ar!, dilanAr!, false), false);
});

test("a portrait is found beside authors.yaml or under /assets/, and planned", async () => {
  const p = await project({ "authors.yaml": yamlLines("- { name: A, role: R, bio: B, photo: ./a.jpg }", "- { name: C, role: R, bio: B, photo: /assets/people/c.jpg }") });
  await portrait(path.join(p.contentDir, "_data", "a.jpg"), 40, 30);
  await mkdir(path.join(p.assetsDir, "people"), { recursive: true });
  await portrait(path.join(p.assetsDir, "people", "c.jpg"), 20, 20);
  const [a, c] = (await authorsOf(p)).get("ckb")!;
  assert.deepEqual([a!.photo?.source, a!.photo?.width, a!.photo?.height], [path.join(p.contentDir, "_data", "a.jpg"), 40, 30]);
  assert.deepEqual([c!.photo?.source, c!.photo?.width], [path.join(p.assetsDir, "people", "c.jpg"), 20]);
});

test("a portrait that cannot be used is named with its line: a URL, a path out of the repository, a file that is not a picture", async () => {
  const p = await project({
    "authors.yaml": yamlLines(
      "- name: A",
      "  role: R",
      "  bio: B",
      "  photo: https://example.org/a.jpg",
      "- name: B",
      "  role: R",
      "  bio: B",
      "  photo: ../../../../etc/passwd",
      "- name: C",
      "  role: R",
      "  bio: B",
      "  photo: c.jpg",
    ),
  });
  await copyFile(path.join(REPO, "tests/fixtures/images/corrupt.jpg"), path.join(p.contentDir, "_data", "c.jpg"));
  const problems = await problemsOf(authorsOf(p));
  assert.deepEqual(problems.slice(0, 2), [
    "content/_data/authors.yaml:4: 0.photo: https://example.org/a.jpg: images must be files in the repository (beside the article, or under /assets/), not URLs",
    "content/_data/authors.yaml:8: 1.photo: ../../../../etc/passwd: leaves the repository",
  ]);
  assert.match(problems[2]!, /^content\/_data\/authors\.yaml:12: 2\.photo: c\.jpg: cannot read image/);
  assert.equal(problems.length, 3);
});

test("two profiles with the same URL: the later one is named, with the earlier one's name", async () => {
  const yaml = yamlLines("- { name: Dilan Example, role: R, bio: B }", "- { name: Ben Two, role: R, bio: B }", "- { name: dilan example, role: R, bio: B }");
  assert.deepEqual(await problemsOf(load(yaml)), ['content/_data/authors.yaml:3: 2.name: same URL (/authors/dilan-example/) as "Dilan Example"']);
});

test("a link must be https, http or mailto, and a profile needs its role and bio", async () => {
  const yaml = yamlLines(
    "- name: A",
    "  role: R",
    "  bio: B",
    "  links:",
    "    - { label: Site, url: http://a.example/ }",
    "    - { label: Bad, url: 'javascript:alert(1)' }",
    "- name: C",
    "  bio: ''",
  );
  assert.deepEqual(await problemsOf(load(yaml)), [
    "content/_data/authors.yaml:6: 0.links.1.url: expected an https:// or mailto: address",
    "content/_data/authors.yaml:7: 1.role: required",
    "content/_data/authors.yaml:8: 1.bio: must not be empty",
  ]);
});

/** A small JPEG portrait: the planner reads its size from the header. */
function portrait(file: string, width: number, height: number): Promise<unknown> {
  return sharp({ create: { width, height, channels: 3, background: "#557755" } }).jpeg().toFile(file);
}
