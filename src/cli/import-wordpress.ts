/**
 * `npm run import -- wordpress EXPORT.xml [--uploads DIR] [--redirects FILE]`: a WordPress export
 * (WXR, Tools → Export) into story folders, where `npm run new` would put them, never over a story an
 * editor changed, the same files again when run again.
 *
 * The export is read as a stream twice (src/import/wordpress-export.ts): first for its attachments,
 * which WordPress may list after the posts that show them (kept as a small map: id → address, file,
 * alt text, caption), then for the posts, each converted (src/import/wordpress-story.ts) and written
 * (src/import/story-files.ts) before the next is read, its redirects written as it goes. Memory grows
 * with the number of attachments and of addresses (a few hundred bytes each), not with the posts' text.
 *
 * The report says what was imported and what the editor must supply: sections to declare, pictures
 * the uploads folder did not have, pictures without alt text, embeds without a caption, the HTML left
 * out. Exit codes: 0 imported (with whatever the report lists), 1 the export unreadable or the site's
 * data broken, 2 wrong usage.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeStory } from "../import/story-files.ts";
import { emptyChannel, readExport, type ExportChannel } from "../import/wordpress-export.ts";
import { captionWithCredit, htmlText } from "../import/wordpress-html.ts";
import type { Attachment } from "../import/wordpress-pictures.ts";
import { RedirectsWriter } from "../import/wordpress-redirects.ts";
import { postToStory, skippedKind, type ClaimAddress, type PostContext } from "../import/wordpress-story.ts";
import { StoryUrls } from "../import/story-urls.ts";
import { ImportReport } from "../import/wordpress-report.ts";
import { shownPath } from "../shared/errors.ts";
import { openProject, type Project } from "../source/project.ts";
import { loadEditions, type Edition } from "../site/editions.ts";
import { loadSections, type SectionsByEdition } from "../site/sections.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import type { CommandIo } from "./command-io.ts";
import { Refusal, runWritingCommand } from "./refusal.ts";

export const WORDPRESS_USAGE = `Usage: npm run import -- wordpress EXPORT.xml [options]

Turns a WordPress export (Tools → Export → All content) into story folders at
content/<section>/<slug>/index.md: published posts as stories, drafts as drafts. Pages,
attachments, revisions and menu items are skipped. Never overwrites a story an editor changed;
run again, it writes the same files (and nothing new).

Options:
  --uploads DIR      the site's wp-content/uploads folder from a backup: pictures are copied from
                     it (nothing is downloaded); one it lacks is listed and waits in the story
  --redirects FILE   writes FILE as a _redirects file (Netlify, Cloudflare Pages) from every old
                     address to the new one, and FILE.csv with the same as old_url,new_url
  -h, --help         this help`;

/** `npm run import -- wordpress …` with `argv` (after `wordpress`) in `io.cwd`; resolves to the exit code. */
export async function wordpressImport(argv: string[], io: CommandIo & { isTTY?: boolean }): Promise<number> {
  const project = openProject(io.cwd);
  const progress = progressLine(io);
  return runWritingCommand(io, project.root, async () => {
    try {
      return await main(argv, project, io, progress);
    } finally {
      // The bar's line ends before the report, or before what stopped the import.
      progress.done();
    }
  });
}

