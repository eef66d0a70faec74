/**
 * The map from the old site's addresses to the new ones, in two formats:
 *
 * - `_redirects`, as Netlify and Cloudflare Pages read it: `/old/path/ /new/path/ 301`, one a line,
 *   paths only (the domain stays), percent-encoded as both hosts ask. WordPress's `?p=123` addresses
 *   cannot be in it: Netlify matches a query parameter only with a placeholder (`/ p=:id …`), never
 *   one value, and Cloudflare Pages does not match queries at all; they are in the CSV, and the file
 *   says how many were left out. An address that stays the same is left out (it would loop).
 * - a CSV, `old_url,new_url`, every address in full, for any other host or a spreadsheet.
 *
 * https://docs.netlify.com/routing/redirects/ and https://developers.cloudflare.com/pages/configuration/redirects/
 */
import { writeFile } from "node:fs/promises";

export interface Redirect {
  /** The old address, as the export gives it. */
  readonly from: string;
  /** The new path, with the site's prefix (`/news/middle-east/slug/`). */
  readonly to: string;
}

/** The `_redirects` file's text for `redirects` on a site at `siteUrl`. */
export function redirectsFile(redirects: readonly Redirect[], siteUrl: string): string {
  const lines: string[] = [];
  let queries = 0;
  for (const r of redirects) {
    const from = parse(r.from);
    if (!from) continue;
    if (from.search) {
      queries++;
      continue;
    }
    if (samePath(from.pathname, r.to)) continue;
    lines.push(`${from.pathname} ${r.to} 301`);
  }
  const header = [
    "# From the WordPress import (npm run import -- wordpress): the old site's addresses → the new ones.",
    `# Netlify and Cloudflare Pages read this file at the top of the published folder; new site: ${siteUrl}`,
  ];
  if (queries) header.push(`# ${queries} address${queries === 1 ? "" : "es"} with a query (?p=123) cannot be redirected here: see the CSV beside this file.`);
  return `${[...header, ...unique(lines)].join("\n")}\n`;
}

/** The CSV's text: `old_url,new_url`, the new address in full. */
export function redirectsCsv(redirects: readonly Redirect[], siteUrl: string): string {
  const origin = new URL(siteUrl).origin;
  const rows = redirects.map((r) => `${csvField(r.from)},${csvField(origin + r.to)}`);
  return `old_url,new_url\n${unique(rows).join("\n")}\n`;
}

/**
 * Writes both: `file` in `_redirects` syntax and the CSV beside it (`file` ending in .csv: the other
 * way round); says where, and how many lines each holds.
 */
export async function writeRedirects(file: string, redirects: readonly Redirect[], siteUrl: string): Promise<{ file: string; lines: number; csv: string; rows: number }> {
  const csv = /\.csv$/i.test(file) ? file : `${file}.csv`;
  const plain = /\.csv$/i.test(file) ? file.replace(/\.csv$/i, "") : file;
  const text = redirectsFile(redirects, siteUrl);
  const table = redirectsCsv(redirects, siteUrl);
  await writeFile(plain, text);
  await writeFile(csv, table);
  const count = (t: string) => t.split("\n").filter((line) => line && !line.startsWith("#")).length;
  return { file: plain, lines: count(text), csv, rows: count(table) - 1 };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The same page: `/a/b` and `/a/b/`, percent-encoding aside. */
function samePath(a: string, b: string): boolean {
  const norm = (p: string) => {
    try {
      return decodeURI(p).replace(/\/+$/, "");
    } catch {
      return p.replace(/\/+$/, "");
    }
  };
  return norm(a) === norm(b);
}

function unique(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
