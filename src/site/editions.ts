/**
 * Editions: one per language the site declares (site.yaml `languages`). The first lives at the
 * site's root, each other one under its own folder (/ckb/, /ar/), with its own front page, sections,
 * tags, authors, feeds, sitemaps and search index, in its own words (src/locale/words.ts).
 */
import path from "node:path";
import { REPO } from "../shared/repo.ts";
import { ContentError, type Problem } from "../shared/errors.ts";
import type { DataFile } from "../source/data-file.ts";
import { nearest } from "../source/schema-problems.ts";
import type { Language, SiteConfig } from "./site-config.ts";
import { loadWords, type Words } from "../locale/words.ts";
import { urlPath } from "./url-space.ts";

export interface Edition extends Language {
  /** The edition's front page, with the site's prefix: "/" or "/ckb/". */
  readonly home: string;
  readonly isDefault: boolean;
  readonly words: Words;
}

/** The interface words ship with the templates, beside them (the site's content may live elsewhere). */
export const TRANSLATIONS_DIR = path.join(REPO, "templates", "translations");

/** Every edition with its words; every missing translation of every language in one error. */
export function loadEditions(site: SiteConfig, root: string, translationsDir = TRANSLATIONS_DIR): Edition[] {
  const problems: Problem[] = [];
  const editions: Edition[] = [];
  site.languages.forEach((language, i) => {
    try {
      editions.push({ ...language, home: urlPath(site.pathPrefix, language.segment), isDefault: i === 0, words: loadWords(translationsDir, root, language.code, language.intl, language.dir) });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  });
  if (problems.length) throw new ContentError(problems);
  return editions;
}

/**
 * The edition an article's `lang` names: its code in any letter case, or a more specific tag of it
 * (`ar-IQ` is in the `ar` edition) when only one edition has that language.
 */
export function editionOf(editions: readonly Edition[], lang: string): Edition | undefined {
  const wanted = lang.toLowerCase();
  const exact = editions.find((e) => e.code.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split("-")[0]!;
  const same = editions.filter((e) => e.code.toLowerCase().split("-")[0] === primary);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Why a language code names no edition, in one wording wherever an editor writes one (an article's
 * or a page's `lang`, a translation in sections.yaml or authors.yaml): the codes it may be, and the
 * nearest of them, or else what to do. Codes are short: only a near miss counts as a hint.
 */
export function unknownLanguage(code: string, codes: readonly string[], o: { which?: string; otherwise?: string } = {}): string {
  const near = nearest(code.toLowerCase(), codes, code.length > 3 ? 2 : 1);
  const hint = near ? `; did you mean "${near}"?` : (o.otherwise ?? "");
  return `"${code}" is not one of the site's ${o.which ?? "languages"} (${codes.join(", ") || "none declared"})${hint}`;
}

/**
 * The `translations` of entry `i` of sections.yaml or authors.yaml: a problem, on its line, for each
 * code that is not one of the site's other languages (the first language is the entry itself).
 */
export function translationProblems(data: Pick<DataFile<unknown>, "file" | "lineOf">, i: number, translations: object, editions: readonly Edition[]): Problem[] {
  const codes = editions.slice(1).map((e) => e.code);
  return Object.keys(translations)
    .filter((code) => !codes.includes(code))
    .map((code) => ({ file: data.file, line: data.lineOf([i, "translations", code]), field: `${i}.translations.${code}`, message: unknownLanguage(code, codes, { which: "other languages" }) }));
}

/** For an article's or a page's `lang`: a language the site does not publish in. */
export function undeclaredLanguage(code: string, editions: readonly Edition[]): string {
  return unknownLanguage(code, editions.map((e) => e.code), { otherwise: "; to publish in it, add it to `languages` in content/_data/site.yaml" });
}
