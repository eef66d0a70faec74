/**
 * `npm run new` in a temporary copy of the fixture site: the draft it writes, that the draft builds,
 * and every refusal. The first test runs the real command (node + tsx, a child process); the rest
 * run its function in this process.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, readFile, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { isProblem, splitSource } from "../../src/source/frontmatter.ts";
import { slugOf } from "../../src/site/slugs.ts";
import { formatProblem } from "../../src/shared/errors.ts";
import { editFile } from "../support/edit-file.ts";
import { contentErrorOfBuild } from "../support/failing-build.ts";
import { buildFixture, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { runCli, runInProcess, type Run } from "../support/run-cli.ts";

let root: string;

before(async () => {
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  await cp(path.join(REPO, "content/_archetypes"), path.join(root, "content/_archetypes"), { recursive: true });
});
after(() => removeSite(root));

/** A clean environment for the command (no DATELINE_NOW or DATELINE_AUTHOR unless given). */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATELINE_NOW: _now, DATELINE_AUTHOR: _author, ...inherited } = process.env;
  return { ...inherited, ...env };
}

/** `npm run new -- ...args` in the fixture site. */
const runNew = (args: string[], env: Record<string, string> = {}): Promise<Run> => runInProcess("new", args, { cwd: root, env: environment(env) });

async function frontmatterOf(file: string): Promise<Record<string, unknown>> {
  const source = splitSource(file, await readFile(path.join(root, file), "utf8"));
  assert.ok(!isProblem(source), `${file} must parse: ${JSON.stringify(source)}`);
  return source.data as Record<string, unknown>;
}

async function allFiles(): Promise<string[]> {
  return (await readdir(path.join(root, "content"), { recursive: true })).sort();
}

