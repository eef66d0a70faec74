/**
 * Interface words, one YAML file per language in `templates/translations/` (`en.yaml`, `ckb.yaml`,
 * …). `WORDS` below is the contract: every key every file must have, with the placeholders its text
 * must use. A missing key, an unknown key, a missing placeholder or a missing plural form is a build
 * error naming the file, the key and the language: a Sorani page never silently says "Updated".
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ContentError, type Problem, shownPath } from "../shared/errors.ts";
import { nearest } from "../source/schema-problems.ts";
import { isYamlError, parseYaml } from "../source/yaml-source.ts";
import { directionOf, otherDirectionLetter } from "./languages.ts";

/** A text with these placeholders, e.g. `text("tag", "site")` for "The latest stories about {tag} from {site}." */
interface TextSpec<V extends string> {
  readonly kind: "text";
  readonly vars: readonly V[];
}
/** Forms per number ({count} is the number, formatted in the language's digits). */
interface PluralSpec<V extends string> {
  readonly kind: "plural";
  readonly vars: readonly V[];
}
const text = <V extends string = never>(...vars: V[]): TextSpec<V> => ({ kind: "text", vars });
const plural = <V extends string = never>(...vars: V[]): PluralSpec<"count" | V> => ({ kind: "plural", vars: ["count", ...vars] });

export const WORDS = {
  skipToContent: text(),
  by: text(),
  and: text(),
  /** Between a date and its time, and between names where Intl has no list pattern: "," or "،". */
  comma: text(),
  updated: text(),
  // A story's history in its byline: "Published …", "Updated …", "Corrected …".
  published: text(),
  corrected: text(),
  corrections: text(),
  /** The corrections box's link to the corrections page. */
  allCorrections: text(),
  // The corrections page (/corrections/): its title (and footer link), description, empty state, pagination.
  correctionsTitle: text(),
  correctionsDescription: text("site"),
  noCorrections: text(),
  newerCorrections: text(),
  olderCorrections: text(),
  /** Before a correction in a feed item: "Correction (29 January 2026, 09:00 GMT+3):". */
  correctionDated: text("date"),
  tags: text(),
  latest: text(),
  topStory: text(),
  moreStories: text(),
  related: text(),
  minRead: plural(),
  draft: text(),
  embargoedUntil: text(),
  sectionNav: text(),
  languageNav: text(),
  otherLanguages: text(),
  search: text(),
  searchTitle: text(),
  searchDescription: text("site"),
  searchLabel: text(),
  searchSection: text(),
  searchAllSections: text(),
  searchSubmit: text(),
  // The search page's script fills these in the browser.
  searchResults: plural("query"),
  searchResultsIn: plural("query", "section"),
  searchNone: text("query"),
  searchNoneIn: text("query", "section"),
  searchLoading: text(),
  searchMore: text(),
  searchUnavailable: text(),
  searchNoScript: text(),
  footerNav: text(),
  /** The front page's date under the masthead: "Monday 7 December 2026". */
  weekdayAndDay: text("weekday", "day"),
  // An article's share row: its heading, the copy button and what it announces, each link's name.
  shareTitle: text(),
  shareCopy: text(),
  shareCopied: text(),
  shareEmail: text(),
  shareWhatsApp: text(),
  shareTelegram: text(),
  shareX: text(),
  shareFacebook: text(),
  noArticles: text(),
  taggedWith: text("tag"),
  tagDescription: text("tag", "site"),
  authorDescription: text("name", "role", "site"),
  storiesBy: text("name"),
  archiveTitle: text(),
  archiveDescription: text("site"),
  pages: text(),
  pageOf: text("page", "pages"),
  newer: text(),
  older: text(),
  notFoundTitle: text(),
  notFoundText: text(),
  notFoundHome: text(),
  feedRss: text(),
  feedAtom: text(),
  feedJson: text(),
  // Embeds (src/render/embeds.ts): a video's and a map's frame titles, their links, an X post's card.
  embedVideo: text(),
  embedWatch: text(),
  embedPost: text("user"),
  embedMap: text(),
  embedLargerMap: text(),
  topStories: text(),
  breaking: text(),
  moreIn: text("section"),
  // A live story: its label, the pinned update, the key events, the updates' heading (while live and
  // once ended), the order links of a finished one, an update's key-event mark, new updates arriving.
  live: text(),
  livePinned: text(),
  liveKeyEvents: text(),
  liveUpdates: text(),
  liveUpdatesEnded: text(),
  liveOldestFirst: text(),
  liveNewestFirst: text(),
  liveKeyEvent: text(),
  liveNewUpdates: plural(),
  // The label under a picture whose embedded digital source type says it is not a plain photograph
  // (src/render/picture-text.ts): made by a trained model, changed with one, made by software, put together.
  pictureAi: text(),
  pictureAiEdited: text(),
  pictureComputer: text(),
  pictureComposite: text(),
  /** A draft's box where an imported caption waits for its picture (src/render/rules/picture-needed.ts): "Picture needed:". */
  pictureNeeded: text(),
} as const;

