/**
 * `npm run import` in a temporary copy of the fixture site: wire copy (tests/fixtures/wire/) as drafts,
 * their pictures, what `npm run check` says of them, and the site built once the editor has done
 * what the import asked. The first test runs the real command (node + tsx, a child process); the
 * rest run its function in this process, in order (each builds on the drafts of the ones before).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { editFile } from "../support/edit-file.ts";
import { embedPictureMetadata } from "../support/embed-picture-metadata.ts";
import { buildFixture, FIXTURES, jpeg, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { cleanEnvironment, importSite } from "../support/import-site.ts";
import { runCli } from "../support/run-cli.ts";

let root: string;
const NOW = "2026-01-28T12:00:00+03:00";
const SUMMIT = "content/middle-east/syrias-leader-flies-to-moscow-for-talks-with-putin/index.md";

before(async () => {
  root = await makeFixtureSite();
  await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
  await cp(path.join(FIXTURES, "wire"), path.join(root, "inbox"), { recursive: true });
  // The story's picture carries its alt text, as agency pictures increasingly do; the second has none.
  await mkdir(path.join(root, "inbox/pictures"));
  await picture("inbox/pictures/moscow-summit.jpg", { "x-default": "A drawing of two men in suits shaking hands before two flags." });
  await picture("inbox/pictures/moscow-summit-2.jpg");
  await picture("inbox/pictures/aaa-unrelated.jpg");
});
after(() => removeSite(root));

/** A small JPEG at `file` in the site, with alt text in its XMP when given. */
async function picture(file: string, altText?: Record<string, string>): Promise<void> {
  const abs = path.join(root, file);
  await jpeg(abs, 640, 360, "#557755");
  if (altText) await writeFile(abs, embedPictureMetadata(await readFile(abs), { xmp: { altText } }));
}

const { runImport, check, read, fieldsOf, lineOf } = importSite(() => root);

test("the reference report's shape (the command run for real): a draft with the story's picture, a caption waiting for its alt text, quotes as typed", async () => {
  const run = await runCli("import", ["wire", "inbox/moscow-summit.txt", "--section", "Middle East", "--images", "inbox/pictures", "--now", NOW], { cwd: root, env: cleanEnvironment() });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, "");
  const lines = run.stdout.split("\n");
  assert.equal(lines[0], `Created ${SUMMIT} (draft; dateline ERBIL (Kurdistan24); 1 picture, 1 picture needed)`);
  assert.ok(lines.includes("Not used from --images: aaa-unrelated.jpg (more pictures than captions)"), run.stdout);
  assert.match(run.stdout, /\nNext:\n {2}1\. Read each draft/);
  assert.ok(run.stdout.includes("http://localhost:8080/middle-east/syrias-leader-flies-to-moscow-for-talks-with-putin/"), run.stdout);

  assert.deepEqual(await fieldsOf(SUMMIT), {
    title: "Syria’s Leader Flies to Moscow for Talks With Putin",
    summary: "Ahmed al-Sharaa sat down with Vladimir Putin on Wednesday over Russia’s bases and the fate of Bashar al-Assad, as Russian troops left Qamishlo.",
    date: NOW,
    dateline: { place: "ERBIL", source: "Kurdistan24" },
    author: "Kurdistan24",
    section: "Middle East",
    image: { src: "./moscow-summit.jpg", caption: "An illustration of the two presidents shaking hands. (Graphics: Kurdistan24)" },
    slug: "syrias-leader-flies-to-moscow-for-talks-with-putin",
    draft: true,
  });
  const folder = path.dirname(path.join(root, SUMMIT));
  for (const name of ["moscow-summit.jpg", "moscow-summit-2.jpg"]) {
    assert.deepEqual(await readFile(path.join(folder, name)), await readFile(path.join(root, "inbox/pictures", name)), name);
  }
  assert.ok(!existsSync(path.join(folder, "aaa-unrelated.jpg")));

  // Every paragraph as typed (quotes, apostrophes, dashes byte for byte), the first without its dateline.
  const text = await read(SUMMIT);
  const copy = await read("inbox/moscow-summit.txt");
  const paragraphs = copy.split("\n\n").slice(4).filter((p) => !p.endsWith("(Photo: AFP)") && !/^[A-Z][a-z]+( [A-Z][a-z]*)+$/.test(p));
  for (const paragraph of paragraphs) assert.ok(text.includes(paragraph.trim().replace("ERBIL (Kurdistan24) - ", "")), paragraph);
  assert.ok(text.includes("\n\n::: picture-needed moscow-summit-2.jpg\nRussian armour on the road out of Qamishlo. (Photo: AFP)\n:::\n\n"));
  assert.ok(text.includes("\n\n## The Question of Extradition\n\n"));
  assert.ok(text.includes("\n# 1 picture beside the story has no alt text"));
});