test("creates content/<section>/<slug>/index.md (the command run for real): a draft dated now in the site's time zone", async () => {
  // 09:15 UTC is 12:15 in Baghdad, the fixture site's zone.
  const run = await runCli("new", ["Ministers agree on a new border crossing", "--section", "Middle East", "--now", "2026-01-29T09:15:40Z"], { cwd: root, env: environment({}) });
  assert.equal(run.code, 0, run.stderr);
  const file = "content/middle-east/ministers-agree-on-a-new-border-crossing/index.md";
  assert.match(run.stdout, new RegExp(`^Created ${file}\n`));
  assert.match(run.stdout, /npm start/);
  assert.match(run.stdout, /http:\/\/localhost:8080\/middle-east\/ministers-agree-on-a-new-border-crossing\//);
  assert.match(run.stdout, /delete the line `draft: true`/);
  const text = await readFile(path.join(root, file), "utf8");
  assert.match(text, /^date: 2026-01-29T12:15:00\+03:00$/m);
  assert.match(text, /^draft: true$/m);
  // Every field an editor may fill is there, set or as a commented example.
  for (const field of ["title", "summary", "date", "updated", "dateline", "author", "section", "tags", "image", "src", "alt", "caption", "credit", "corrections", "lang", "slug", "featured", "draft"]) {
    assert.match(text, new RegExp(`^#? *(- )?${field}:`, "m"), field);
  }
  const { summary, ...fields } = await frontmatterOf(file);
  assert.equal(typeof summary, "string");
  assert.deepEqual(fields, {
    title: "Ministers agree on a new border crossing",
    date: "2026-01-29T12:15:00+03:00",
    author: "Fixture Times",
    section: "Middle East",
    lang: "en",
    slug: "ministers-agree-on-a-new-border-crossing",
    draft: true,
  });
});

test("DATELINE_NOW fixes the clock like the build's; a date without an offset is the site's time", async () => {
  const run = await runNew(["Snow closes the Hamilton road", "--section", "world", "--author", "Ben Two"], { DATELINE_NOW: "2026-01-29 08:00" });
  assert.equal(run.code, 0, run.stderr);
  const fm = await frontmatterOf("content/world/snow-closes-the-hamilton-road/index.md");
  assert.equal(fm.date, "2026-01-29T08:00:00+03:00");
  assert.equal(fm.section, "World", "a section given by its slug is written as declared");
  assert.equal(fm.author, "Ben Two");
});

test("a headline with quotes, a colon, a # and template braces round-trips exactly", async () => {
  const headline = `Erbil says "no deal": talks #2 stall, {{ section }} and 'final' offer \\ back-slash`;
  const run = await runNew([headline, "--section", "Middle East", "--now", "2026-01-29T10:00:00+03:00"]);
  assert.equal(run.code, 0, run.stderr);
  const file = `content/middle-east/${slugOf(headline)}/index.md`;
  assert.equal(file, "content/middle-east/erbil-says-no-deal-talks-2-stall-section-and-final-offer-back-slash/index.md");
  const fm = await frontmatterOf(file);
  assert.equal(fm.title, headline);
  assert.equal(fm.section, "Middle East");
});

test("a Sorani headline in the English edition keeps its letters in the slug, and the hint names the right-to-left editions", async () => {
  const headline = "سەرۆکی هەرێمی کوردستان سەردانی بەغدا دەکات";
  const run = await runNew([headline, "--section", "Middle East", "--now", "2026-01-29T10:00:00+03:00"]);
  assert.equal(run.code, 0, run.stderr);
  const slug = "سەرۆکی-هەرێمی-کوردستان-سەردانی-بەغدا-دەکات";
  assert.equal(slugOf(headline), slug);
  const file = `content/middle-east/${slug}/index.md`;
  assert.ok(run.stdout.startsWith(`Created ${file}\n`), run.stdout);
  assert.match(run.stdout, /The headline is in Arabic script but the story is in the English edition: did you mean --lang ar or --lang ckb\?/);
  const fm = await frontmatterOf(file);
  assert.equal(fm.title, headline);
  assert.equal(fm.slug, slug);
});

test("--lang ckb writes content/ckb/<section>/<slug>/ with lang: ckb, the section by its Sorani or English name, dated in Sorani", async () => {
  const headline = "بەفر ڕێگاکانی چیا دادەخات";
  const run = await runNew([headline, "--section", "جیهان", "--lang", "ckb", "--now", "2026-01-29T10:00:00+03:00"]);
  assert.equal(run.code, 0, run.stderr);
  const slug = slugOf(headline);
  const file = `content/ckb/world/${slug}/index.md`;
  assert.ok(run.stdout.startsWith(`Created ${file}\n`), run.stdout);
  assert.match(run.stdout, /٢٩ی کانوونی دووەمی ٢٠٢٦/);
  assert.ok(run.stdout.includes(`http://localhost:8080/ckb/world/${slug}/`), run.stdout);
  const fm = await frontmatterOf(file);
  assert.equal(fm.lang, "ckb");
  assert.equal(fm.section, "جیهان");
  // The English name finds the same section; a section without a Sorani name is refused, saying so.
  const english = await runNew(["ڕاپۆرتێکی تر", "--section", "World", "--lang", "ckb", "--now", "2026-01-29T10:00:00+03:00"]);
  assert.equal(english.code, 0, english.stderr);
  assert.ok(existsSync(path.join(root, `content/ckb/world/${slugOf("ڕاپۆرتێکی تر")}/index.md`)));
  const untranslated = await runNew(["هەواڵێک", "--section", "Culture", "--lang", "ckb"]);
  assert.equal(untranslated.code, 1);
  assert.match(untranslated.stderr, /"Culture" has no name in کوردی yet: add translations\.ckb to it in content\/_data\/sections\.yaml/);
  const unknown = await runNew(["A story", "--section", "World", "--lang", "fr"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--lang "fr": not one of the site's languages \(en, ar, ckb\)/);
});

test("a freshly created draft builds with --drafts, and the archetype is not an article", async () => {
  const quoted = `Oil "deal": what's next? #3`;
  for (const headline of ["Parliament meets on the budget", quoted, "وەزیری نەوت: هەناردە بەردەوام دەبێت"]) {
    const run = await runNew([headline, "--section", "Middle East", "--now", "2026-01-29T11:00:00+03:00"]);
    assert.equal(run.code, 0, run.stderr);
  }
  const report = await buildFixture(root, { drafts: true });
  assert.ok(!report.model.articles.some((a) => a.sourcePath.includes("_archetypes")));
  const page = await readFile(path.join(root, "_site/middle-east/parliament-meets-on-the-budget/index.html"), "utf8");
  assert.match(page, /<h1[^>]*>Parliament meets on the budget<\/h1>/);
  assert.ok(existsSync(path.join(root, `_site/middle-east/${slugOf(quoted)}/index.html`)));
  assert.ok(existsSync(path.join(root, "_site/middle-east/وەزیری-نەوت-هەناردە-بەردەوام-دەبێت/index.html")));
  const drafts = report.model.articles.filter((a) => a.draft).map((a) => a.title);
  assert.ok(drafts.includes("Parliament meets on the budget"));
  assert.ok(drafts.includes("Oil “deal”: what’s next? #3"), drafts.join(" | "));

  // Published as it is (only `draft: true` removed), it would show readers the template's instructions.
  const story = path.join(root, "content/middle-east/parliament-meets-on-the-budget/index.md");
  await editFile(story, (t) => t.replace(/^draft: true\n/m, ""));
  const refused = (await contentErrorOfBuild(root)).problems.map(formatProblem);
  assert.deepEqual(refused.map((p) => p.replace(/:\d+:/, ":N:")), [
    "content/middle-east/parliament-meets-on-the-budget/index.md:N: summary: still the placeholder `npm run new` wrote: write the standfirst (or keep `draft: true`)",
    "content/middle-east/parliament-meets-on-the-budget/index.md:N: body: still holds the placeholder text `npm run new` wrote: write the story (or keep `draft: true`)",
  ]);
  await rm(path.dirname(story), { recursive: true });
});

test("refuses to overwrite an article, a flat file, or another article's URL", async () => {
  const args = ["Dam levels fall for a third year", "--section", "World", "--now", "2026-01-29T10:00:00+03:00"];
  assert.equal((await runNew(args)).code, 0);
  const file = path.join(root, "content/world/dam-levels-fall-for-a-third-year/index.md");
  const before = await readFile(file, "utf8");
  const again = await runNew([...args.slice(0, -1), "2026-01-29T18:00:00+03:00"]);
  assert.equal(again.code, 1);
  assert.equal(again.stdout, "");
  assert.match(again.stderr, /^content\/world\/dam-levels-fall-for-a-third-year\/index.md already exists. Nothing was written./);
  assert.equal(await readFile(file, "utf8"), before);

  const flat = await runNew(["Flat story", "--section", "World"]);
  assert.equal(flat.code, 1);
  assert.match(flat.stderr, /^content\/world\/flat-story.md already exists/);
  assert.ok(!existsSync(path.join(root, "content/world/flat-story")));

  // content/news/full-story/index.md is in the Middle East section, so its URL is /middle-east/<its slug>/.
  const files = await allFiles();
  const clash = await runNew(["Leaders meet in Moscow as troops leave the north", "--section", "Middle East"]);
  assert.equal(clash.code, 1);
  assert.match(clash.stderr, /^content\/news\/full-story\/index.md already has this story's URL, \/middle-east\/leaders-meet-in-moscow-as-troops-leave-the-north\/\./);
  assert.deepEqual(await allFiles(), files, "nothing is created");

  const bySlug = await runNew(["Another story entirely", "--section", "World", "--slug", "dam-levels-fall-for-a-third-year"]);
  assert.equal(bySlug.code, 1);
  assert.match(bySlug.stderr, /already exists/);
});

test("an unknown section names the declared ones and the near one", async () => {
  const files = await allFiles();
  const run = await runNew(["Talks resume", "--section", "Midle East"]);
  assert.equal(run.code, 1);
  assert.equal(
    run.stderr.trim(),
    `"Midle East" is not a section declared in content/_data/sections.yaml (Middle East, World, Culture). Did you mean "Middle East"?`,
  );
  // A name that holds a declared one ("World news") points to it, however far apart they are spelt.
  const containing = await runNew(["Talks resume", "--section", "World news"]);
  assert.match(containing.stderr, /\(Middle East, World, Culture\)\. Did you mean "World"\?$/m);
  const far = await runNew(["Talks resume", "--section", "Sport"]);
  assert.equal(far.code, 1);
  assert.equal(far.stderr.trim(), `"Sport" is not a section declared in content/_data/sections.yaml (Middle East, World, Culture).`);
  assert.deepEqual(await allFiles(), files);
});

test("missing arguments print the usage and exit 2", async () => {
  const files = await allFiles();
  for (const args of [[], ["--section", "World"], ["A headline without a section"], ["A headline", "--section", "World", "--colour", "red"]]) {
    const run = await runNew(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, /Usage: npm run new -- "Headline of the story" --section "Middle East"/);
  }
  assert.match((await runNew(["--section", "World"])).stderr, /^Missing a headline\./);
  assert.match((await runNew(["A headline"])).stderr, /^Missing --section\./);
  const badNow = await runNew(["A headline", "--section", "World", "--now", "tomorrow"]);
  assert.equal(badNow.code, 2);
  assert.match(badNow.stderr, /^--now: "tomorrow" is not an ISO 8601 date/);
  assert.deepEqual(await allFiles(), files);
});

test("a headline with no letters to make a slug from asks for --slug", async () => {
  const run = await runNew(["???", "--section", "World"]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^Cannot make a URL slug from "\?\?\?": choose one with --slug/);
  const chosen = await runNew(["???", "--section", "World", "--slug", "question-marks", "--now", "2026-01-29T10:00:00+03:00"]);
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.equal((await frontmatterOf("content/world/question-marks/index.md")).title, "???");
});

test("without the archetype nothing is written", async () => {
  const dir = path.join(root, "content/_archetypes");
  await rename(dir, `${dir}.away`);
  try {
    const run = await runNew(["Without an archetype", "--section", "World"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^content\/_archetypes\/article.md is missing/);
    assert.ok(!existsSync(path.join(root, "content/world/without-an-archetype")));
  } finally {
    await rename(`${dir}.away`, dir);
  }
});
