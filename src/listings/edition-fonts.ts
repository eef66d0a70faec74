/**
 * Self-hosted faces for the Arabic-script editions: one subset of each face (src/assets/fonts.ts)
 * for all of them together, of the characters their pages show, and the rules and preload each
 * edition's pages carry. Other editions load no font.
 */
import type { EditionModel } from "../model/site-model.ts";
import type { Edition } from "../site/editions.ts";
import type { Store } from "../store/store.ts";
import { FOLDER } from "../site/url-space.ts";
import { dateWords, weekdayName, type Instant } from "../shared/dates.ts";
import { isArabicScript } from "../locale/languages.ts";
import { arabicScriptFonts, preloadFont, type FontFile, type ScriptFonts } from "../assets/fonts.ts";

type Unfonted = Omit<EditionModel, "fonts">;

/** The font files for the output, and each edition's `fonts`, in the order of `models`. */
export async function editionFonts(
  models: readonly Unfonted[],
  editions: readonly Edition[],
  /** `everyPage`: text every page shows whatever its edition (the publisher's name in the footer). */
  o: { pathPrefix: string; store: Store; everyPage: readonly string[] },
): Promise<{ fonts: ScriptFonts; preload: FontFile | undefined; perEdition: EditionModel["fonts"][] }> {
  const arabicScript = models.filter((m) => isArabicScript(m.edition.code));
  const base = `${o.pathPrefix}${FOLDER.fonts}/`;
  const fonts = arabicScript.length ? await arabicScriptFonts(arabicScriptText(arabicScript, editions, o.everyPage), { base, store: o.store }) : { css: "", files: [] };
  const preload = preloadFont(fonts);
  const perEdition = models.map((m) => (isArabicScript(m.edition.code) ? { css: fonts.css, preload: preload && `${base}${preload.fileName}` } : { css: "", preload: undefined }));
  return { fonts, preload, perEdition };
}

/**
 * What the Arabic-script fonts must hold: the letters, digits and punctuation of Arabic, Persian and
 * Sorani always (so the subset, and its content-hashed name that readers cache, changes only when a
 * story brings a rarer character), and every character those editions' pages show.
 */
const ARABIC_SCRIPT_REPERTOIRE =
  "\u0621-\u063a\u0640-\u0652\u0660-\u066c\u06f0-\u06f9\u060c\u061b\u061f\u0670\u067e\u0686\u0698\u06a4\u06a9\u06af\u06be\u06c6\u06cc\u06ce\u06d5\u0695\u06b5\u200c\u200d«»";

function arabicScriptText(models: readonly Unfonted[], editions: readonly Edition[], everyPage: readonly string[]): string {
  const seen = new Set<string>();
  const add = (text: string | undefined) => {
    // Only characters past Latin matter; the scan is per part, never one string of the whole site.
    if (text) for (const ch of text) if (ch >= "\u0600") seen.add(ch);
  };
  for (const range of ARABIC_SCRIPT_REPERTOIRE.matchAll(/(.)-(.)|(.)/gsu)) {
    if (range[3]) seen.add(range[3]);
    else for (let c = range[1]!.codePointAt(0)!; c <= range[2]!.codePointAt(0)!; c++) seen.add(String.fromCodePoint(c));
  }
  for (const e of editions) add(e.name);
  everyPage.forEach(add);
  for (const m of models) {
    [m.edition.title, m.edition.description, m.edition.publisher, m.edition.words.everything].forEach(add);
    // Dates are worded by Intl: every month's name, the digits and the zone's name.
    for (let month = 1; month <= 12; month++) {
      const w = dateWords(m.now.set({ month, day: 28 }).setZone(m.edition.timeZone) as Instant, m.edition.intl);
      add(w.day);
      add(w.time);
    }
    // And the seven weekdays, for the front page's date.
    for (let day = 0; day < 7; day++) add(weekdayName(m.now.plus({ days: day }).setZone(m.edition.timeZone) as Instant, m.edition.intl));
    for (const a of m.articles) {
      [a.title, a.summary, a.html, a.hero?.caption.text, a.hero?.caption.credit, a.dateline?.place, a.dateline?.source].forEach(add);
      for (const b of a.authors) add(b.name);
      for (const c of a.corrections) add(c.text);
    }
    for (const l of m.sections) [l.subject.name, l.subject.description].forEach(add);
    for (const l of m.tags) add(l.subject.name);
    for (const l of m.authors) [l.subject.name, l.subject.role, l.subject.bio, ...l.subject.links.map((link) => link.label)].forEach(add);
    for (const p of m.pages) [p.title, p.summary, p.html].forEach(add);
  }
  return [...seen].join("");
}
