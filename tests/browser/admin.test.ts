/**
 * Editing in the browser, for real: `npm run edit` in a copy of the fixture site starts the preview
 * and Decap CMS's local backend; Chromium (Debian's) drives the generated /admin/ form; what the form
 * saves lands in content/, where `npm run new` would put it, and `npm run check` and the build accept
 * it. Also: an RTL edition's form, a headline with a colon and quotes, and an edited story's comments.
 * Every wait is on what is asserted: a line printed, a file written, an element shown.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile, mkdir } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { splitSource, isProblem } from "../../src/source/frontmatter.ts";
import { browserSkipReason, launchBrowser, screenshot } from "../support/browser.ts";
import { buildFixture, jpeg, makeFixtureSite, removeSite, REPO } from "../support/fixture-site.ts";
import { runCli } from "../support/run-cli.ts";

const HEADLINE = 'Erbil: "talks" resume after a year';
const SLUG = "erbil-talks-resume-after-a-year";
/** An existing story with comments in its frontmatter, edited in the form. */
const COMMENTED = `---
# Kept by the desk: the wire's reference.
title: "Flights resume at Erbil airport"
summary: "The first flights in two days left Erbil on Tuesday."   # checked with the airport
date: 2026-01-27 08:00
author: Dilan Example
section: World
# tags: [Aviation]
---

The first flight left at dawn.
`;

