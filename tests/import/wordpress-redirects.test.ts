/** The old site's addresses → the new ones (src/import/wordpress-redirects.ts): `_redirects` as Netlify and Cloudflare Pages read it, and a CSV. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { RedirectsWriter, type Redirect } from "../../src/import/wordpress-redirects.ts";
import { tempDirFor } from "../support/temp-dir.ts";

const dir = tempDirFor("dateline-redirects-");
const ferry: Redirect[] = [
  { from: "https://ledger.example.org/2026/01/ferry-service-resumes/", to: "/world/ferry-service-resumes/" },
  { from: "https://ledger.example.org/?p=11", to: "/world/ferry-service-resumes/" },
];
const others: Redirect[] = [
  { from: "https://ledger.example.org/ar/2026/01/%d8%ac%d8%b3%d8%b1/", to: "/ar/world/%D8%AC%D8%B3%D8%B1/" },
  { from: "https://ledger.example.org/world/same-address", to: "/world/same-address/" },
  { from: "https://ledger.example.org/a,b/", to: "/world/a-b/" },
];

async function written(name: string): Promise<{ counts: Awaited<ReturnType<RedirectsWriter["close"]>>; text: string; csv: string }> {
  const writer = await RedirectsWriter.open(path.join(dir, name), "https://news.example.org/");
  await writer.add(ferry);
  await writer.add(others);
  const counts = await writer.close();
  return { counts, text: await readFile(counts.file, "utf8"), csv: await readFile(counts.csv, "utf8") };
}

test("_redirects: one path a line with 301, percent-encoded; ?p= addresses and unchanged ones left out and said so", async () => {
  const { text, counts } = await written("_redirects");
  assert.equal(
    text,
    [
      "# From the WordPress import (npm run import -- wordpress): the old site's addresses → the new ones.",
      "# Netlify and Cloudflare Pages read this file at the top of the published folder; new site: https://news.example.org/",
      "/2026/01/ferry-service-resumes/ /world/ferry-service-resumes/ 301",
      "/ar/2026/01/%d8%ac%d8%b3%d8%b1/ /ar/world/%D8%AC%D8%B3%D8%B1/ 301",
      "/a,b/ /world/a-b/ 301",
      "# 1 address with a query (?p=123) cannot be redirected here: see the CSV beside this file.",
      "",
    ].join("\n"),
  );
  assert.deepEqual(counts, { file: path.join(dir, "_redirects"), lines: 3, csv: path.join(dir, "_redirects.csv"), rows: 5 });
});

test("the CSV: every old address, the new one in full, fields with commas quoted; a name ending in .csv is the CSV's", async () => {
  const { csv, counts } = await written("moved.csv");
  assert.equal(counts.file, path.join(dir, "moved"));
  assert.equal(
    csv,
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
