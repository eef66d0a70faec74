/**
 * `npm run check` as editors and CI run it, in a temporary copy of a fixture site: the real command
 * once (node + tsx, a child process), its function in this process for the rest.
 * tests/fixtures/check-site/ is full of mistakes (errors of several kinds in several files, and every
 * kind of warning); its exact output is tests/fixtures/check-site/expected.txt
 * (`UPDATE_FIXTURES=1 npm test` rewrites it: read the diff before committing it).
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { formatFinding, type Finding } from "../../src/shared/errors.ts";
import { editFile } from "../support/edit-file.ts";
import { FIXTURES, jpeg, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { runCli, runInProcess, type Run } from "../support/run-cli.ts";
import { embedPictureMetadata } from "../support/embed-picture-metadata.ts";
import { WIRE_FIGURE, WIRE_STORY, writeWireStory } from "../support/distribution-site.ts";

const CHECK_SITE = path.join(FIXTURES, "check-site");
const EXPECTED = path.join(CHECK_SITE, "expected.txt");
const roots: string[] = [];
after(() => Promise.all(roots.map(removeSite)));

// DATELINE_URL (a deployment's address) would change every link: these runs use site.yaml's `url`.
const env = () => ({ ...process.env, DATELINE_URL: "" });
const check = (root: string, args: string[] = []): Promise<Run> => runInProcess("check", args, { cwd: root, env: env() });

/** A copy of tests/fixtures/check-site with the repo's assets/ and its pictures drawn. */
async function checkSite(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "dateline-check-"));
  roots.push(root);
  await cp(CHECK_SITE, root, { recursive: true });
  await rm(path.join(root, "expected.txt"), { force: true });
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  const story = (slug: string, file: string) => path.join(root, "content/middle-east", slug, file);
  await jpeg(story("long-story", "hero.jpg"), 800, 450, "#2a6f97"); // narrower than 1200: a warning
  await jpeg(story("figures", "hero.jpg"), 1600, 900, "#a44a3f");
  await jpeg(story("figures", "convoy.jpg"), 640, 400, "#557755"); // body pictures may be narrow
  return root;
}

/** The regular fixture site (tests/fixtures/site), which has warnings but no errors. */
async function fixtureSite(): Promise<string> {
  const root = await makeFixtureSite();
  roots.push(root);
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  return root;
}

const edit = (root: string, file: string, change: (text: string) => string) => editFile(path.join(root, file), change);

test("a site with many mistakes (the command run for real): every error and warning, sorted by file and line, then a summary; exit 1", async () => {
  const { code, stdout, stderr } = await runCli("check", [], { cwd: await checkSite(), env: env() });
  if (process.env.UPDATE_FIXTURES) await writeFile(EXPECTED, stdout);
  assert.equal(stdout, await readFile(EXPECTED, "utf8"));
  assert.equal(stderr, "");
  assert.equal(code, 1);
});

test("--json prints the same findings as an array of {file, line, field, severity, message}", async () => {
  const { code, stdout, stderr } = await check(await checkSite(), ["--json"]);
  assert.equal(code, 1);
  assert.equal(stderr, "");
  const findings = JSON.parse(stdout) as Finding[];
  for (const f of findings) {
    assert.deepEqual(Object.keys(f), ["file", "line", "field", "severity", "message"]);
    assert.ok(f.line === null || Number.isInteger(f.line), `line: ${String(f.line)}`);
    assert.ok(f.severity === "error" || f.severity === "warning");
    assert.doesNotMatch(f.message, /^warning: /, "the severity is its own field");
  }
  const text = (await readFile(EXPECTED, "utf8")).trimEnd().split("\n");
  const summary = text.pop();
  assert.deepEqual(
    findings.map((f) => formatFinding({ ...f, line: f.line ?? undefined })),
    text,
  );
  const errors = findings.filter((f) => f.severity === "error").length;
  assert.equal(summary, `${errors} errors, ${findings.length - errors} warnings in ${new Set(findings.map((f) => f.file)).size} files`);
});

