/**
 * hreflang alternates across the sample site's three editions (tests/support/editions-site.ts), built
 * once: reciprocal, complete and true (each points at a page in that language), and grouping exactly
 * the pages that are versions of one another.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import type { EditionModel } from "../../src/model/site-model.ts";
import { buildEditionsSite, file, fileOfUrl, MOSCOW, page, pages, pathOfUrl, problemList, report, site, SITE, SNOW, sortedEntries } from "../support/editions-site.ts";

buildEditionsSite({ report: true });

describe("hreflang alternates", () => {
  test("are reciprocal across the whole site: self-listed, existing, identical on every version, true to their language", () => {
    const problems: string[] = [];
    const withAlternates = [...pages.values()].filter((p) => p.alternates.size > 0);
    assert.ok(withAlternates.length > 20, `pages with alternates: ${withAlternates.length}`);
    for (const p of withAlternates) {
      const where = p.path;
      if (p.repeated.length) problems.push(`${where}: hreflang listed twice: ${p.repeated.join(", ")}`);
      const own = p.alternates.get(p.lang ?? "");
      if (own === undefined || pathOfUrl(own) !== p.path) problems.push(`${where}: does not list itself under hreflang="${p.lang}" (has ${own})`);
      if (own !== p.canonical) problems.push(`${where}: lists itself as ${own}, but its canonical URL is ${p.canonical}`);
      const xDefault = p.alternates.get("x-default");
      if (xDefault === undefined) problems.push(`${where}: no x-default`);
      const en = p.alternates.get("en");
      if (en !== undefined && xDefault !== en) problems.push(`${where}: x-default ${xDefault} is not the English version ${en}`);
      if (en === undefined && xDefault !== undefined && xDefault !== [...p.alternates.values()][0]) {
        problems.push(`${where}: x-default ${xDefault} is not the first edition's version`);
      }
      for (const [lang, href] of p.alternates) {
        if (!href.startsWith(SITE)) problems.push(`${where}: ${lang} → ${href} is not an absolute URL of the site`);
        if (/[^\x21-\x7e]/.test(href)) problems.push(`${where}: ${lang} → ${href} is not percent-encoded`);
        const target = fileOfUrl(href);
        if (!target || !existsSync(path.join(site, target))) {
          problems.push(`${where}: ${lang} → ${href}: no such file ${target}`);
          continue;
        }
        const other = pages.get(pathOfUrl(href));
        if (!other) {
          problems.push(`${where}: ${lang} → ${href} is not an HTML page`);
          continue;
        }
        if (lang !== "x-default" && other.lang !== lang) problems.push(`${where}: hreflang="${lang}" → ${other.path}, whose <html lang> is ${other.lang}`);
        if (JSON.stringify(sortedEntries(other.alternates)) !== JSON.stringify(sortedEntries(p.alternates))) {
          problems.push(`${where} and ${other.path} list different alternates:\n    ${JSON.stringify(sortedEntries(p.alternates))}\n    ${JSON.stringify(sortedEntries(other.alternates))}`);
        }
      }
    }
    assert.deepEqual(problems, [], problemList(problems, "hreflang problems"));
  });

  /** The group a page belongs to: its hreflang → decoded path. */
  const group = (p: string) => Object.fromEntries([...page(p).alternates].map(([lang, href]) => [lang, pathOfUrl(href)]));

  test("the expected pages are grouped: front pages, Moscow and snow stories, about, search, section and author pages", () => {
    const three = (p: string) => ({ en: p, ckb: `/ckb${p}`, ar: `/ar${p}`, "x-default": p });
    assert.deepEqual(group("/ckb/"), three("/"));
    assert.deepEqual(group(MOSCOW.ar), { ...MOSCOW, "x-default": MOSCOW.en });
    assert.deepEqual(group(SNOW.ckb), { ...SNOW, "x-default": SNOW.en });
    assert.deepEqual(group("/ar/about/"), three("/about/"));
    assert.deepEqual(group("/ckb/contact/"), three("/contact/"));
    assert.deepEqual(group("/ar/corrections-policy/"), three("/corrections-policy/"));
    assert.deepEqual(group("/ckb/search/"), three("/search/"));
    // Sections and authors are grouped across the editions where their listing has stories (an
    // empty listing is no one's equivalent, and is not indexed).
    const expected = (pick: (m: EditionModel) => readonly { subject: { slug: string; url: string }; pages: readonly { items: readonly unknown[] }[] }[]) => {
      const groups = new Map<string, [string, string][]>();
      for (const m of report.model.editions) {
        for (const l of pick(m)) if (l.pages[0]!.items.length) groups.set(l.subject.slug, [...(groups.get(l.subject.slug) ?? []), [m.edition.code, decodeURI(l.subject.url)]]);
      }
      return [...groups.values()];
    };
    let full = 0;
    for (const members of [...expected((m) => m.sections), ...expected((m) => m.authors)]) {
      const want = members.length > 1 ? { ...Object.fromEntries(members), "x-default": members[0]![1] } : {};
      for (const [, url] of members) assert.deepEqual(group(url), want, url);
      if (members.length === 3) full++;
    }
    assert.ok(full >= 2, "at least one section and one author are in all three editions");
    // An empty section is in no group, and tells search engines not to index it.
    const empty = report.model.editions.flatMap((m) => m.sections.filter((l) => !l.pages[0]!.items.length).map((l) => decodeURI(l.subject.url)));
    assert.ok(empty.length > 0);
    for (const url of empty) {
      assert.deepEqual(group(url), {}, url);
      assert.match(file(fileOfUrl(url)!), /<meta name="robots" content="noindex">/, url);
    }
    // Pages in one edition only have none: an English-only story, a Sorani tag page.
    assert.equal(page("/business/ceyhan-oil-exports/").alternates.size, 0);
    assert.equal(page("/ckb/tags/سووریا/").alternates.size, 0);
  });
});
