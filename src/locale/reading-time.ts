/**
 * Reading time, in minutes. Speeds are silent-reading averages by script: readers of Arabic-script
 * languages read fewer words a minute (longer words, and the word counts differ), so a single figure
 * would tell them the wrong time. Sources: Brysbaert, "How many words do we read per minute?" (2019).
 */
const WORDS_PER_MINUTE: Record<string, number> = { en: 238, de: 198, fr: 195, tr: 180, ar: 138, ckb: 140, fa: 150, kmr: 180 };
const DEFAULT_WORDS_PER_MINUTE = 200;

export function readingMinutes(words: number, lang: string): number {
  const speed = WORDS_PER_MINUTE[lang.split("-")[0]!] ?? DEFAULT_WORDS_PER_MINUTE;
  return Math.max(1, Math.round(words / speed));
}
