/**
 * Wire copy's parts (src/import/wire-copy.ts) as a draft story (src/import/story-files.ts): the
 * fields, the Markdown body with the pictures at their places, and notes for the editor at the top.
 *
 * Pictures and alt text. Wire copy has no alt text (a page dump's "alt" is the caption again, and
 * alt text is never made from a caption), and the loader refuses a picture without one, even in a
 * draft, which every build loads. So a picture goes into the story only when it carries alt text of
 * its own in the story's language (IPTC "Alt Text (Accessibility)", which the build reads:
 * src/render/picture-text.ts). Any other caption stays in the text as a `::: picture-needed` block
 * (src/render/rules/picture-needed.ts) naming the picture when there is one (copied beside the story,
 * waiting for its alt text): the draft builds and shows the editor a box at that place, `npm run
 * check` says what to write there, and the story cannot be published until it is done. A placeholder
 * alt text would have built too, but a forgotten one is published and read out to blind readers.
 */
import type { Edition } from "../site/editions.ts";
import type { Section } from "../site/sections.ts";
import type { Instant } from "../shared/dates.ts";
import { LIMITS as SUMMARY } from "../content/warnings.ts";
import { figureBlock, pictureNeededBlock } from "./markdown-blocks.ts";
import { markdownLine, markdownParagraph } from "./plain-markdown.ts";
import type { StoryDraft, StoryFields } from "./story-files.ts";
import type { WireCopy } from "./wire-copy.ts";

/** A picture found for a caption. */
export interface WirePicture {
  /** Where it is now. */
  from: string;
  /** Its name beside the story. */
  name: string;
  /** Whether it carries alt text in the story's language. */
  hasAlt: boolean;
}

export interface WireStoryInput {
  copy: WireCopy;
  /** The wire file's name, for the notes. */
  origin: string;
  edition: Edition;
  section: Section;
  slug: string;
  date: Instant;
  /** `--author`; else the dateline's agency; else `fallbackAuthor` (with a note). */
  author: string | undefined;
  fallbackAuthor: string;
  /** For each caption in order, its picture (as far as there are pictures). */
  pictures: readonly (WirePicture | undefined)[];
  /** Further notes from the command (a section it chose). */
  notes?: readonly string[];
}

export interface WireStory {
  draft: StoryDraft;
  /** Pictures in the story (the hero and figures). */
  placed: number;
  /** `::: picture-needed` blocks: captions without a picture, or with one waiting for its alt text. */
  needed: number;
  /** Of those, pictures beside the story waiting for alt text. */
  needAlt: number;
}

export function wireStory(input: WireStoryInput): WireStory {
  const { copy, edition } = input;
  const blocks: string[] = [];
  let image: StoryFields["image"];
  let captions = 0;
  let placed = 0;
  let needed = 0;
  let needAlt = 0;
  let text = false;
  for (const part of copy.parts) {
    if (part.kind === "paragraph") {
      blocks.push(markdownParagraph(part.text));
      text = true;
    } else if (part.kind === "subhead") {
      blocks.push(`## ${markdownLine(part.text)}`);
    } else {
      const picture = input.pictures[captions++];
      if (picture?.hasAlt) {
        placed++;
        // The first caption above the story is the story's own picture (its share card, its crops).
        if (!text && captions === 1) image = { src: `./${picture.name}`, caption: part.text };
        else blocks.push(figureBlock({ name: picture.name, alt: "", caption: part.text }).trim());
      } else {
        needed++;
        if (picture) needAlt++;
        blocks.push(pictureNeededBlock(picture?.name, part.text).trim());
      }
    }
  }

  const notes = [`Imported from the wire copy ${input.origin} by npm run import: read it against the copy before publishing.`, ...(input.notes ?? [])];
  const summary = copy.standfirst ?? firstSentences(copy.parts.find((p) => p.kind === "paragraph")!.text, edition.code);
  if (copy.standfirst === undefined) notes.push("The copy has no standfirst: the summary is the story's first sentences; write one.");
  const author = input.author ?? copy.dateline?.source;
  if (author === undefined) notes.push(`No --author was given and no dateline names an agency: the byline is ${input.fallbackAuthor}; write the agency or the reporter.`);
  if (needed - needAlt) notes.push(`${count(needed - needAlt, "caption waits", "captions wait")} for a picture: each ::: picture-needed block says what to do (npm run check lists them).`);
  if (needAlt) notes.push(`${count(needAlt, "picture beside the story has", "pictures beside the story have")} no alt text: write what each shows, as its ::: picture-needed block says.`);
  const subheads = copy.parts.filter((p) => p.kind === "subhead").map((p) => `"${p.text}"`);
  if (subheads.length) notes.push(`Lines taken for subheads (##): ${subheads.join(", ")}: check them.`);

  const pictures = input.pictures.filter((p): p is WirePicture => p !== undefined).map((p) => ({ from: p.from, name: p.name }));
  const draft: StoryDraft = {
    edition,
    section: input.section,
    slug: input.slug,
    fields: {
      title: copy.headline,
      summary,
      date: input.date,
      dateline: copy.dateline,
      author: [author ?? input.fallbackAuthor],
      image,
      draft: true,
    },
    body: blocks.join("\n\n"),
    pictures,
    notes,
  };
  return { draft, placed, needed, needAlt };
}

/** The paragraph's first sentences, up to a summary's length where they allow (at least one). */
export function firstSentences(paragraph: string, lang: string): string {
  const text = paragraph.replace(/\s*\n\s*/g, " ");
  let summary = "";
  for (const { segment } of new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text)) {
    if (summary && (summary.length >= SUMMARY.summaryMin || (summary + segment).trim().length > SUMMARY.summaryMax)) break;
    summary += segment;
  }
  return summary.trim();
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