type Spec = typeof WORDS;
export type WordKey = keyof Spec;
type VarsOf<K extends WordKey> = Spec[K]["vars"][number];
type TextKey = { [K in WordKey]: Spec[K]["kind"] extends "text" ? K : never }[WordKey];
type PluralKey = { [K in WordKey]: Spec[K]["kind"] extends "plural" ? K : never }[WordKey];
/** Plural forms by Intl.PluralRules category, e.g. { one: "{count} story", other: "{count} stories" }. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

export interface Words {
  readonly lang: string;
  /** A number in the language's digits: "١٢". */
  num(n: number): string;
  /** `t("by")`, `t("taggedWith", { tag })`: the text with its placeholders filled. */
  t<K extends TextKey>(key: K, ...vars: VarsOf<K> extends never ? [] : [Record<VarsOf<K>, string>]): string;
  /** `n("minRead", 4)`: the form for the number, with {count} in the language's digits. */
  n<K extends PluralKey>(key: K, count: number, ...vars: Exclude<VarsOf<K>, "count"> extends never ? [] : [Record<Exclude<VarsOf<K>, "count">, string>]): string;
  /** Every text of the file, for the font subsetter. */
  readonly everything: string;
  /** A plural key's forms as written, for the search page's script. */
  forms(key: PluralKey): PluralForms;
  /** A text as written, placeholders and all, for the search page's script. */
  template(key: TextKey): string;
  /** Items joined as the language does ("A, B and C", "A وB وC"): the items with the words between them. */
  list<T>(items: readonly T[]): (T | string)[];
}

/**
 * The words for a language, from `<dir>/<lang>.yaml`, or the file of its primary subtag (`ckb.yaml`
 * for `ckb-IQ`). `locale` formats numbers (its digits: `ar-u-nu-latn`).
 */
export function loadWords(dir: string, root: string, lang: string, locale: string, direction = directionOf(lang)): Words {
  const candidates = [lang, lang.split("-")[0]!].map((code) => path.join(dir, `${code}.yaml`));
  const abs = candidates.find((f) => existsSync(f)) ?? candidates[candidates.length - 1]!;
  const file = shownPath(root, abs);
  let source: string;
  try {
    source = readFileSync(abs, "utf8");
  } catch {
    throw new ContentError([{ file, field: "file", message: `missing: the interface words for language "${lang}" (copy en.yaml and translate every value)` }]);
  }
  const yaml = parseYaml(source);
  if (isYamlError(yaml)) throw new ContentError([{ file, line: yaml.line, field: "yaml", message: yaml.message }]);
  const problems: Problem[] = [];
  const values = checkWords(yaml.value, lang, (key, message) => problems.push({ file, line: key ? yaml.lineOf([key]) : undefined, field: key || "file", message }));
  if (problems.length) throw new ContentError(problems);
  return makeWords(values, lang, locale, direction);
}