describe("editing in the browser with npm run edit", { skip: browserSkipReason() }, () => {
  let root: string;
  let edit: ChildProcess;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let printed = "";
  let resolveExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<number | null>((resolve) => (resolveExit = resolve));

  before(async () => {
    root = await makeFixtureSite();
    await cp(path.join(REPO, "assets"), path.join(root, "assets"), { recursive: true });
    await mkdir(path.join(root, "content/world/flights-resume"), { recursive: true });
    await writeFile(path.join(root, "content/world/flights-resume/index.md"), COMMENTED);
    const [port, backendPort] = await freePorts(2);
    edit = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(REPO, "src/cli/edit.ts"), `--port=${port}`, `--backend-port=${backendPort}`], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env },
    });
    edit.stdout!.on("data", (d: Buffer) => (printed += d.toString()));
    edit.stderr!.on("data", (d: Buffer) => (printed += d.toString()));
    edit.on("exit", (code) => resolveExit(code));
    base = `http://localhost:${port}/`;
    // Both up: the backend's line, and the preview's first build on disk.
    await until(() => printed.includes("[dateline] Editing: open") && printed.includes("Server at") && existsSync(path.join(root, "_site/admin/config.yml")), () => printed);
    browser = await launchBrowser();
    // Another zone than the site's (Asia/Baghdad): a time typed here is saved with the site's offset.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/London", reducedMotion: "reduce" });
  });
  after(async () => {
    await browser?.close();
    if (edit && edit.exitCode === null) edit.kill("SIGTERM");
    if (root) await removeSite(root);
  });

  async function openForm(hash: string): Promise<Page> {
    assert.equal(edit.exitCode, null, `npm run edit is still running; it printed:\n${printed}`);
    const page = await context.newPage();
    await page.goto(`${base}admin/`);
    // The first visit signs in to the local backend; later ones in the same context are signed in.
    const login = page.getByRole("button", { name: "Login" });
    const signedIn = page.getByRole("link", { name: "Stories in English" }).first();
    await login.or(signedIn).first().waitFor();
    if (await login.isVisible()) await login.click();
    await page.getByRole("link", { name: "Stories in English" }).first().waitFor();
    await page.goto(`${base}admin/${hash}`);
    return page;
  }

  test("a story written in the form, with its picture, caption and credit, is saved where `npm run new` puts it, and check and build accept it", async () => {
    const page = await openForm("#/collections/stories-en/new");
    await page.getByLabel("Headline").fill(HEADLINE);
    await page.getByLabel("Standfirst").fill("Negotiators from Baghdad and Erbil met again on Thursday, a year after the last round.");
    await page.getByLabel("Published").fill("2026-01-29T09:30");
    await page.getByRole("button", { name: /Add byline/i }).click();
    await page.locator("input[list]").first().fill("Dilan Example");
    await page.getByLabel("Section").click();
    await page.getByText("Middle East", { exact: true }).last().click();
    // The picture: uploaded through Decap's media library, then chosen.
    const picture = path.join(root, "upload-talks.jpg");
    await jpeg(picture, 1400, 800, "#2a6f97");
    await page.getByRole("button", { name: /Choose an image/i }).click();
    await page.locator('input[type="file"]').setInputFiles(picture);
    await page.getByRole("button", { name: /Choose selected/i }).click();
    await page.getByLabel("Alt text").fill("Delegates around a long table in Erbil.");
    await page.getByLabel("Caption").fill("The delegations at the start of the talks.");
    await page.getByLabel("Credit").fill("Fixture Wire");
    await page.getByLabel("Draft").click();
    // The body is Markdown as written (the raw editor, a contenteditable field): typed as an editor types.
    await page.locator('[aria-label="markdown field"] [contenteditable="true"]').click();
    await page.keyboard.type("The talks resumed on Thursday, officials said.\n\n## What is on the table\n\nOil exports and salaries.");
    await screenshot(page, "admin new story 1280");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("menuitem", { name: /Publish now/i }).click();

    const file = path.join(root, "content/middle-east", SLUG, "index.md");
    await until(() => existsSync(file), () => printed);
    const text = await readFile(file, "utf8");
    const source = splitSource(file, text);
    assert.ok(!isProblem(source), `the YAML the form wrote parses: ${JSON.stringify(source)}`);
    const data = source.data as Record<string, unknown>;
    assert.equal(data.title, HEADLINE);
    assert.equal(data.section, "Middle East", "the section by its name, as npm run new writes it");
    assert.equal(data.date, "2026-01-29T12:30:00+03:00", "09:30 in London is 12:30 in Baghdad: saved with the site's offset");
    assert.equal(data.slug, SLUG);
    assert.equal(data.draft, false);
    const image = data.image as Record<string, string>;
    assert.deepEqual({ alt: image.alt, caption: image.caption, credit: image.credit }, { alt: "Delegates around a long table in Erbil.", caption: "The delegations at the start of the talks.", credit: "Fixture Wire" });
    assert.ok(existsSync(path.join(path.dirname(file), image.src!)), `the picture is saved beside the story: ${image.src}`);

    const check = await runCli("check", [], { cwd: root, env: { ...process.env } });
    assert.equal(check.code, 0, `npm run check accepts what the form saved:\n${check.stdout}${check.stderr}`);
    await buildFixture(root, { now: "2026-01-30T12:00:00+03:00" }, "_built");
    const html = await readFile(path.join(root, "_built/middle-east", SLUG, "index.html"), "utf8");
    assert.match(html, /Erbil: (&quot;|")talks(&quot;|") resume after a year|Erbil: “talks” resume after a year/);
    assert.match(html, /The delegations at the start of the talks\./);
    assert.match(html, /Fixture Wire/);
    await page.close();
  });

  test("an RTL edition's form: labels in Sorani, text right to left", async () => {
    const page = await openForm("#/collections/stories-ckb/new");
    const label = page.locator("label", { hasText: "مانشێت" }).first();
    await label.waitFor();
    assert.equal(await label.evaluate((el) => getComputedStyle(el).direction), "rtl");
    const input = page.getByLabel("مانشێت");
    await input.fill("گفتوگۆکان لە هەولێر دەستیان پێکردەوە");
    assert.equal(await input.evaluate((el) => getComputedStyle(el).direction), "rtl", "Sorani text runs right to left");
    await page.getByLabel("ناونیشانی هەواڵ (slug)").fill("erbil-talks");
    assert.equal(await page.getByLabel("ناونیشانی هەواڵ (slug)").evaluate((el) => getComputedStyle(el).direction), "ltr", "a Latin slug stays left to right");
    await screenshot(page, "admin new ckb story 1280");
    await page.close();
  });

  test("an edited story keeps its comments and every line the form did not change", async () => {
    const page = await openForm("#/collections/stories-en/entries/world/flights-resume/index");
    const standfirst = page.getByLabel("Standfirst");
    await standfirst.waitFor();
    await standfirst.fill("The first flights in two days left Erbil on Tuesday morning.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("menuitem", { name: /Publish now/i }).click();
    const file = path.join(root, "content/world/flights-resume/index.md");
    await until(async () => (await readFile(file, "utf8")) !== COMMENTED, () => printed);
    const text = await readFile(file, "utf8");
    const expected = COMMENTED.replace('summary: "The first flights in two days left Erbil on Tuesday."   # checked with the airport', "");
    for (const line of expected.split("\n").filter((l) => l.trim())) assert.ok(text.includes(line), `kept: ${line}\n---\n${text}`);
    assert.match(text, /summary: The first flights in two days left Erbil on Tuesday morning\./);
    assert.doesNotMatch(text, /^lang:/m, "a field the form only filled in is not added");
    await page.close();
  });

  test("the breaking-news bar is put up from the desk's form: breaking.yaml is written with the site's offset, and the preview shows the bar", async () => {
    const page = await openForm("#/collections/desk-en/entries/breaking-en");
    await page.getByLabel("Text").fill("Polls close across the region at six");
    await page.locator("input[type=datetime-local]").fill("2030-02-01T15:00");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("menuitem", { name: /Publish now/i }).click();
    const file = path.join(root, "content/_data/breaking.yaml");
    await until(() => existsSync(file), () => printed);
    assert.equal(await readFile(file, "utf8"), "text: Polls close across the region at six\nuntil: 2030-02-01T18:00:00+03:00\n", "15:00 in London is 18:00 in Baghdad");
    // The preview (on the real clock, before 2030) rebuilds with the bar on its front page.
    await until(async () => (await readFile(path.join(root, "_site/index.html"), "utf8")).includes("Polls close across the region at six"), () => printed);
    await page.close();
  });

  test("stopping npm run edit stops the preview and the backend", async () => {
    edit.kill("SIGINT");
    await exited;
    const [port, backendPort] = [Number(new URL(base).port), Number(/--backend-port=(\d+)/.exec(edit.spawnargs.join(" "))![1])];
    for (const p of [port, backendPort]) assert.equal(await listening(p), false, `nothing listens on ${p} any more`);
  });
});

/** Resolves once `check` is true, asking again after each turn of the event loop's timers. */
async function until(check: () => boolean | Promise<boolean>, say: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    if (await check()) return;
    if (i > 1200) throw new Error(`gave up waiting; printed:\n${say()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freePorts(n: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, () => new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    })),
  );
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });
}