test("an unknown option is refused with the usage, exit 2", async () => {
  const { code, stdout, stderr } = await check(await fixtureSite(), ["--jsn"]);
  assert.equal(code, 2);
  assert.equal(stdout, "");
  assert.match(stderr, /^Unknown option '--jsn'.*\n\nUsage: npm run check -- \[--json\] \[--explain-images\]\n$/s);
});

test("a site with only warnings exits 0; links are checked against the pages the site builds", async () => {
  const root = await fixtureSite();
  // Pages of every kind exist (drafts and embargoed articles count); the last link does not.
  await edit(root, "content/news/full-story/index.md", (t) =>
    t.replace(
      "## Extradition",
      [
        "See [Syria](/tags/syria/), [Dilan](/authors/dilan-example/), [about](/about/), [the World feed](/world/feed.xml),",
        "[search](/search/), [the draft](/world/an-unfinished-draft/), [the embargoed story](../../world/a-story-under-embargo/),",
        "[Culture](/culture), [the stylesheet](/assets/css/site.css) and [the Russia tag](/tags/rusia/).",
        "",
        "## Extradition",
      ].join("\n"),
    ),
  );
  const { code, stdout, stderr } = await check(root);
  assert.equal(stderr, "");
  assert.equal(
    stdout,
    [
      "content/news/full-story/index.md:13: image.src: warning: 960 px wide; use a picture at least 1200 px wide (search engines and share cards show it at 1200)",
      "content/news/full-story/index.md:29: body: warning: link to /tags/rusia/: no such page on the site (did you mean /tags/russia/?)",
      "content/world/draft-story.md: tags: warning: none; add a few, e.g. tags: [Syria, Oil] (tag pages and related stories use them)",
      "content/world/embargoed-story.md: tags: warning: none; add a few, e.g. tags: [Syria, Oil] (tag pages and related stories use them)",
      "content/world/flat-story.md: tags: warning: none; add a few, e.g. tags: [Syria, Oil] (tag pages and related stories use them)",
      "0 errors, 5 warnings in 4 files",
      "",
    ].join("\n"),
  );
  assert.equal(code, 0);
});

test("a clean site exits 0 and says so", async () => {
  const root = await fixtureSite();
  await jpeg(path.join(root, "content/news/full-story/hero.jpg"), 1600, 900, "#2a6f97");
  for (const file of ["draft-story.md", "embargoed-story.md", "flat-story.md"]) {
    await edit(root, `content/world/${file}`, (t) => t.replace(/^section: World$/m, "section: World\ntags: [Fixtures]"));
  }
  const { code, stdout, stderr } = await check(root);
  assert.equal(stdout, "No problems in 4 articles\n");
  assert.equal(stderr, "");
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse((await check(root, ["--json"])).stdout), []);
});

test("--explain-images lists each picture's texts with where they came from; a picture credited nowhere is a warning", async () => {
  const root = await fixtureSite();
  await writeWireStory(root);
  // The wire story's body picture loses its credit: nothing in the story or the file credits it now.
  await writeFile(path.join(root, "content", WIRE_STORY, "surge.jpg"), embedPictureMetadata(await readFile(path.join(root, "content", WIRE_STORY, "surge.jpg")), { xmp: { ...WIRE_FIGURE.xmp, credit: undefined } }));
  const { stdout } = await check(root, ["--explain-images"]);
  const story = `content/${WIRE_STORY}index.md`;
  assert.ok(stdout.includes(`${story}:14: body: warning: image ./surge.jpg: no credit in the story or in the picture: end the caption with the source, e.g. (Photo: AFP), or give the picture an IPTC Credit Line\n`), stdout);
  const block = (start: string) => stdout.slice(stdout.indexOf(start)).split("\n").slice(0, 7).join("\n");
  assert.equal(
    block(`${story}:9: image`),
    [
      `${story}:9: image content/${WIRE_STORY}ferries.jpg (at the top)`,
      "  alt text    picture XMP   Three white ferries moored side by side at a grey concrete quay.",
      "  caption     picture XMP   Ferries wait at the quay as the strait stays closed.",
      "  credit      picture XMP   Photo: Harbour Wire",
      "  creator     picture XMP   Sana Example",
      "  copyright   picture XMP   © 2026 Harbour Wire",
      "  source      http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
    ].join("\n"),
  );
  assert.equal(
    block(`${story}:14: image`),
    [
      `${story}:14: image content/${WIRE_STORY}surge.jpg (in the text)`,
      "  alt text    picture XMP   A wave breaking over a harbour wall under a dark sky.",
      "  caption     picture XMP   How the storm surge reached the harbour wall, as a model pictured it.",
      "  credit      —",
      "  creator     —",
      "  copyright   —",
      '  source      http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia, labelled "AI-generated image"',
    ].join("\n"),
  );
  // The fixture's own story: its hero's text is the frontmatter's, its figure's the Markdown's.
  assert.match(stdout, /content\/news\/full-story\/index\.md:\d+: image content\/news\/full-story\/hero\.jpg \(at the top\)\n  alt text    frontmatter   Two men shake hands in front of flags\.\n/);
  const json = JSON.parse((await check(root, ["--json", "--explain-images"])).stdout) as { findings: unknown[]; images: { file: string; picture: string; values: Record<string, { from: string }>; label: string | null }[] };
  const surge = json.images.find((i) => i.picture.endsWith("surge.jpg"))!;
  assert.deepEqual([surge.file, surge.values["alt"]?.from, surge.values["credit"], surge.label], [story, "xmp", undefined, "AI-generated image"]);
  assert.ok(json.findings.length > 0);
});

