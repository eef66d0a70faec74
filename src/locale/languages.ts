/**
 * Every fact about a language that Dateline relies on, in one place: how its tag is written, which
 * way it runs, which script it is written in, its quotation marks, its digits and how fast its
 * readers read. Site settings, the Markdown renderer, the templates, the search page's script, the
 * fonts and `npm run new` all ask here, so two parts of the site cannot disagree about Sorani.
 */
import { z } from "zod";

/** A BCP 47 tag as editors write one: en, ckb, ar-IQ, en-GB. */
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A frontmatter or data-file field holding a language (`lang`, a language's `code`): the rule, and its message with `examples`. */
export function languageField(examples = "en, ar or ckb") {
  return z.string().regex(LANG_PATTERN, `expected a language code such as ${examples}`);
}

/** A field holding a locale (`locale`: the language, and the region whose conventions dates and numbers follow). */
export function localeField(examples = "en-GB or ar-IQ") {
  return z.string().regex(LANG_PATTERN, `expected a locale such as ${examples}`);
}

/** Digits an edition may write numbers and dates in: 0-9, ٠-٩ or ۰-۹ (Intl's numbering systems). */
export const DIGITS = ["latn", "arab", "arabext"] as const;

/** The language of a tag: "ckb" for "ckb-IQ". */
function primaryLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** Right to left or left to right, as ICU knows the language (Arabic script, Hebrew, Thaana, …). */
export function directionOf(lang: string): "ltr" | "rtl" {
  try {
    // `textInfo` is a getter in Node 20 and became `getTextInfo()` later.
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = typeof locale.getTextInfo === "function" ? locale.getTextInfo() : locale.textInfo;
    if (info?.direction === "rtl" || info?.direction === "ltr") return info.direction;
  } catch {
    // An unknown tag: fall through.
  }
  return RTL_LANGUAGES.has(primaryLanguage(lang)) ? "rtl" : "ltr";
}

/** For a runtime without Intl text info: right-to-left languages a newsroom like ours may publish in. */
const RTL_LANGUAGES = new Set(["ar", "ckb", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv"]);

/** Written in Arabic script (Sorani, Arabic, Persian, Urdu, …), as ICU's likely-subtags say. */
export function isArabicScript(lang: string): boolean {
  try {
    return new Intl.Locale(lang).maximize().script === "Arab";
  } catch {
    return false;
  }
}

/** Text with a letter of the Arabic script (a headline typed in Sorani, say). */
export const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * Letters Sorani writes and Arabic does not: ێ ۆ ڕ ڵ ە (ە alone is several in a hundred letters of
 * any Sorani text). گ چ پ ژ ڤ are Sorani too, but Persian has them and Arabic copy borrows them for
 * foreign names (گوگل, ڤيتنام), so they do not tell Sorani from Arabic.
 */
const SORANI_LETTERS = /[ێۆڕڵە]/gu;

/**
 * The language a text's script says it is in, among the site's `codes`: for text mostly in Arabic
 * script, Sorani (`ckb`) when at least one letter in a hundred is one only Sorani writes and the site
 * has it, else Arabic (`ar`), else any language of the site written in Arabic script. Undefined when the
 * script does not tell (Latin text; Arabic script the site has no edition for).
 */
export function languageOfScript(text: string, codes: readonly string[]): string | undefined {
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (arabic <= latin) return undefined;
  const sorani = (text.match(SORANI_LETTERS)?.length ?? 0) * 100 >= arabic;
  const has = (lang: string) => codes.find((code) => primaryLanguage(code) === lang);
  return (sorani ? has("ckb") : undefined) ?? has("ar") ?? codes.find(isArabicScript);
}

/**
 * Letters of the scripts written right to left, and of the Latin script: a value of the other
 * direction's script is isolated (FSI…PDI) when it fills a sentence ("@Kurdistan24" in Sorani, an
 * Arabic query on the English search page). As regular-expression sources, because the search page's
 * script in the browser uses the same ones (templates/pages/search.ts).
 */
export const RTL_SCRIPT_LETTER = String.raw`[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]`;
export const LATIN_LETTER = String.raw`\p{Script=Latin}`;

/** The letters that need isolating inside a sentence of a language written in `direction`. */
export function otherDirectionLetter(direction: "ltr" | "rtl"): RegExp {
  return new RegExp(direction === "rtl" ? LATIN_LETTER : RTL_SCRIPT_LETTER, "u");
}

/**
 * Curly quotes as the language writes them, for markdown-it's typographer: guillemets in Arabic,
 * Sorani, Persian and Urdu (the interface words use them too), English quotes elsewhere. Bidi
 * mirroring turns « » the right way round in right-to-left text.
 */
export function quotesFor(lang: string): string {
  return GUILLEMETS.has(primaryLanguage(lang)) ? "«»‹›" : "“”‘’";
}

const GUILLEMETS = new Set(["ar", "ckb", "fa", "ur", "ps", "ku", "kmr"]);

/**
 * Reading time, in minutes. Speeds are silent-reading averages by language: readers of Arabic-script
 * languages read fewer words a minute (longer words, and the word counts differ), so a single figure
 * would tell them the wrong time. Source: Brysbaert, "How many words do we read per minute?" (2019).
 */
export function readingMinutes(words: number, lang: string): number {
  const speed = WORDS_PER_MINUTE[primaryLanguage(lang)] ?? DEFAULT_WORDS_PER_MINUTE;
  return Math.max(1, Math.round(words / speed));
}

const WORDS_PER_MINUTE: Record<string, number> = { en: 238, de: 198, fr: 195, tr: 180, ar: 138, ckb: 140, fa: 150, kmr: 180 };
const DEFAULT_WORDS_PER_MINUTE = 200;
