/**
 * Bad input stops the build with a clear message naming the file, the field and the line, reports
 * every problem at once, and leaves the previous output exactly as it was.
 */
import assert from "node:assert/strict";
import { copyFile, cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { formatProblem } from "../../src/shared/errors.ts";
import { editFile } from "../support/edit-file.ts";
import { contentErrorOfBuild } from "../support/failing-build.ts";
import { buildFixture, FIXTURE_NOW, FIXTURES, hashTree, jpeg, makeFixtureSite, removeSite, REPO, resetContent } from "../support/fixture-site.ts";
import { runCli } from "../support/run-cli.ts";
import { writeStory } from "../support/write-story.ts";

let root: string;
let snapshot: Map<string, string>;
const STORY = "content/news/full-story/index.md";

const edit = (file: string, change: (text: string) => string) => editFile(path.join(root, file), change);

/** Builds, expects a ContentError, checks the old output survived, and returns the messages. */
async function failingBuild(): Promise<string[]> {
  const content = await contentErrorOfBuild(root);
  assert.deepEqual(await hashTree(path.join(root, "_site")), snapshot, "the previous _site/ must be left exactly as it was");
  const leftovers = (await readdir(root)).filter((f) => f.startsWith("_site.staging"));
  assert.deepEqual(leftovers, [], "no staging folder is left behind");
  return content.problems.map(formatProblem);
}

before(async () => {
  root = await makeFixtureSite();
  await buildFixture(root);
  snapshot = await hashTree(path.join(root, "_site"));
});
// Every case starts from the good fixture content.
beforeEach(() => resetContent(root));
after(() => removeSite(root));

/** A change to good content, and exactly the problems it must stop the build with. */
interface RefusedEdit {
  name: string;
  /** The file changed; the full story when not given. */
  file?: string;
  change: (text: string) => string;
  problems: string[];
}

const REFUSED_EDITS: RefusedEdit[] = [
  {
    name: "a missing required field is named",
    change: (t) => t.replace(/^summary: .*\n/m, ""),
    problems: ["content/news/full-story/index.md: summary: required"],
  },
  {
    name: "an unknown field suggests the near name, on its line",
    change: (t) => t.replace(/^summary:/m, "sumary:"),
    problems: [
      "content/news/full-story/index.md: summary: required",
      "content/news/full-story/index.md:3: sumary: unknown field (did you mean `summary`?)",
    ],
  },
  {
    name: "an unparseable date is named with its line",
    change: (t) => t.replace("date: 2026-01-28T12:00:00+03:00", "date: 28/01/2026 noon"),
    problems: [
      'content/news/full-story/index.md:4: date: "28/01/2026 noon" is not an ISO 8601 date (expected e.g. 2026-01-28T12:00:00+03:00)',
    ],
  },
  {
    name: "a picture named with other capitals than its file's is not found, and the file is suggested",
    change: (t) => t.replace("src: ./hero.jpg", "src: ./Hero.JPG"),
    problems: ["content/news/full-story/index.md:13: image.src: ./Hero.JPG: file not found; did you mean hero.jpg? (capitals count)"],
  },
  {
    name: "a section named with more words than declared gets the declared one suggested",
    change: (t) => t.replace("section: Middle East", "section: Middle East news"),
    problems: [
      'content/news/full-story/index.md:10: section: "Middle East news" is not a section declared in content/_data/sections.yaml (Middle East, World, Culture). Did you mean `Middle East`?',
    ],
  },
  {
    name: "a hero image without alt text is refused",
    change: (t) => t.replace(/^ {2}alt: .*\n/m, ""),
    problems: ["content/news/full-story/index.md:12: image.alt: ./hero.jpg: alt text is required: add `alt:` (what the picture shows), or embed it in the picture (IPTC Alt Text (Accessibility))"],
  },
  {
    name: "a broken site.yaml is named like an article",
    file: "content/_data/site.yaml",
    change: (t) => t.replace("timeZone: Asia/Baghdad", "timeZone: Mars/Olympus"),
    problems: ["content/_data/site.yaml:16: timeZone: not an IANA time zone (e.g. Asia/Baghdad)"],
  },
  {
    name: "a section not declared in sections.yaml is refused, with the near name",
    change: (t) => t.replace("section: Middle East", "section: Midle East"),
    problems: [
      "content/news/full-story/index.md:10: section: \"Midle East\" is not a section declared in content/_data/sections.yaml (Middle East, World, Culture). Did you mean `Middle East`?",
    ],
  },
  {
    name: "an empty author list is refused",
    change: (t) => t.replace("author: Dilan Example", "author: []"),
    problems: ["content/news/full-story/index.md:9: author: must list at least one entry"],
  },
  {
    name: "a draft cannot be featured",
    file: "content/world/draft-story.md",
    change: (t) => t.replace("draft: true", "draft: true\nfeatured: true"),
    problems: ["content/world/draft-story.md:8: featured: a draft cannot lead the front page: remove `featured` or `draft`"],
  },
  {
    name: "a section whose URL the site uses itself is refused",
    file: "content/_data/sections.yaml",
    change: (t) => `${t}- name: Tags\n  description: A section that would clash with the tag pages.\n`,
    problems: ['content/_data/sections.yaml:11: 3.slug: "tags" is used by the site itself; give the section another slug'],
  },
  {
    name: "sections.yaml: a translation into a language the site does not declare is refused",
    file: "content/_data/sections.yaml",
    change: (t) => t.replace("    ckb: { name: جیهان", "    fa: { name: جهان, description: اخبار جهان }\n    ckb: { name: جیهان"),
    problems: ['content/_data/sections.yaml:8: 1.translations.fa: "fa" is not one of the site\'s other languages (ar, ckb)'],
  },
];

for (const c of REFUSED_EDITS) {
  test(c.name, async () => {
    await edit(c.file ?? STORY, c.change);
    assert.deepEqual(await failingBuild(), c.problems);
  });
}

test("the front page's and the breaking bar's files: a story that does not exist, or is a draft, is named by line", async () => {
  await writeFile(path.join(root, "content/_data/front.yaml"), "lead: leaders-meet-in-moscow\ntop: [an-unfinished-draft]\n");
  await writeFile(path.join(root, "content/_data/breaking.yaml"), "text: Polls have closed\nlink: no-such-story\n");
  assert.deepEqual(await failingBuild(), [
    "content/_data/breaking.yaml:2: link: no story \"no-such-story\" in the English edition: give the slug of one of its stories",
    'content/_data/front.yaml:1: lead: no story "leaders-meet-in-moscow" in the English edition (did you mean "leaders-meet-in-moscow-as-troops-leave-the-north"?)',
    'content/_data/front.yaml:2: top.0: "an-unfinished-draft" is a draft (content/world/draft-story.md): publish it, or name another story',
  ]);
});

test("invalid YAML names the file and the line", async () => {
  await edit(STORY, (t) => t.replace("tags: [Syria, Russia]", "tags: [Syria, Russia"));
  const [message, ...rest] = await failingBuild();
  assert.deepEqual(rest, []);
  assert.match(message!, /^content\/news\/full-story\/index.md:1[0-2]: yaml: /);
});

test("`updated` before `date` is refused", async () => {
  await edit(STORY, (t) => t.replace("updated: 2026-01-28T16:45:00+03:00", "updated: 2026-01-27T16:45:00+03:00"));
  const [message] = await failingBuild();
  assert.match(message!, /^content\/news\/full-story\/index.md:5: updated: is before `date`/);
});

test("a missing image file is named with its field and line", async () => {
  await rm(path.join(root, "content/news/full-story/hero.jpg"));
  assert.deepEqual(await failingBuild(), ["content/news/full-story/index.md:13: image.src: ./hero.jpg: file not found"]);
});

test("a missing image in the body gives the body line", async () => {
  await rm(path.join(root, "content/news/full-story/convoy.jpg"));
  assert.deepEqual(await failingBuild(), [
    "content/news/full-story/index.md:27: body: ./convoy.jpg: file not found",
    "content/news/full-story/index.md:31: body: ./convoy.jpg: file not found",
  ]);
});

test("a corrupt image is refused with a clear message", async () => {
  await copyFile(path.join(FIXTURES, "images/corrupt.jpg"), path.join(root, "content/news/full-story/hero.jpg"));
  const [message] = await failingBuild();
  assert.match(message!, /^content\/news\/full-story\/index.md:13: image.src: .\/hero.jpg: cannot read image/);
});

test("a picture cut short (its header whole, its pixels not) is refused on the story, naming the file", async () => {
  const hero = path.join(root, "content/news/full-story/hero.jpg");
  // A JPEG that is larger than the fixture's and new to the cache, cut to its first half.
  await jpeg(hero, 1200, 800, "#336699");
  await writeFile(hero, (await readFile(hero)).subarray(0, 3000));
  // What libvips found is said when it names it, which it does only some of the time (it decodes
  // on several threads): the line is one of these two, never its "failOn" jargon.
  const messages = await failingBuild();
  const line = (detail: string) => `content/news/full-story/index.md: image: content/news/full-story/hero.jpg: cannot be decoded${detail}: the file is damaged or cut short; export or download it again`;
  assert.equal(messages.length, 1, messages.join("\n"));
  assert.ok([line(" (premature end of JPEG image)"), line("")].includes(messages[0]!), messages[0]);
});

test("a body figure without alt text is refused", async () => {
  await edit(STORY, (t) => t.replace("![Trucks on a desert road]", "![]"));
  const [message] = await failingBuild();
  assert.match(message!, /^content\/news\/full-story\/index.md:27: body: image .\/convoy.jpg: alt text is required/);
});

test("an image path that leaves the repository is refused", async () => {
  await edit(STORY, (t) => t.replace("src: ./hero.jpg", "src: ../../../../../../etc/passwd"));
  const [message] = await failingBuild();
  assert.match(message!, /image.src: .*leaves the repository/);
});

test("a story that takes an earlier story's URL is told so once, on the newer file; slugs that differ only in Unicode normalisation are one URL", async () => {
  const story = { summary: "A second article that claims the URL of an earlier one.", date: "2026-01-29T09:00:00+03:00", author: "X", section: "Middle East" };
  await writeStory(path.join(root, "content/news/copy.md"), { ...story, title: "Another", slug: "leaders-meet-in-moscow-as-troops-leave-the-north" }, "Text.");
  // "café" with a precomposed é, and again with e and a combining accent: they look the same.
  await writeStory(path.join(root, "content/news/cafe-nfc.md"), { ...story, title: "Café one", slug: "caf\u00e9-talks" }, "Text.");
  await writeStory(path.join(root, "content/news/cafe-nfd.md"), { ...story, date: "2026-01-29T10:00:00+03:00", title: "Café two", slug: "cafe\u0301-talks" }, "Text.");
  assert.deepEqual(await failingBuild(), [
    `content/news/cafe-nfd.md: slug: /middle-east/${encodeURIComponent("caf\u00e9-talks")}/ is already the URL of content/news/cafe-nfc.md, an earlier story: give this one another \`slug:\``,
    "content/news/copy.md: slug: /middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/ is already the URL of content/news/full-story/index.md, an earlier story: give this one another `slug:`",
  ]);
});

test("every problem in every file is reported at once, sorted by file", async () => {
  await edit(STORY, (t) => t.replace(/^date: .*$/m, "date: soon").replace(/^section:/m, "sectoin:"));
  await edit("content/world/flat-story.md", (t) => t.replace("date: 2026-01-27 09:30", "date: tomorrow"));
  const messages = await failingBuild();
  assert.deepEqual(messages.map((m) => m.split(" ")[0]!.split(":")[0]), [
    "content/news/full-story/index.md",
    "content/news/full-story/index.md",
    "content/news/full-story/index.md",
    "content/world/flat-story.md",
  ]);
  assert.ok(messages.some((m) => /sectoin: unknown field \(did you mean `section`\?\)/.test(m)));
});

test("an article in a language the site does not declare is refused, naming the languages", async () => {
  await edit(STORY, (t) => t.replace("section: Middle East", "section: Middle East\nlang: fa"));
  const [problem] = await failingBuild();
  assert.match(problem!, /^content\/news\/full-story\/index\.md:\d+: lang: "fa" is not one of the site's languages \(en, ar, ckb\); to publish in it, add it to `languages` in content\/_data\/site\.yaml$/);
});

test("a translationKey used twice in one language names both files", async () => {
  await edit(STORY, (t) => t.replace("section: Middle East", "section: Middle East\ntranslationKey: summit"));
  await edit("content/world/flat-story.md", (t) => t.replace("section: World", "section: World\ntranslationKey: summit"));
  assert.deepEqual(await failingBuild(), [
    'content/news/full-story/index.md: translationKey: "summit" is also the translationKey of content/world/flat-story.md in the same language (en): each language has one version of a story or page',
    'content/world/flat-story.md: translationKey: "summit" is also the translationKey of content/news/full-story/index.md in the same language (en): each language has one version of a story or page',
  ]);
});

test("an article in an edition its section has no name in is refused, saying where to add it", async () => {
  await edit(STORY, (t) => t.replace("section: Middle East", "section: Middle East\nlang: ar"));
  const [problem] = await failingBuild();
  assert.match(problem!, /^content\/news\/full-story\/index\.md:\d+: section: "Middle East" is not a section declared in content\/_data\/sections\.yaml with a name in العربية \(translations\.ar\) \(العالم\)\.$/);
});

test("site.yaml: an edition without a description, or a language declared twice, is refused", async () => {
  await edit("content/_data/site.yaml", (t) => t.replace(/\n {4}description: موقع صغير[^\n]*/, "").replace("  - code: ckb", "  - code: ar\n    name: Arabic again\n    description: D\n  - code: ckb"));
  const problems = await failingBuild();
  assert.deepEqual(problems.map((p) => p.replace(/^[^:]+:\d+: /, "")), [
    "languages.1.description: required: the site's description in العربية",
    'languages.2.code: "ar" is also used by language 2',
  ]);
});

test("an author profile whose photo is missing is named", async () => {
  await rm(path.join(root, "content/_data/dilan.jpg"));
  assert.deepEqual(await failingBuild(), ["content/_data/authors.yaml:4: 0.photo: ./dilan.jpg: file not found"]);
});

test("`npm run build` prints the problems and exits non-zero", async () => {
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  await edit(STORY, (t) => t.replace(/^summary:/m, "sumary:"));
  const result = await runCli("build", [], { cwd: root, env: { ...process.env, DATELINE_NOW: FIXTURE_NOW } });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Build stopped: 2 problems in content. _site\/ was left as it was./);
  assert.match(result.stderr, /content\/news\/full-story\/index.md:3: sumary: unknown field \(did you mean `summary`\?\)/);
  assert.deepEqual(await hashTree(path.join(root, "_site")), snapshot);
});