test("broken site data is reported, and articles wait until it can be read", async () => {
  const root = await fixtureSite();
  await edit(root, "content/_data/sections.yaml", (t) => t.replace("- name: World\n  description: The rest of the world, as it matters to our readers.\n", "- name: World\n"));
  await edit(root, "content/_data/authors.yaml", (t) => t.replace("  role: Data editor\n", ""));
  const { code, stdout } = await check(root);
  assert.equal(
    stdout,
    [
      "content/_data/authors.yaml:8: 1.role: required",
      "content/_data/sections.yaml:4: 1.description: required",
      "2 errors, 0 warnings in 2 files (articles not checked: fix content/_data/sections.yaml first)",
      "",
    ].join("\n"),
  );
  assert.equal(code, 1);
});

test(
  "links on a site served under a sub-path are checked with its prefix",
  async () => {
    const root = await fixtureSite();
    await edit(root, "content/_data/site.yaml", (t) => t.replace("url: https://fixture.example.org/", "url: https://fixture.example.org/news/"));
    await edit(root, "content/news/full-story/index.md", (t) => t.replace("## Extradition", "See [the World section](/world/) and [one that is not](/wrold/).\n\n## Extradition"));
    const { stdout } = await check(root);
    assert.match(stdout, /^content\/news\/full-story\/index.md:29: body: warning: link to \/news\/wrold\/: no such page on the site \(did you mean \/news\/world\/\?\)$/m);
    assert.doesNotMatch(stdout, /link to \/news\/world\//);
  },
);

test("the front page's file: a story that is not there, or a draft, is an error; a curated story gone stale a warning, by the build's clock", async () => {
  const root = await fixtureSite();
  await writeFile(path.join(root, "content/_data/front.yaml"), "lead: leaders-meet-in-moscow-as-troops-leave-the-north\ntop: [an-unfinished-draft, no-such-story]\nstale_after: 1d\n");
  const at = (now: string) => runInProcess("check", [], { cwd: root, env: { ...env(), DATELINE_NOW: now } });
  const errors = [
    'content/_data/front.yaml:2: top.0: "an-unfinished-draft" is a draft (content/world/draft-story.md): publish it, or name another story',
    'content/_data/front.yaml:2: top.1: no story "no-such-story" in the English edition: give the slug of one of its stories',
  ];
  const fresh = await at("2026-01-28T18:00:00+03:00");
  assert.deepEqual(fresh.stdout.split("\n").filter((line) => line.startsWith("content/_data/")), errors);
  assert.equal(fresh.code, 1);
  const stale = await at("2026-01-30T12:00:00+03:00");
  assert.deepEqual(stale.stdout.split("\n").filter((line) => line.startsWith("content/_data/")), [
    'content/_data/front.yaml:1: lead: warning: "leaders-meet-in-moscow-as-troops-leave-the-north" was last published or updated 43 hours ago, longer than stale_after (1d): is it still front-page news?',
    ...errors,
  ]);
});
