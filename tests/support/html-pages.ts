/**
 * A built site's HTML pages read with parse5, as the tests that look at a whole output read them:
 * each page's language and direction, hreflang alternates, canonical URL, every URL it names, its
 * ids, its language switcher and translations nav, and its byline's time.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";

export type Element = DefaultTreeAdapterMap["element"];

export function* elements(node: DefaultTreeAdapterMap["parentNode"]): Generator<Element> {
  for (const child of node.childNodes) {
    if ("tagName" in child) {
      yield child;
      yield* elements("content" in child ? child.content : child);
    }
  }
}
export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
export const hasClass = (el: Element, name: string) => (attr(el, "class") ?? "").split(/\s+/).includes(name);
export const textOf = (el: DefaultTreeAdapterMap["parentNode"]): string =>
  el.childNodes.map((c) => ("value" in c ? c.value : "childNodes" in c ? textOf(c) : "")).join("");

export interface NavLink {
  href: string;
  hreflang: string | undefined;
  lang: string | undefined;
  current: boolean;
}

export interface HtmlPage {
  /** Relative to the output: "ckb/middle-east/…/index.html". */
  file: string;
  /** The decoded URL path the file is served at: "/ckb/middle-east/…/". */
  path: string;
  lang: string | undefined;
  dir: string | undefined;
  /** `<link rel="alternate" hreflang>`: hreflang → href, in document order. */
  alternates: Map<string, string>;
  /** Hreflang values listed more than once. */
  repeated: string[];
  canonical: string | undefined;
  /** Every URL in href, src, srcset, action and data-bundle attributes, og:/twitter: url and image, and CSS url(). */
  urls: string[];
  ids: Set<string>;
  editionsNav: NavLink[] | undefined;
  translationsNav: NavLink[] | undefined;
  /** Whether nav.translations directly follows the byline. */
  translationsAfterByline: boolean;
  bylineTime: string | undefined;
}

export const pathOfFile = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

export async function readPages(root: string): Promise<Map<string, HtmlPage>> {
  const files = (await readdir(root, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".html"))
    // The editing form is the desk's tool, not a reader's page: no edition, nav or footer
    // (tests/builds/admin-page.test.ts checks it).
    .filter((f) => !f.startsWith("admin/"))
    .sort();
  const result = new Map<string, HtmlPage>();
  for (const file of files) result.set(pathOfFile(file), readPage(file, await readFile(path.join(root, file), "utf8")));
  return result;
}

function navLinks(nav: Element): NavLink[] {
  return [...elements(nav)]
    .filter((el) => el.tagName === "a")
    .map((a) => ({ href: attr(a, "href") ?? "", hreflang: attr(a, "hreflang"), lang: attr(a, "lang"), current: attr(a, "aria-current") !== undefined }));
}

export function readPage(file: string, source: string): HtmlPage {
  const document = parse(source);
  const page: HtmlPage = {
    file,
    path: pathOfFile(file),
    lang: undefined,
    dir: undefined,
    alternates: new Map(),
    repeated: [],
    canonical: undefined,
    urls: [],
    ids: new Set(),
    editionsNav: undefined,
    translationsNav: undefined,
    translationsAfterByline: false,
    bylineTime: undefined,
  };
  for (const el of elements(document)) {
    if (el.tagName === "html") {
      page.lang = attr(el, "lang");
      page.dir = attr(el, "dir");
    }
    const id = attr(el, "id");
    if (id !== undefined) page.ids.add(id);
    if (el.tagName === "link" && attr(el, "rel") === "canonical") page.canonical = attr(el, "href");
    if (el.tagName === "link" && attr(el, "rel") === "alternate" && attr(el, "hreflang") !== undefined) {
      const lang = attr(el, "hreflang")!;
      if (page.alternates.has(lang)) page.repeated.push(lang);
      page.alternates.set(lang, attr(el, "href") ?? "");
    }
    for (const name of ["href", "src", "action", "data-bundle"]) {
      const value = attr(el, name);
      if (value !== undefined) page.urls.push(value);
    }
    // Absolute URLs of the site in Open Graph and Twitter cards; url() in the inlined stylesheet (the fonts).
    const content = attr(el, "content");
    if (el.tagName === "meta" && content && /^(og|twitter):(url|image)$/.test(attr(el, "property") ?? attr(el, "name") ?? "")) page.urls.push(content);
    if (el.tagName === "style") page.urls.push(...[...textOf(el).matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]!));
    const srcset = attr(el, "srcset");
    if (srcset) page.urls.push(...srcset.split(",").map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
    if (el.tagName === "nav" && hasClass(el, "editions")) page.editionsNav = navLinks(el);
    if (el.tagName === "nav" && hasClass(el, "translations")) page.translationsNav = navLinks(el);
    if (el.tagName === "p" && hasClass(el, "byline")) {
      const time = [...elements(el)].find((e) => e.tagName === "time");
      if (time) page.bylineTime = textOf(time);
      const siblings = el.parentNode?.childNodes.filter((c): c is Element => "tagName" in c) ?? [];
      const next = siblings[siblings.indexOf(el) + 1];
      page.translationsAfterByline = !!next && next.tagName === "nav" && hasClass(next, "translations");
    }
  }
  return page;
}