async function main(argv: string[], project: Project, io: CommandIo, progress: Progress): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { uploads: { type: "string" }, redirects: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${WORDPRESS_USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${WORDPRESS_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new Refusal(`${positionals.length ? "One export at a time" : "Missing the export file"}.\n\n${WORDPRESS_USAGE}`, 2);
  const exportFile = path.resolve(io.cwd, positionals[0]!);
  // Named as the editor typed it (the export is usually outside the project).
  const shown = positionals[0]!;
  if (!existsSync(exportFile) || !statSync(exportFile).isFile()) throw new Refusal(`${shown}: no such file (the export WordPress made: Tools → Export → All content).`);
  const uploads = values.uploads === undefined ? undefined : path.resolve(io.cwd, values.uploads);
  if (uploads !== undefined && !(existsSync(uploads) && statSync(uploads).isDirectory())) throw new Refusal(`--uploads ${values.uploads}: not a folder (give the site's wp-content/uploads).`, 2);

  const site = await loadSiteConfig(project, io.env);
  const editions = loadEditions(site, project.root);
  const sections = await loadSections(project, editions);
  const { channel, attachments, children, guestAuthors } = await firstPass(exportFile, shown, progress);

  // Second pass: the posts, each written before the next is read.
  const ctx: PostContext = { editions, sections, channel, attachments, children, guestAuthors, uploads };
  const report = new ImportReport(shown, channel, uploads === undefined ? undefined : shownPath(io.cwd, uploads));
  const redirects = values.redirects === undefined ? undefined : await RedirectsWriter.open(path.resolve(io.cwd, values.redirects), site.url);
  const claim = addressClaims(project, editions, sections);
  try {
    for await (const item of readExport(exportFile, shown, emptyChannel(), { onBytes: (done, total) => progress("Importing posts", done, total) })) {
      report.comments += item.type === "post" ? item.comments : 0;
      const skipped = skippedKind(item);
      if (skipped) {
        report.skip(skipped);
        continue;
      }
      const post = postToStory(item, ctx, claim);
      const written = await writeStory(project, post.story);
      report.add(post, written);
      // A story left alone keeps its address (it is usually this one, edited since): it keeps its redirects.
      if (!post.story.fields.draft) await redirects?.add(post.oldUrls.map((from) => ({ from, to: post.url })));
    }
  } finally {
    // Stopped or not, the redirects of the stories written so far are in the files.
    const written = await redirects?.close();
    if (written) report.redirects = { ...written, file: shownPath(io.cwd, written.file), csv: shownPath(io.cwd, written.csv) };
  }
  progress.done();
  io.stdout(report.text());
  return 0;
}

/** The first pass: the attachments (and Co-Authors Plus's guest authors), wherever they are in the file. */
async function firstPass(exportFile: string, shown: string, progress: Progress) {
  const channel: ExportChannel = emptyChannel();
  const attachments = new Map<string, Attachment>();
  const children = new Map<string, string[]>();
  const guestAuthors = new Map<string, string>();
  for await (const item of readExport(exportFile, shown, channel, { content: false, onBytes: (done, total) => progress("Reading attachments", done, total) })) {
    if (item.type === "attachment") {
      attachments.set(item.id, {
        url: item.attachmentUrl || item.guid,
        file: item.meta.get("_wp_attached_file") ?? "",
        alt: (item.meta.get("_wp_attachment_image_alt") ?? "").trim(),
        caption: item.excerpt.trim() ? captionWithCredit(htmlText(item.excerpt)) : "",
      });
      if (item.parent && item.parent !== "0") children.set(item.parent, [...(children.get(item.parent) ?? []), item.id]);
    } else if (item.type === "guest-author") {
      const login = item.meta.get("cap-user_login");
      const name = item.meta.get("cap-display_name");
      if (login && name) guestAuthors.set(login.trim(), name.trim());
    }
  }
  return { channel, attachments, children, guestAuthors };
}

/**
 * Addresses as this import takes them: one that a story in content/ has is taken, unless that story
 * is in the very folder this import writes (an earlier run's, or an editor's edit of it); one taken
 * earlier in this run is taken.
 */
function addressClaims(project: Project, editions: readonly Edition[], sections: SectionsByEdition): ClaimAddress {
  const existing = new StoryUrls(project, editions, sections);
  const claimed = new Set<string>();
  return (edition, sectionSlug, slug) => {
    const key = `${edition.code}\0${sectionSlug}\0${slug}`;
    const folder = path.join(project.contentDir, edition.segment, sectionSlug, slug);
    const file = existing.fileAt(edition, sectionSlug, slug);
    const own = file === undefined || [path.join(folder, "index.md"), `${folder}.md`].some((f) => shownPath(project.root, f) === file);
    if (claimed.has(key) || !own) return false;
    claimed.add(key);
    return true;
  };
}

type Progress = ((step: string, done: number, total: number) => void) & { done(): void };

/** One rewritten line on a terminal, as `npm run build` shows its steps; nothing in tests and CI logs. */
function progressLine(io: CommandIo & { isTTY?: boolean }): Progress {
  let shown = "";
  const update = (step: string, done: number, total: number) => {
    if (!io.isTTY) return;
    const share = total ? done / total : 1;
    const width = 30;
    const bar = "█".repeat(Math.round(share * width)).padEnd(width, "░");
    const line = `\r${step.padEnd(20)} ${bar} ${Math.floor(share * 100)}%`;
    if (line !== shown) io.stderr((shown = line));
  };
  return Object.assign(update, {
    done: () => {
      if (io.isTTY && shown) io.stderr("\n");
      shown = "";
    },
  });
}
