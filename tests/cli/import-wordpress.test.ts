/**
 * `npm run import -- wordpress` in a temporary copy of the fixture site, with the WordPress export of
 * tests/fixtures/wordpress/ and an uploads folder that lacks one picture: the stories and drafts it
 * writes, the report, the redirects, the same files again on a second run, what `npm run check` asks
 * for, and the site built once the editor has supplied it. The first run is the real command (node +
 * tsx, a child process); the rest run its function in this process, in order.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import sharp from "sharp";
import { editFile } from "../support/edit-file.ts";
import { buildFixture, FIXTURES, jpeg, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { cleanEnvironment, importSite } from "../support/import-site.ts";
import { runCli } from "../support/run-cli.ts";

let root: string;
const FERRY = "content/world/ferry-service-resumes/index.md";
const REGATTA = "content/sport/lake-regatta-spring/index.md";
const BRIDGE = "content/ar/world/افتتاح-جسر-جديد-في-الموصل/index.md";
const DRAFT = "content/world/ice-fishing-season-what-the-new-permits-mean/index.md";
const ARGS = ["wordpress", "wp/export.xml", "--uploads", "wp/uploads", "--redirects", "_redirects"];

before(async () => {
  root = await makeFixtureSite();
  // npm run check reads the stylesheet once the content has no errors.
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  await cp(path.join(FIXTURES, "wordpress/export.xml"), path.join(root, "wp/export.xml"));
  // The backup's uploads: the pictures of the first post; the regatta's (boats.jpg) is not there.
  const uploads = path.join(root, "wp/uploads/2026/01");
  await mkdir(uploads, { recursive: true });
  await jpeg(path.join(uploads, "pier.jpg"), 640, 400, "#2a6f97");
  await jpeg(path.join(uploads, "crossing.jpg"), 1200, 675, "#a44a3f");
  await sharp({ create: { width: 320, height: 200, channels: 3, background: "#eeeeee" } }).png().toFile(path.join(uploads, "timetable.png"));
});
after(() => removeSite(root));

const { runImport, check, read, fieldsOf, lineOf } = importSite(() => root);

/** Every file under content/, with its bytes. */
async function contentFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(path.join(root, "content"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath ?? entry.path, entry.name), await readFile(path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return files;
}

test("a WordPress export imported (the command run for real): stories, a draft, what was skipped, and what the editor must supply", async () => {
  const run = await runCli("import", ARGS, { cwd: root, env: cleanEnvironment() });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, "", "no progress bar when stderr is not a terminal");
  assert.equal(
    run.stdout,
    `Imported wp/export.xml ("Northern Ledger", https://ledger.example.org):
  stories: 3 (3 written, 0 unchanged, 0 left alone)
  drafts: 1 (1 written, 0 unchanged, 0 left alone)
  skipped: attachment 4, nav_menu_item 1, page 1, post (trash) 1, revision 1
  comments: 1, not imported

Sections to add: 1 category is no section yet. Add to content/_data/sections.yaml:
  - name: Sport   # 1 story
    description: "Matches, races and the people who run them."

Pictures missing: 1 (not in wp/uploads); each waits in a ::: picture-needed block. Put the file at the place shown:
  2026/01/boats.jpg → content/sport/lake-regatta-spring/boats.jpg

Pictures without alt text: 1, copied beside their story; each waits in a ::: picture-needed block for what it shows:
  content/world/ferry-service-resumes/timetable.png

Left out (HTML with no Markdown form; each story's notes at its top say what):
  script: 1 in 1 story (${FERRY})
  form: 1 in 1 story (${FERRY})

Redirects: 3 in _redirects, 6 in _redirects.csv (3 of them ?p= addresses, or the same address on both sites, which _redirects leaves out)

Next: supply what is listed above, then npm run check (it names each at its line) and npm run build.
  2 published stories wait for a picture: the build refuses them until each is supplied (or the story is given draft: true).
`,
  );

  assert.deepEqual(await fieldsOf(FERRY), {
    title: "Ferry service resumes across the lake after the storm",
    summary: "The first boat in nine days crossed on Monday, with forty passengers and a lorry of flour.",
    date: "2026-01-26T10:30:00+03:00",
    updated: "2026-01-26T14:05:00+03:00",
    author: ["Dilan Barzan", "Karwan Mirkhan"],
    section: "World",
    tags: ["Ferries", "Weather"],
    image: {
      src: "./crossing.jpg",
      alt: "Passengers in winter coats lean on the rail of a ferry's upper deck.",
      caption: "Passengers on the upper deck on Monday morning. (Photo: Hemin Aziz)",
    },
    slug: "ferry-service-resumes",
  });
  const ferry = await read(FERRY);
  assert.match(ferry, /^---\n# Imported from WordPress: post 11, https:\/\/ledger\.example\.org\/2026\/01\/ferry-service-resumes\/\n# Picture timetable\.png has no alt text: write what it shows\n# Left out on import: script, form\ntitle:/);
  assert.ok(ferry.includes('\n\n![A white ferry moored at a wooden pier under a grey sky.](./pier.jpg "The ferry waits at the northern pier. (Photo: Lake Desk)")\n\n'), ferry);
  assert.ok(ferry.includes("\n\n::: embed https://www.youtube.com/embed/dQw4w9WgXcQ\nThe harbour master on the reopening\n:::\n\n"));
  assert.ok(ferry.includes("\n\n::: picture-needed timetable.png\nWithout a caption on the old site.\n:::\n\n"));
  assert.ok(!/script|form|ledgerPoll|Subscribe/.test(ferry.split("\n---\n")[1]!), "scripts and forms left out");
  for (const name of ["pier.jpg", "crossing.jpg", "timetable.png"]) {
    assert.deepEqual(await readFile(path.join(root, "content/world/ferry-service-resumes", name)), await readFile(path.join(root, "wp/uploads/2026/01", name)), name);
  }

  const regatta = await fieldsOf(REGATTA);
  assert.deepEqual([regatta.section, regatta.author, regatta.summary, regatta.date], [
    "Sport",
    "Karwan Mirkhan",
    "The rowing clubs have agreed to hold this year's regatta in April. Ice on the western shore made the January course unsafe. Entries stay open until March.",
    "2026-01-27T12:00:00+03:00",
  ]);
  assert.ok((await read(REGATTA)).includes("\n\n::: picture-needed boats.jpg\nBoats wait out the winter on the western shore. (Photo: Rowing Club)\n:::\n\n::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ\nLast year's final, from the finish line.\n:::\n"));

  const bridge = await fieldsOf(BRIDGE);
  assert.deepEqual([bridge.lang, bridge.section, bridge.slug, bridge.tags], ["ar", "العالم", "افتتاح-جسر-جديد-في-الموصل", ["الموصل"]]);

  const draft = await fieldsOf(DRAFT);
  assert.deepEqual([draft.draft, draft.date, draft.slug, draft.summary], [true, "2026-01-28T15:45:00+03:00", "ice-fishing-season-what-the-new-permits-mean", "Permits now cost less for residents of the lake villages. Visitors pay the old price."]);
  assert.ok(!existsSync(path.join(root, "content/about")) && !existsSync(path.join(root, "content/world/old-notice")), "no page, no trashed post");

  assert.equal(
    await read("_redirects"),
    `# From the WordPress import (npm run import -- wordpress): the old site's addresses → the new ones.
# Netlify and Cloudflare Pages read this file at the top of the published folder; new site: https://fixture.example.org/
/2026/01/ferry-service-resumes/ /world/ferry-service-resumes/ 301
/2026/01/lake-regatta-spring/ /sport/lake-regatta-spring/ 301
/ar/2026/01/%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d8%ac%d8%b3%d8%b1-%d8%ac%d8%af%d9%8a%d8%af-%d9%81%d9%8a-%d8%a7%d9%84%d9%85%d9%88%d8%b5%d9%84/ /ar/world/%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD-%D8%AC%D8%B3%D8%B1-%D8%AC%D8%AF%D9%8A%D8%AF-%D9%81%D9%8A-%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84/ 301
# 3 addresses with a query (?p=123) cannot be redirected here: see the CSV beside this file.
`,
  );
  const csv = (await read("_redirects.csv")).split("\n");
  assert.equal(csv[0], "old_url,new_url");
  assert.ok(csv.includes("https://ledger.example.org/?p=11,https://fixture.example.org/world/ferry-service-resumes/"), csv.join("\n"));
  assert.equal(csv.filter(Boolean).length, 7, "a header and six addresses: no draft's");
});

test("run again: the same files, byte for byte, and nothing written", async () => {
  const before = await contentFiles();
  const run = await runImport(ARGS);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\n {2}stories: 3 \(0 written, 3 unchanged, 0 left alone\)\n {2}drafts: 1 \(0 written, 1 unchanged, 0 left alone\)\n/);
  assert.deepEqual(await contentFiles(), before);
});

