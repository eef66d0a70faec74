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
 * Both are written as the posts are imported, a few hundred lines at a time: an archive's redirects
 * held until the end were most of what the import kept (~0.4 KB a post).
 *
 * https://docs.netlify.com/routing/redirects/ and https://developers.cloudflare.com/pages/configuration/redirects/
 */
import { open, type FileHandle } from "node:fs/promises";

export interface Redirect {
  /** The old address, as the export gives it. */
  readonly from: string;
  /** The new path, with the site's prefix (`/news/middle-east/slug/`). */
  readonly to: string;
}

/** The `_redirects` line for a redirect, or why it has none. */
export function redirectLine(r: Redirect): string | "query" | "same" | "not an address" {
  let from: URL;
  try {
    from = new URL(r.from);
  } catch {
    return "not an address";
  }
  if (from.search) return "query";
  if (samePath(from.pathname, r.to)) return "same";
  return `${from.pathname} ${r.to} 301`;
}

/** The CSV row for a redirect: the new address in full. */
export function csvRow(r: Redirect, siteUrl: string): string {
  return `${csvField(r.from)},${csvField(new URL(siteUrl).origin + r.to)}`;
}

/** Writes `file` in `_redirects` syntax and the CSV beside it (`file` ending in .csv: the other way round). */
export class RedirectsWriter {
  private lines = 0;
  private rows = 0;
  private queries = 0;
  private pending: { text: string[]; csv: string[] } = { text: [], csv: [] };

  private constructor(
    readonly file: string,
    readonly csv: string,
    private readonly handles: { text: FileHandle; csv: FileHandle },
    private readonly siteUrl: string,
  ) {}

  static async open(file: string, siteUrl: string): Promise<RedirectsWriter> {
    const csv = /\.csv$/i.test(file) ? file : `${file}.csv`;
    const plain = /\.csv$/i.test(file) ? file.replace(/\.csv$/i, "") : file;
    const handles = { text: await open(plain, "w"), csv: await open(csv, "w") };
    const writer = new RedirectsWriter(plain, csv, handles, siteUrl);
    writer.pending.text.push(
      "# From the WordPress import (npm run import -- wordpress): the old site's addresses → the new ones.",
      `# Netlify and Cloudflare Pages read this file at the top of the published folder; new site: ${siteUrl}`,
    );
    writer.pending.csv.push("old_url,new_url");
    return writer;
  }

  /** A story's old addresses (each once) → its new path. */
  async add(redirects: readonly Redirect[]): Promise<void> {
    for (const r of redirects) {
      const line = redirectLine(r);
      if (line === "query") this.queries++;
      else if (line !== "same" && line !== "not an address") {
        this.pending.text.push(line);
        this.lines++;
      }
      this.pending.csv.push(csvRow(r, this.siteUrl));
      this.rows++;
    }
    if (this.pending.csv.length >= 500) await this.flush();
  }

  /** The last lines, and how many each file holds. */
  async close(): Promise<{ file: string; lines: number; csv: string; rows: number }> {
    if (this.queries) this.pending.text.push(`# ${this.queries} address${this.queries === 1 ? "" : "es"} with a query (?p=123) cannot be redirected here: see the CSV beside this file.`);
    await this.flush();
    await this.handles.text.close();
    await this.handles.csv.close();
    return { file: this.file, lines: this.lines, csv: this.csv, rows: this.rows };
  }

  private async flush(): Promise<void> {
    const { text, csv } = this.pending;
    this.pending = { text: [], csv: [] };
    if (text.length) await this.handles.text.write(`${text.join("\n")}\n`);
    if (csv.length) await this.handles.csv.write(`${csv.join("\n")}\n`);
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

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
