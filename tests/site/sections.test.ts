/**
 * The newsroom's sections (src/site/sections.ts): each edition's list from sections.yaml, and the
 * problems an editor can make there (clashing or reserved URLs, translations into languages the site
 * does not have, a missing or empty file), each named by file, line and field.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadSections } from "../../src/site/sections.ts";
import { dataFolders, problemsOf, yamlLines } from "../support/data-folder.ts";
import { ARABIC, ENGLISH, SORANI, testEditions } from "../support/test-site.ts";

const project = dataFolders("dateline-sections-");
const editions = testEditions();
const load = async (yaml: string, eds = editions) => loadSections(await project({ "sections.yaml": yaml }), eds);

test("each edition lists the sections named in its language, in the declared order, in the same folder under its home", async () => {
  const sections = await loadSections(
    await project({
      "sections.yaml": yamlLines(
        "- name: Middle East",
        "  description: News from the region.",
        "- name: World",
        "  description: The rest of the world.",
        "  translations:",
        "    ckb: { name: جیهان, description: هەواڵی جیهان. }",
        "    ar: { name: العالم, description: أخبار العالم. }",
        "- name: Culture",
        "  slug: arts",
        "  description: Books and film.",
        "  translations:",
        "    ar: { name: ثقافة, description: كتب وأفلام. }",
      ),
    }),
    testEditions(undefined, { url: "https://t.example/news/" }),
  );
  assert.deepEqual([...sections], [
    [
      "en",
      [
        { name: "Middle East", slug: "middle-east", url: "/news/middle-east/", description: "News from the region.", lang: "en" },
        { name: "World", slug: "world", url: "/news/world/", description: "The rest of the world.", lang: "en" },
        { name: "Culture", slug: "arts", url: "/news/arts/", description: "Books and film.", lang: "en" },
      ],
    ],
    ["ckb", [{ name: "جیهان", slug: "world", url: "/news/ckb/world/", description: "هەواڵی جیهان.", lang: "ckb" }]],
    [
      "ar",
      [
        { name: "العالم", slug: "world", url: "/news/ar/world/", description: "أخبار العالم.", lang: "ar" },
        { name: "ثقافة", slug: "arts", url: "/news/ar/arts/", description: "كتب وأفلام.", lang: "ar" },
      ],
    ],
  ]);
});

test("a site whose first edition is Sorani: slugs keep the Sorani letters, and an edition with no translated section has an empty list", async () => {
  const sections = await load(yamlLines("- name: ئابووری", "  description: هەواڵی ئابووری."), testEditions([SORANI, { ...ENGLISH, description: "D" }]));
  assert.deepEqual(sections.get("ckb"), [{ name: "ئابووری", slug: "ئابووری", url: `/${encodeURIComponent("ئابووری")}/`, description: "هەواڵی ئابووری.", lang: "ckb" }]);
  assert.deepEqual(sections.get("en"), []);
});

test("two sections with the same URL: the later one is named, with the earlier one's number and name", async () => {
  const problems = await problemsOf(
    load(yamlLines("- name: Middle East", "  description: A.", "- name: World", "  description: B.", "- name: Middle-East", "  description: C.")),
  );
  assert.deepEqual(problems, ['content/_data/sections.yaml:5: 2.name: same URL (/middle-east/) as section 1, "Middle East"']);
});

test("a section cannot take a folder the site uses itself, nor an edition's folder (its path, not its code)", async () => {
  const reserved = ["tags", "authors", "page", "img", "assets", "fonts", "pagefind", "search", "corrections", "feeds"];
  // Sorani lives at /kurdi/ here: "Kurdi" clashes with it, "CKB" does not.
  const eds = testEditions([ENGLISH, { ...SORANI, path: "kurdi" }, ARABIC]);
  const names = [...reserved.map((w) => w[0]!.toUpperCase() + w.slice(1)), "Kurdi", "AR", "CKB"];
  const problems = await problemsOf(load(yamlLines(...names.flatMap((name) => [`- name: ${name}`, "  description: D."])), eds));
  assert.deepEqual(problems, [
    ...reserved.map((w, i) => `content/_data/sections.yaml:${2 * i + 1}: ${i}.slug: "${w}" is used by the site itself; give the section another slug`),
    `content/_data/sections.yaml:21: 10.slug: "kurdi" is used by the site itself (an edition's folder); give the section another slug`,
    `content/_data/sections.yaml:23: 11.slug: "ar" is used by the site itself (an edition's folder); give the section another slug`,
  ]);
});

test("a translation must be into another of the site's languages: not the first one, not an undeclared one (a near miss gets a hint)", async () => {
  const yaml = yamlLines(
    "- name: World",
    "  description: D.",
    "  translations:",
    "    en: { name: World, description: D. }",
    "    ckv: { name: جیهان, description: هەواڵ. }",
  );
  assert.deepEqual(await problemsOf(load(yaml)), [
    `content/_data/sections.yaml:4: 0.translations.en: "en" is not one of the site's other languages (ckb, ar)`,
    `content/_data/sections.yaml:5: 0.translations.ckv: "ckv" is not one of the site's other languages (ckb, ar); did you mean "ckb"?`,
  ]);
  // A site in one language has no other languages to translate into.
  const arabic = yamlLines("- name: World", "  description: D.", "  translations:", "    ar: { name: العالم, description: أخبار. }");
  assert.deepEqual(await problemsOf(load(arabic, testEditions([ENGLISH]))), [
    `content/_data/sections.yaml:4: 0.translations.ar: "ar" is not one of the site's other languages (none declared)`,
  ]);
});

test("a section or a translation without its description is named with its line", async () => {
  const yaml = yamlLines("- name: World", "  description: D.", "  translations:", "    ar: { name: العالم }", "- name: Culture");
  assert.deepEqual(await problemsOf(load(yaml)), [
    "content/_data/sections.yaml:4: 0.translations.ar.description: required",
    "content/_data/sections.yaml:5: 1.description: required",
  ]);
});

test("sections.yaml is required, and must declare at least one section", async () => {
  assert.deepEqual(await problemsOf(loadSections(await project({}), editions)), [
    "content/_data/sections.yaml: file: missing: the newsroom's sections (name, description) live here",
  ]);
  // One problem with the file as a whole (no line). Field and wording are left open: schemaProblems
  // calls a data file's top level "frontmatter", and words an empty list its own way instead of
  // sections.ts's "declare at least one section".
  for (const empty of ["", "[]\n"]) {
    const problems = await problemsOf(load(empty));
    assert.equal(problems.length, 1, JSON.stringify(empty));
    assert.match(problems[0]!, /^content\/_data\/sections\.yaml: /);
  }
});

test("a URL problem that comes from an explicit `slug:` is on that line and field", async () => {
  const yaml = yamlLines("- name: World", "  description: D.", "- name: Globe", "  slug: world", "  description: D.", "- name: Finding", "  slug: search", "  description: D.");
  assert.deepEqual(await problemsOf(load(yaml)), [
    'content/_data/sections.yaml:4: 1.slug: same URL (/world/) as section 1, "World"',
    'content/_data/sections.yaml:7: 2.slug: "search" is used by the site itself; give the section another slug',
  ]);
});