test("npm run check asks for what the report listed; supplied, the site checks and builds", async () => {
  const asked = await check();
  assert.equal(asked.code, 1);
  const errors = asked.stdout.split("\n").filter((line) => line.startsWith("content/") && !line.includes(": warning: "));
  assert.deepEqual(
    errors.map((line) => line.replace(/: body: a picture is needed here .*/, ": body: a picture is needed here …")),
    [
      `${REGATTA}:${await lineOf(REGATTA, "section:")}: section: "Sport" is not a section declared in content/_data/sections.yaml (Middle East, World, Culture).`,
      `${REGATTA}:${await lineOf(REGATTA, "::: picture-needed")}: body: a picture is needed here …`,
      `${FERRY}:${await lineOf(FERRY, "::: picture-needed")}: body: a picture is needed here …`,
    ],
  );

  // The editor does what the report says: the section's lines, the missing picture, the alt text.
  const report = (await runImport(ARGS)).stdout;
  const lines = report.split("Add to content/_data/sections.yaml:\n")[1]!.split("\n\n")[0]!.split("\n").map((line) => line.slice(2));
  await editFile(path.join(root, "content/_data/sections.yaml"), (text) => `${text}${lines.join("\n")}\n`);
  await jpeg(path.join(root, "content/sport/lake-regatta-spring/boats.jpg"), 640, 400, "#557755");
  await editFile(path.join(root, REGATTA), (t) => t.replace(/::: picture-needed boats\.jpg\n(.*)\n:::/, '![Eight rowing boats lined up on a frozen beach.](./boats.jpg "$1")'));
  await editFile(path.join(root, FERRY), (t) => t.replace(/::: picture-needed timetable\.png\n.*\n:::/, "![A table of the ferry's departures, hour by hour.](./timetable.png)"));
  const supplied = await check();
  assert.equal(supplied.code, 0, supplied.stdout + supplied.stderr);

  await buildFixture(root);
  const page = await read("_site/world/ferry-service-resumes/index.html");
  assert.match(page, /alt="Passengers in winter coats lean on the rail of a ferry&#39;s upper deck\."|alt="Passengers in winter coats lean on the rail of a ferry’s upper deck\."/);
  assert.match(page, /alt="A white ferry moored at a wooden pier under a grey sky\."/);
  assert.match(page, /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
  assert.ok(!/ledgerPoll|<form action="\/subscribe"/.test(page));
  assert.match(await read("_site/sport/lake-regatta-spring/index.html"), /alt="Eight rowing boats lined up on a frozen beach\."/);
  assert.ok(existsSync(path.join(root, "_site/ar/world/افتتاح-جسر-جديد-في-الموصل/index.html")));
  assert.ok(!existsSync(path.join(root, "_site/world/ice-fishing-season-what-the-new-permits-mean")), "the draft is not published");
});

test("a malformed export stops with one line naming the file and the line; nothing is written", async () => {
  const text = await readFile(path.join(FIXTURES, "wordpress/export.xml"), "utf8");
  await writeFile(path.join(root, "wp/broken.xml"), text.replace("<wp:post_type><![CDATA[post]]></wp:post_type>", "<wp:post_type><![CDATA[post]]></wp:posttype>"));
  const line = text.split("\n").findIndex((l) => l.includes("<wp:post_type><![CDATA[post]]></wp:post_type>")) + 1;
  const run = await runImport(["wordpress", "wp/broken.xml"]);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, "");
  assert.equal(run.stderr, `Stopped: wp/broken.xml:${line}: not well-formed XML (unexpected close tag); export the site again from WordPress (Tools → Export) and import the new file; a file cut short by a download or an upload ends like this\n`);
});

test("usage: no export, two, an unknown option or an --uploads that is no folder (exit 2); a missing file (exit 1); --help", async () => {
  for (const args of [["wordpress"], ["wordpress", "a.xml", "b.xml"], ["wordpress", "wp/export.xml", "--upload", "x"], ["wordpress", "wp/export.xml", "--uploads", "wp/export.xml"]]) {
    const run = await runImport(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, /Usage: npm run import -- wordpress EXPORT\.xml|--uploads wp\/export\.xml: not a folder/, args.join(" "));
  }
  const missing = await runImport(["wordpress", "wp/nothing.xml"]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, "wp/nothing.xml: no such file (the export WordPress made: Tools → Export → All content).\n");
  const help = await runImport(["wordpress", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: npm run import -- wordpress EXPORT\.xml \[options\]/);
  assert.match((await runImport(["--help"])).stdout, /npm run import -- wordpress EXPORT\.xml \[--uploads DIR\] \[--redirects FILE\]/);
});
