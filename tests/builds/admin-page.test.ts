/**
 * /admin/ in the sample site's build (tests/support/editions-site.ts): the editing form's page, its
 * generated config.yml and its scripts, from the project's own files. The page is never indexed and
 * is in no sitemap, feed or search index; `admin: false` in site.yaml leaves it out.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, test } from "node:test";
import { HtmlValidate } from "html-validate";
import { parse } from "yaml";
import { buildEditionsSite, site } from "../support/editions-site.ts";
import { buildFixture, makeFixtureSite, removeSite } from "../support/fixture-site.ts";

buildEditionsSite();

const read = (p: string) => readFileSync(path.join(site, p), "utf8");
const sri = (data: Buffer) => `sha384-${createHash("sha384").update(data).digest("base64")}`;

test("/admin/ holds the form's page, its config.yml, Decap CMS with its chunks and Dateline's script, each script with its SRI hash", () => {
  const html = read("admin/index.html");
  assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
  assert.match(html, /<link href="config.yml" type="text\/yaml" rel="cms-config-url">/);
  for (const name of ["decap-cms.js", "dateline-cms.js"]) {
    const integrity = new RegExp(`<script src="${name}" integrity="([^"]+)">`).exec(html)?.[1];
    assert.equal(integrity, sri(readFileSync(path.join(site, "admin", name))), `${name}'s integrity is the file's own hash`);
  }
  assert.doesNotMatch(html, /https?:\/\/(?!news\.example\.org)[^"]*\.js/, "no script from another host");
  const chunks = readdirSync(path.join(site, "admin")).filter((f) => /^\d+\.decap-cms\.js$/.test(f));
  assert.ok(chunks.length > 10, `Decap's chunks beside it: ${chunks.length}`);
  const config = parse(read("admin/config.yml")) as { collections: { name: string }[] };
  assert.deepEqual(config.collections.map((c) => c.name), ["stories-en", "desk-en", "stories-ckb", "desk-ckb", "stories-ar", "desk-ar"]);
});

test("the form's page is valid HTML", async () => {
  const validator = new HtmlValidate({ extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"], rules: { "no-trailing-whitespace": "off" } });
  const result = await validator.validateString(read("admin/index.html"), "admin/index.html");
  const messages = result.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`));
  assert.deepEqual(messages, []);
});

test("/admin/ is in no sitemap, feed or search index", () => {
  const files = readdirSync(site, { recursive: true }).map(String);
  const listings = files.filter((f) => /(sitemap[^/]*\.xml|feed\.xml|atom\.xml|feed\.json)$/.test(f));
  assert.ok(listings.length >= 6);
  for (const f of listings) assert.doesNotMatch(read(f), /\/admin\//, `${f} names /admin/`);
  // Pagefind indexes only pages marked data-pagefind-body (the stories), once any page is.
  assert.match(read("middle-east/al-sharaa-moscow-putin/index.html"), /data-pagefind-body/);
  assert.doesNotMatch(read("admin/index.html"), /data-pagefind-body/);
});

let root: string | undefined;
after(async () => {
  if (root) await removeSite(root);
});

test("admin: false in site.yaml leaves /admin/ out, and removes it from an output it was in", async () => {
  root = await makeFixtureSite();
  await buildFixture(root);
  assert.ok(existsSync(path.join(root, "_site/admin/index.html")), "built with the form by default");
  const siteYaml = path.join(root, "content/_data/site.yaml");
  await writeFile(siteYaml, `${await readFile(siteYaml, "utf8")}\nadmin: false\n`);
  await buildFixture(root);
  assert.equal(existsSync(path.join(root, "_site/admin")), false);
});
