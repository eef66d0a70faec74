/**
 * A post's pictures: where each is in the site's uploads folder (`wp-content/uploads` from a backup;
 * nothing is downloaded), its name in the story's folder, and what the story shows in its place:
 *
 * - the picture, copied beside the story, when the file is there and has alt text (the post's, the
 *   attachment's `_wp_attachment_image_alt`, or the file's own IPTC alt text);
 * - a `::: picture-needed` block, when the file is not in the uploads folder, or has no alt text
 *   anywhere (only a person can write it): the story cannot be published until an editor supplies
 *   what is missing, and the block says what, at its place.
 *
 * The post's `<img src>` is usually a resized copy (`harbour-1024x683.jpg`); the original named by the
 * attachment (`_wp_attached_file`), or the address without its size, is taken when it is there.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readEmbeddedText } from "../images/picture-metadata.ts";
import { pictureText } from "../render/picture-text.ts";
import { figureBlock, pictureNeededBlock } from "./markdown-blocks.ts";
import type { PictureRef } from "./wordpress-html.ts";
import { storyPictureName } from "./wire-pictures.ts";

/** A picture-needed block holds a caption; for a picture the old site showed without one, this. */
const NO_CAPTION = "Without a caption on the old site.";

/** An attachment of the export, as the importer keeps it (one per picture: a few hundred bytes). */
export interface Attachment {
  /** Its address on the old site. */
  readonly url: string;
  /** Its path in the uploads folder (`_wp_attached_file`): "2024/05/harbour.jpg". */
  readonly file: string;
  readonly alt: string;
  /** Its caption (the attachment's excerpt). */
  readonly caption: string;
}

/** Why a picture is not shown, for the report and the story's notes. */
export interface PictureProblem {
  /** Its name in the story's folder. */
  readonly name: string;
  /** Its path in the uploads folder, or its address when it was not an upload. */
  readonly source: string;
  readonly reason: "missing" | "no alt text";
  /** The alt text the old site had, to write once the picture is there. */
  readonly alt: string;
}

/** The pictures of one story, as its body and fields are made. */
export class StoryPictures {
  /** Files to copy beside the story, by name. */
  readonly copies = new Map<string, string>();
  readonly problems: PictureProblem[] = [];
  /** Names given, by uploads path (the same picture twice keeps one name). */
  private readonly names = new Map<string, string>();
  private heroSource: string | undefined;

  constructor(
    private readonly uploads: string | undefined,
    private readonly attachments: ReadonlyMap<string, Attachment>,
    /** The story's language, for alt text a picture carries in several. */
    private readonly lang: string,
  ) {}

  /** The story's picture: its fields, or a block for the top of the body; undefined when the export has no such attachment. */
  hero(id: string): { image?: { src: string; alt: string | undefined; caption: string | undefined }; block?: string } | undefined {
    const attachment = this.attachments.get(id);
    if (!attachment) return undefined;
    const ref: PictureRef = { src: attachment.url, attachmentId: id, alt: attachment.alt, caption: attachment.caption };
    const picture = this.resolve(ref);
    this.heroSource = picture.source;
    if (picture.shown) return { image: { src: `./${picture.name}`, alt: picture.alt || undefined, caption: ref.caption || undefined } };
    return { block: pictureNeededBlock(picture.name, ref.caption || NO_CAPTION) };
  }

  /** The Markdown for a picture in the body. */
  body(ref: PictureRef): string {
    const picture = this.resolve(ref);
    // The featured picture is often in the text as well; it is shown once, at the top.
    if (picture.source === this.heroSource) return "";
    if (picture.shown) return figureBlock({ name: picture.name, alt: picture.alt, caption: ref.caption });
    return pictureNeededBlock(picture.name, ref.caption || NO_CAPTION);
  }

  private resolve(ref: PictureRef): { name: string; source: string; shown: boolean; alt: string } {
    const attachment = ref.attachmentId === undefined ? undefined : this.attachments.get(ref.attachmentId);
    const upload = uploadsPath(ref.src);
    // The attachment's own file is the original; a post shows a resized copy of it.
    const candidates = [...new Set([attachment?.file, upload && withoutSize(upload), upload].filter((p): p is string => !!p))];
    const found = candidates.find((p) => this.fileOf(p) !== undefined);
    const source = found ?? candidates[0] ?? ref.src;
    const name = this.nameFor(source);
    const alt = ref.alt || attachment?.alt || "";
    if (!found) {
      this.problem({ name, source, reason: "missing", alt });
      return { name, source, shown: false, alt };
    }
    const file = this.fileOf(found)!;
    if (!alt && !this.carriesAlt(file)) {
      this.copies.set(name, file);
      this.problem({ name, source, reason: "no alt text", alt });
      return { name, source, shown: false, alt };
    }
    this.copies.set(name, file);
    return { name, source, shown: true, alt };
  }

  /** Each picture once; its alt text from wherever the post gave it (the hero's attachment may have none, its use in the text some). */
  private problem(p: PictureProblem): void {
    const i = this.problems.findIndex((q) => q.name === p.name);
    if (i < 0) this.problems.push(p);
    else if (!this.problems[i]!.alt && p.alt) this.problems[i] = { ...this.problems[i]!, alt: p.alt };
  }

  /** The file in the uploads folder, if it is there (and inside it: an export's paths are not trusted). */
  private fileOf(uploadsRelative: string): string | undefined {
    if (!this.uploads) return undefined;
    const file = path.resolve(this.uploads, uploadsRelative);
    if (!file.startsWith(path.resolve(this.uploads) + path.sep)) return undefined;
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  }

  /** Whether the file carries alt text in the story's language (IPTC Alt Text (Accessibility)). */
  private carriesAlt(file: string): boolean {
    try {
      return pictureText({ origin: "markdown" }, readEmbeddedText(readFileSync(file)), this.lang).alt !== undefined;
    } catch {
      return false;
    }
  }

  /** The file's name in the story's folder: its own, made safe (as wire pictures are), unique within the story. */
  private nameFor(source: string): string {
    const known = this.names.get(source);
    if (known) return known;
    const name = storyPictureName(path.posix.basename(source.split(/[?#]/)[0]!), this.names.size + 1, new Set(this.names.values()));
    this.names.set(source, name);
    return name;
  }
}

/** The path under `wp-content/uploads/` of an address on the old site (multisite's `sites/2/` kept), decoded. */
export function uploadsPath(src: string): string | undefined {
  const match = /\/wp-content\/uploads\/([^?#]+)/.exec(src);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/** "harbour-1024x683.jpg" → "harbour.jpg": the original of a size WordPress made. */
function withoutSize(uploadsRelative: string): string {
  return uploadsRelative.replace(/-\d+x\d+(\.[A-Za-z0-9]+)$/, "$1");
}