/** Every problem of a translations file, reported through `report`; the values when there are none. */
export function checkWords(value: unknown, lang: string, report: (key: string, message: string) => void): Map<string, string | PluralForms> {
  const values = new Map<string, string | PluralForms>();
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    report("", "expected `key: text` lines, as in en.yaml");
    return values;
  }
  const given = value as Record<string, unknown>;
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  for (const key of Object.keys(given)) {
    if (!(key in WORDS)) report(key, `not an interface word${hint(key, Object.keys(WORDS))}`);
  }
  for (const [key, spec] of Object.entries(WORDS) as [WordKey, Spec[WordKey]][]) {
    const v = given[key];
    if (v === undefined || v === null) {
      report(key, `missing translation in "${lang}"${spec.vars.length ? ` (uses ${spec.vars.map((x) => `{${x}}`).join(", ")})` : ""}`);
      continue;
    }
    if (spec.kind === "text") {
      if (typeof v !== "string" || !v.trim()) {
        report(key, "expected a text");
        continue;
      }
      checkPlaceholders(v, spec.vars, spec.vars, (m) => report(key, m));
      values.set(key, v);
      continue;
    }
    if (typeof v !== "object" || Array.isArray(v)) {
      report(key, `expected forms per number: ${categories.join(", ")}`);
      continue;
    }
    const forms = v as Record<string, unknown>;
    for (const c of categories) {
      const form = forms[c];
      if (typeof form !== "string" || !form.trim()) report(key, `missing the "${c}" form ("${lang}" has ${categories.join(", ")})`);
      // "one" may say "a story" and Arabic "two" a dual noun, without {count}; "other" needs it.
      else checkPlaceholders(form, spec.vars.filter((x) => x !== "count" || c === "other"), spec.vars, (m) => report(key, `${c}: ${m}`));
    }
    for (const c of Object.keys(forms)) {
      if (!(categories as string[]).includes(c)) report(key, `"${c}" is not a plural form of "${lang}" (it has ${categories.join(", ")})`);
    }
    values.set(key, forms as PluralForms);
  }
  return values;
}

/** Every required placeholder used, none but the allowed ones. */
function checkPlaceholders(textValue: string, required: readonly string[], allowed: readonly string[], report: (message: string) => void): void {
  const used = new Set([...textValue.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  for (const v of required) if (!used.has(v)) report(`missing the placeholder {${v}}`);
  for (const u of used) if (!allowed.includes(u)) report(`unknown placeholder {${u}}${allowed.length ? ` (this text has ${allowed.map((x) => `{${x}}`).join(", ")})` : ""}`);
}

function makeWords(values: Map<string, string | PluralForms>, lang: string, locale: string, direction: "ltr" | "rtl"): Words {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(lang);
  // ICU has list patterns for Arabic and English but not for every language (Sorani falls back to
  // English "and"); there the translated "and" joins the last two names.
  const listFormat = Intl.ListFormat.supportedLocalesOf([lang]).length ? new Intl.ListFormat(locale, { type: "conjunction" }) : undefined;
  // A value in the other direction's script is isolated (FSI…PDI): "@Kurdistan24" in a Sorani
  // sentence, an Arabic tag in an English title. Works in text, attributes, <title> and JSON alike.
  const other = otherDirectionLetter(direction);
  const isolate = (v: string) => (other.test(v) ? `\u2068${v}\u2069` : v);
  const fill = (s: string, vars: Record<string, string> = {}) => s.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? isolate(vars[name]!) : `{${name}}`));
  return {
    lang,
    num: (n) => numbers.format(n),
    everything: [...values.values()].flatMap((v) => (typeof v === "string" ? [v] : Object.values(v))).join("\n") + numbers.format(1234567890),
    t: (key, ...vars) => fill(values.get(key) as string, vars[0]),
    n: (key, count, ...vars) => {
      const forms = values.get(key) as PluralForms;
      const form = forms[rules.select(count)] ?? forms.other!;
      return fill(form, { ...vars[0], count: numbers.format(count) });
    },
    forms: (key) => values.get(key) as PluralForms,
    template: (key) => values.get(key) as string,
    list: (items) => {
      if (items.length <= 1) return [...items];
      if (listFormat) {
        let next = 0;
        return listFormat.formatToParts(items.map(String)).map((p) => (p.type === "element" ? items[next++]! : p.value));
      }
      const and = values.get("and") as string;
      const comma = `${values.get("comma") as string} `;
      return items.flatMap((item, i) => (i === 0 ? [item] : i === items.length - 1 ? [` ${and} `, item] : [comma, item]));
    },
  };
}

function hint(key: string, keys: readonly string[]): string {
  const near = nearest(key, keys, 3);
  return near ? `; did you mean "${near}"?` : "";
}