test("several files at once: Arabic and Sorani copy go to their editions with the section in their language; files that are not wire copy get a line each", async () => {
  await writeFile(path.join(root, "inbox/empty.txt"), " \n\n");
  await writeFile(path.join(root, "inbox/report.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00, 0x01]));
  await writeFile(path.join(root, "inbox/no-headline.txt"), "WASHINGTON (AP) – The story starts with its dateline.\n\nMore.\n");
  // Saved by Windows Notepad: a byte-order mark and CRLF line ends.
  await writeFile(path.join(root, "inbox/pentagon.txt"), "\ufeffPentagon names a new envoy\r\n\r\nThe appointment follows months of talks.\r\n\r\nWASHINGTON (AP) – The Pentagon named an envoy on Monday.\r\n");
  const run = await runImport(["wire", "inbox/arbil-arabic.txt", "inbox/empty.txt", "inbox/hewler-sorani.txt", "inbox/report.doc", "inbox/no-headline.txt", "inbox/pentagon.txt", "--section", "World", "--now", NOW]);
  assert.equal(run.code, 1, "a file was refused");
  assert.deepEqual(run.stderr.trimEnd().split("\n"), [
    "inbox/empty.txt: does not look like wire copy: empty: no text at all; nothing written",
    "inbox/report.doc: does not look like wire copy: a binary file, not plain text (save the copy as plain text, UTF-8); nothing written",
    "inbox/no-headline.txt: does not look like wire copy: no headline: the copy starts with its dateline (the headline comes first, on a line of its own); nothing written",
  ]);
  const arabic = "content/ar/world/رئيس-الإقليم-يستقبل-وفداً-من-بغداد-في-أربيل/index.md";
  const sorani = "content/ckb/world/سەرۆکی-هەرێم-پێشوازی-لە-شاندێکی-بەغدا-دەکات/index.md";
  const english = "content/world/pentagon-names-a-new-envoy/index.md";
  const created = run.stdout.split("\n").filter((line) => line.startsWith("Created"));
  assert.deepEqual(created, [
    `Created ${arabic} (draft; dateline أربيل (كوردستان 24); 1 picture needed)`,
    `Created ${sorani} (draft; dateline هەولێر (کوردستان24); 1 picture needed)`,
    `Created ${english} (draft; dateline WASHINGTON (AP))`,
  ]);
  const ar = await fieldsOf(arabic);
  assert.deepEqual([ar.lang, ar.section, ar.author, ar.dateline], ["ar", "العالم", "كوردستان 24", { place: "أربيل", source: "كوردستان 24" }]);
  const ckb = await fieldsOf(sorani);
  assert.deepEqual([ckb.lang, ckb.section, ckb.author], ["ckb", "جیهان", "کوردستان24"]);
  assert.match(await read(sorani), /\n---\n\n::: picture-needed\nسەرۆکی هەرێم لە کاتی پێشوازیکردن لە شاندەکە\. \(وێنە: کوردستان24\)\n:::\n\nسەرۆکی هەرێمی کوردستان ڕۆژی یەکشەممە/);
  const en = await fieldsOf(english);
  assert.deepEqual([en.lang, en.section, en.summary, en.dateline], [undefined, "World", "The appointment follows months of talks.", { place: "WASHINGTON", source: "AP" }]);
  assert.ok((await read(english)).endsWith("\n---\n\nThe Pentagon named an envoy on Monday.\n"));
  for (const refused of ["empty", "report", "no-headline"]) assert.ok(!run.stdout.includes(refused));
});

test("never over a story: the same import again writes nothing (exit 0); another import in its place is refused (exit 1), the file untouched; a section the edition lacks is refused", async () => {
  const file = "content/ar/world/رئيس-الإقليم-يستقبل-وفداً-من-بغداد-في-أربيل/index.md";
  const before = await read(file);
  const same = await runImport(["wire", "inbox/arbil-arabic.txt", "--section", "World", "--now", NOW]);
  assert.equal(same.code, 0, same.stderr);
  assert.equal(same.stdout, `inbox/arbil-arabic.txt: ${file} is already there, the same: nothing written\n`);
  const later = await runImport(["wire", "inbox/arbil-arabic.txt", "--section", "العالم", "--now", "2026-01-29T09:00:00+03:00"]);
  assert.equal(later.code, 1);
  assert.equal(later.stderr, `inbox/arbil-arabic.txt: ${file} is already there: nothing written (the story there is left as it is)\n`);
  assert.equal(await read(file), before);
  // A section without a name in the story's edition: it would not build; nothing is written.
  const untranslated = await runImport(["wire", "inbox/hewler-sorani.txt", "--section", "Culture", "--now", NOW]);
  assert.equal(untranslated.code, 1);
  assert.equal(untranslated.stderr, 'inbox/hewler-sorani.txt: the section "Culture" has no name in کوردی yet: add translations.ckb to it in content/_data/sections.yaml; nothing written\n');
});

test("--author and a section named in another edition; pictures by order, a figure placed where its caption stood when it carries alt text", async () => {
  await mkdir(path.join(root, "inbox/duhok"));
  await picture("inbox/duhok/b.jpg");
  await picture("inbox/duhok/a.jpg", { en: "A yellow snowplough pushes snow off a mountain road." });
  const run = await runImport(["wire", "inbox/duhok-snow-afp.txt", "--section", "جیهان", "--author", "Shilan Rashid", "--images", "inbox/duhok", "--now", NOW]);
  assert.equal(run.code, 0, run.stderr);
  const file = "content/world/heavy-snow-cuts-roads-to-mountain-villages-in-duhok/index.md";
  assert.equal(run.stdout.split("\n")[0], `Created ${file} (draft; dateline DUHOK, Kurdistan Region (AFP); 1 picture, 1 picture needed)`);
  const fields = await fieldsOf(file);
  assert.deepEqual([fields.section, fields.author, fields.image], ["World", "Shilan Rashid", undefined]);
  const text = await read(file);
  assert.ok(text.includes("leaving families without fuel deliveries.\n\n![](./a.jpg \"A snowplough clears the road to Amedi on Sunday. (Photo: AFP)\")\n\n\"We have never seen it like this,\""), text);
  assert.ok(text.includes("The weather service expects more snow on Tuesday (AFP).\n\nOfficials said"), "a paragraph ending in (AFP) is text");
  assert.ok(text.includes("\n\n::: picture-needed b.jpg\nFamilies wait for a fuel truck outside Zakho. (Photo: Rudaw)\n:::\n\n"));
});

test("a caption waiting for its picture: a warning in the draft, an error once published; done as asked, the site checks and builds", async () => {
  const block = await lineOf(SUMMIT, "::: picture-needed");
  const words = `body: warning: a picture is needed here (the caption: "Russian armour on the road out of Qamishlo. (Photo: AFP)"): put it beside the story and write ![what it shows](./moscow-summit-2.jpg "the caption") in place of this block`;
  const draft = await check();
  assert.ok(draft.stdout.includes(`${SUMMIT}:${block}: ${words}\n`), draft.stdout);

  await editFile(path.join(root, SUMMIT), (t) => t.replace(/^draft: true\n/m, ""));
  const published = await check();
  assert.equal(published.code, 1);
  assert.ok(published.stdout.includes(`${SUMMIT}:${block - 1}: ${words.replace("warning: ", "")}; until then the story cannot be published: keep \`draft: true\`\n`), published.stdout);

  // The editor writes the alt text in place of the block.
  await editFile(path.join(root, SUMMIT), (t) =>
    t.replace(/::: picture-needed moscow-summit-2\.jpg\n(.*)\n:::/, '![Three tanks on low loaders on a desert road at dawn.](./moscow-summit-2.jpg "$1")'),
  );
  const done = await check();
  assert.equal(done.code, 0, done.stdout);
  assert.deepEqual(done.stdout.split("\n").filter((line) => line.startsWith(SUMMIT) && !line.includes(": warning: ")), []);
  assert.ok(!done.stdout.includes("picture is needed here (the caption: \"Russian armour"));

  // Built with the drafts: the published story has both pictures; a draft shows its waiting captions.
  await buildFixture(root, { drafts: true });
  const page = await read("_site/middle-east/syrias-leader-flies-to-moscow-for-talks-with-putin/index.html");
  assert.match(page, /<span class="dateline">ERBIL \(Kurdistan24\)<\/span>\u00a0– Syria’s president Ahmed al-Sharaa reached Moscow/);
  assert.match(page, /alt="A drawing of two men in suits shaking hands before two flags\."/);
  assert.match(page, /alt="Three tanks on low loaders on a desert road at dawn\."/);
  assert.ok(!page.includes("picture-needed"));
  const waiting = await read("_site/world/heavy-snow-cuts-roads-to-mountain-villages-in-duhok/index.html");
  assert.match(waiting, /<p class="picture-needed"><strong>Picture needed:<\/strong> Families wait for a fuel truck outside Zakho\. \(Photo: Rudaw\)<\/p>/);
});

test("usage: no kind or an unknown one prints the usage of all (exit 2); wire without a file too; --help exits 0", async () => {
  for (const args of [[], ["telex"], ["wire"], ["wire", "inbox/moscow-summit.txt", "--sektion", "World"]]) {
    const run = await runImport(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, /Usage: npm run import -- (wire FILE…|<kind>)/, args.join(" "));
  }
  const help = await runImport(["wire", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--images DIR/);
});
