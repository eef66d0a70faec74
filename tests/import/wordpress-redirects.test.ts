/** The old site's addresses → the new ones (src/import/wordpress-redirects.ts): `_redirects` as Netlify and Cloudflare Pages read it, and a CSV. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { redirectsCsv, redirectsFile, writeRedirects, type Redirect } from "../../src/import/wordpress-redirects.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const redirects: Redirect[] = [
  { from: "https://ledger.example.org/2026/01/ferry-service-resumes/", to: "/world/ferry-service-resumes/" },
  { from: "https://ledger.example.org/?p=11", to: "/world/ferry-service-resumes/" },
  { from: "https://ledger.example.org/ar/2026/01/%d8%ac%d8%b3%d8%b1/", to: "/ar/world/%D8%AC%D8%B3%D8%B1/" },
  { from: "https://ledger.example.org/world/same-address", to: "/world/same-address/" },
  { from: "https://ledger.example.org/a,b/", to: "/world/a-b/" },
];

test("_redirects: one path a line with 301, percent-encoded; ?p= addresses and unchanged ones left out and said so", () => {
  assert.equal(
    redirectsFile(redirects, "https://news.example.org/"),
    [
      "# From the WordPress import (npm run import -- wordpress): the old site's addresses → the new ones.",
      "# Netlify and Cloudflare Pages read this file at the top of the published folder; new site: https://news.example.org/",
      "# 1 address with a query (?p=123) cannot be redirected here: see the CSV beside this file.",
      "/2026/01/ferry-service-resumes/ /world/ferry-service-resumes/ 301",
      "/ar/2026/01/%d8%ac%d8%b3%d8%b1/ /ar/world/%D8%AC%D8%B3%D8%B1/ 301",
      "/a,b/ /world/a-b/ 301",
      "",
    ].join("\n"),
  );
});

test("the CSV: every old address, the new one in full, fields with commas quoted", () => {
  assert.equal(
    redirectsCsv(redirects, "https://news.example.org/"),
    [
      "old_url,new_url",
      "https://ledger.example.org/2026/01/ferry-service-resumes/,https://news.example.org/world/ferry-service-resumes/",
      "https://ledger.example.org/?p=11,https://news.example.org/world/ferry-service-resumes/",
      "https://ledger.example.org/ar/2026/01/%d8%ac%d8%b3%d8%b1/,https://news.example.org/ar/world/%D8%AC%D8%B3%D8%B1/",
      "https://ledger.example.org/world/same-address,https://news.example.org/world/same-address/",
      '"https://ledger.example.org/a,b/",https://news.example.org/world/a-b/',
      "",
    ].join("\n"),
  );
});

test("both files are written, whichever name is given", async () => {
  const dir = tempDirFor("dateline-redirects-");
  const plain = await writeRedirects(path.join(dir, "_redirects"), redirects, "https://news.example.org/");
  assert.deepEqual(plain, { file: path.join(dir, "_redirects"), lines: 3, csv: path.join(dir, "_redirects.csv"), rows: 5 });
  const csv = await writeRedirects(path.join(dir, "moved.csv"), redirects, "https://news.example.org/");
  assert.equal(csv.file, path.join(dir, "moved"));
  assert.match(await readFile(path.join(dir, "moved.csv"), "utf8"), /^old_url,new_url\n/);
});
