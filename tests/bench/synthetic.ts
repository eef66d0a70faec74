/**
 * Synthetic newsroom content for the benchmark: N articles of about 800 words with subheads, a
 * quote and a list, spread over sections and days back from the end of 2025 (50,000 go back to mid-2022).
 * Deterministic: the same N gives the same files.
 */
import { link, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const SECTIONS = ["Middle East", "Kurdistan", "World", "Business", "Culture"];
const TAGS = ["Syria", "Iraq", "Russia", "Turkey", "Energy", "Elections", "Diplomacy", "Security", "Economy", "Health"];
const WORDS =
  "the government said on wednesday that talks would continue next week as officials from both sides met in the capital to discuss security energy trade and the return of displaced families to their homes in the north where reconstruction has been slow".split(
    " ",
  );

/** A small deterministic pseudo-random generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = out.join(" ");
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number): string {
  return Array.from({ length: 4 }, () => sentence(rand, 12 + Math.floor(rand() * 10))).join(" ");
}

export interface SyntheticArticle {
  /** Path relative to content/. */
  file: string;
  title: string;
  summary: string;
  date: string;
  author: string;
  section: string;
  tags: string[];
  body: string;
}

export function syntheticArticle(i: number): SyntheticArticle {
  const rand = random(i + 1);
  const section = SECTIONS[i % SECTIONS.length]!;
  // Back from the last day of 2025, 37 minutes apart (~39 a day): every size is an archive that is all
  // published, both at the bench's build time (2026-01-01) and by Hugo's clock (it skips future dates).
  const day = new Date(Date.UTC(2025, 11, 31, 23, 0) - i * 37 * 60 * 1000);
  const body = [
    paragraph(rand),
    paragraph(rand),
    `## ${sentence(rand, 4).slice(0, -1)}`,
    paragraph(rand),
    `> "${sentence(rand, 14)}" an official said.`,
    paragraph(rand),
    `## ${sentence(rand, 3).slice(0, -1)}`,
    paragraph(rand),
    `- ${sentence(rand, 6)}\n- ${sentence(rand, 6)}\n- ${sentence(rand, 6)}`,
    paragraph(rand),
    paragraph(rand),
    paragraph(rand),
  ].join("\n\n");
  return {
    file: `${section.toLowerCase().replace(/ /g, "-")}/story-${i}/index.md`,
    title: `Story ${i}: ${sentence(rand, 7).slice(0, -1)}`,
    summary: sentence(rand, 18),
    date: day.toISOString().replace(".000Z", "+00:00"),
    author: `Reporter ${i % 40}`,
    section,
    tags: [TAGS[i % TAGS.length]!, TAGS[(i * 7 + 3) % TAGS.length]!],
    body,
  };
}

export interface SyntheticOptions {
  /** Added to every frontmatter (the baseline's `layout:`). */
  extraFrontmatter?: string;
  /**
   * Pictures for every tenth article, a hero and one figure in the body: files from this pool,
   * hard-linked beside the article (generated once; the same bytes give the same cached encodes).
   */
  imagePool?: readonly string[];
}

/** Writes N articles as Dateline content (frontmatter per the article contract). */
export async function writeSyntheticContent(contentDir: string, n: number, o: SyntheticOptions = {}): Promise<void> {
  const batch = 200;
  for (let start = 0; start < n; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, n - start) }, async (_, k) => {
        const i = start + k;
        const a = syntheticArticle(i);
        const file = path.join(contentDir, a.file);
        await mkdir(path.dirname(file), { recursive: true });
        const pictured = o.imagePool?.length && i % 10 === 0;
        const fm = [
          "---",
          `title: ${JSON.stringify(a.title)}`,
          `summary: ${JSON.stringify(a.summary)}`,
          `date: ${a.date}`,
          `author: ${JSON.stringify(a.author)}`,
          `section: ${JSON.stringify(a.section)}`,
          `tags: ${JSON.stringify(a.tags)}`,
          pictured ? `image:\n  src: ./hero.jpg\n  alt: "A street in the story's town."\n  caption: "The scene of story ${i}. (Photo: Bench)"` : "",
          o.extraFrontmatter ?? "",
          "---",
        ]
          .filter(Boolean)
          .join("\n");
        let body = a.body;
        if (pictured) {
          const pool = o.imagePool!;
          await link(pool[i % pool.length]!, path.join(path.dirname(file), "hero.jpg"));
          await link(pool[(i + 1) % pool.length]!, path.join(path.dirname(file), "inline.jpg"));
          const paragraphs = body.split("\n\n");
          paragraphs.splice(2, 0, `![A market in the story's town.](./inline.jpg "Traders at the market. (Photo: Bench)")`);
          body = paragraphs.join("\n\n");
        }
        await writeFile(file, `${fm}\n\n${body}\n`);
      }),
    );
  }
}

/** The benchmark site's settings and the sections its articles use (content/_data/site.yaml, sections.yaml). */
export async function writeSyntheticSiteData(contentDir: string): Promise<void> {
  await mkdir(path.join(contentDir, "_data"), { recursive: true });
  await writeFile(
    path.join(contentDir, "_data/site.yaml"),
    "name: Bench Times\ndescription: Synthetic articles for the benchmark.\nurl: https://bench.example.org/\nlanguage: en\ntimeZone: UTC\npublisher:\n  name: Bench Media\n",
  );
  await writeFile(path.join(contentDir, "_data/sections.yaml"), SECTIONS.map((name) => `- name: ${name}\n  description: Synthetic stories about ${name}.\n`).join(""));
}
