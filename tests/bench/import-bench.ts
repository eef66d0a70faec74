/**
 * `npm run bench -- --import 20000`: the WordPress import at archive scale. Writes a WordPress export
 * of N posts (the benchmark's synthetic ~800-word stories as WordPress stores them: half from the
 * classic editor, paragraphs as blank lines, half as Gutenberg blocks; every tenth with a featured
 * picture and a [caption] figure; the attachments after the posts, as WordPress lists them) and an
 * uploads folder, then times `npm run import -- wordpress` on it in a site of the benchmark's
 * sections, as its own process, and once more on the stories it wrote (every story unchanged).
 * Prints the time, the process's peak memory (maxRSS) and the bound README states.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { link, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticArticle, writeSyntheticSiteData } from "./synthetic.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

/** The bound README states for an import of 20,000 posts: the import process's peak memory. */
export const IMPORT_MEMORY_BOUND_MB = 350;

interface Run {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

export async function benchImport(n: number, work: string, pictures: readonly string[]): Promise<void> {
  const site = path.join(work, `import-${n}`);
  console.log(`\nWordPress import of ${n} posts: writing the export in ${site} …`);
  await writeSyntheticSiteData(path.join(site, "content"));
  const uploads = path.join(site, "uploads");
  const exportFile = path.join(site, "export.xml");
  await writeExport(exportFile, uploads, n, pictures);
  const size = (await stat(exportFile)).size / 1024 / 1024;

  const args = ["wordpress", "export.xml", "--uploads", "uploads", "--redirects", "_redirects"];
  const first = await timedImport(site, args);
  const again = await timedImport(site, args);
  const written = /stories: \d+ \((\d+) written/.exec(first.stdout)?.[1];
  const unchanged = /stories: \d+ \(\d+ written, (\d+) unchanged/.exec(again.stdout)?.[1];
  const within = first.maxRssMb <= IMPORT_MEMORY_BOUND_MB && again.maxRssMb <= IMPORT_MEMORY_BOUND_MB;
  console.log(`
| posts | export | import | peak memory | run again | peak memory |
|---|---|---|---|---|---|
| ${n.toLocaleString("en")} | ${size.toFixed(0)} MB | ${first.seconds.toFixed(2)} s (${written} stories written) | ${first.maxRssMb.toFixed(0)} MB | ${again.seconds.toFixed(2)} s (${unchanged} unchanged) | ${again.maxRssMb.toFixed(0)} MB |

Bound (README, at 20,000 posts): ${IMPORT_MEMORY_BOUND_MB} MB: ${within ? "within" : "EXCEEDED"}`);
  if (!within) process.exitCode = 1;
}

/** The import as its own process, with its peak memory (peak-memory.mjs prints it on exit). */
function timedImport(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", path.join(here, "peak-memory.mjs"), "--import", import.meta.resolve("tsx"), path.join(repo, "src/cli/import.ts"), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`import failed (${code}):\n${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, stdout });
    });
  });
}

/** The export, written as a stream (it runs to hundreds of megabytes), and the uploads its pictures come from. */
async function writeExport(file: string, uploads: string, n: number, pictures: readonly string[]): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench Times</title>
	<link>https://old.bench.example.org</link>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_blog_url>https://old.bench.example.org</wp:base_blog_url>
${Array.from({ length: 40 }, (_, i) => `	<wp:author><wp:author_login><![CDATA[reporter${i}]]></wp:author_login><wp:author_display_name><![CDATA[Reporter ${i}]]></wp:author_display_name></wp:author>`).join("\n")}
`);
  await mkdir(path.join(uploads, "2025/12"), { recursive: true });
  const pictured: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = syntheticArticle(i);
    // As WordPress makes them: from the headline (real slugs run to 40–80 characters).
    const slug = a.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const date = a.date.replace("T", " ").replace("+00:00", "");
    const withPicture = i % 10 === 0;
    if (withPicture) pictured.push(i);
    const body = withPicture ? `${captioned(i)}\n\n${html(a.body, i % 2 === 0)}` : html(a.body, i % 2 === 0);
    await write(`	<item>
		<title><![CDATA[${a.title}]]></title>
		<link>https://old.bench.example.org/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}/</link>
		<dc:creator><![CDATA[reporter${i % 40}]]></dc:creator>
		<guid isPermaLink="false">https://old.bench.example.org/?p=${i + 1}</guid>
		<content:encoded><![CDATA[${body}]]></content:encoded>
		<excerpt:encoded><![CDATA[${i % 3 === 0 ? "" : a.summary}]]></excerpt:encoded>
		<wp:post_id>${i + 1}</wp:post_id>
		<wp:post_date><![CDATA[${date}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[${date}]]></wp:post_date_gmt>
		<wp:post_modified><![CDATA[${date}]]></wp:post_modified>
		<wp:post_modified_gmt><![CDATA[${date}]]></wp:post_modified_gmt>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[${i % 50 === 7 ? "draft" : "publish"}]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="${a.section.toLowerCase().replace(/ /g, "-")}"><![CDATA[${a.section}]]></category>
${a.tags.map((t) => `		<category domain="post_tag" nicename="${t.toLowerCase()}"><![CDATA[${t}]]></category>`).join("\n")}
${withPicture ? `		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${attachmentId(i, 0)}]]></wp:meta_value></wp:postmeta>` : ""}
	</item>
`);
  }
  // WordPress lists attachments after the posts that show them (by id): the import needs its first pass.
  for (const i of pictured) {
    for (const k of [0, 1]) {
      const name = `picture-${i}-${k}.jpg`;
      await link(pictures[(i + k) % pictures.length]!, path.join(uploads, "2025/12", name));
      await write(`	<item>
		<title><![CDATA[picture ${i} ${k}]]></title>
		<guid isPermaLink="false">https://old.bench.example.org/wp-content/uploads/2025/12/${name}</guid>
		<excerpt:encoded><![CDATA[${k === 0 ? `The scene of story ${i}. Photo: Bench` : ""}]]></excerpt:encoded>
		<wp:post_id>${attachmentId(i, k)}</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>${i + 1}</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://old.bench.example.org/wp-content/uploads/2025/12/${name}]]></wp:attachment_url>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2025/12/${name}]]></wp:meta_value></wp:postmeta>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[A street in the town of story ${i}.]]></wp:meta_value></wp:postmeta>
	</item>
`);
    }
  }
  await write("</channel>\n</rss>\n");
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function attachmentId(i: number, k: number): number {
  return 1_000_000 + i * 2 + k;
}

function captioned(i: number): string {
  return `[caption id="attachment_${attachmentId(i, 1)}" align="aligncenter" width="1024"]<img class="size-large wp-image-${attachmentId(i, 1)}" src="https://old.bench.example.org/wp-content/uploads/2025/12/picture-${i}-1-1024x576.jpg" alt="Traders at a market." /> Traders at the market. Photo: Bench[/caption]`;
}

/** The synthetic Markdown as WordPress stores a post: classic (blank lines) or Gutenberg blocks. */
function html(markdown: string, gutenberg: boolean): string {
  return markdown
    .split("\n\n")
    .map((block) => {
      let element: string;
      if (block.startsWith("## ")) element = `<h2>${block.slice(3)}</h2>`;
      else if (block.startsWith("> ")) element = `<blockquote><p>${block.slice(2)}</p></blockquote>`;
      else if (block.startsWith("- ")) element = `<ul>${block.split("\n").map((li) => `<li>${li.slice(2)}</li>`).join("")}</ul>`;
      else element = gutenberg ? `<p>${block}</p>` : block;
      return gutenberg ? `<!-- wp:paragraph -->\n${element}\n<!-- /wp:paragraph -->` : element;
    })
    .join("\n\n");
}
