/**
 * The sitemaps of the sample site's three editions (tests/support/editions-site.ts), built once: one
 * and a news sitemap per edition, named in robots.txt, each listing only its edition's URLs,
 * percent-encoded, with the pages' own hreflang alternates, and valid (xmllint and the sitemaps.org
 * schema). Without xmllint the schema check skips, unless CI is set.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import { buildEditionsSite, decodeXml, editionOfPath, file, fileOfUrl, filesNamed, pages, pathOfUrl, problemList, site, SITE, sortedEntries } from "../support/editions-site.ts";
import { FIXTURES } from "../support/fixture-site.ts";
import { xmllintSkipReason } from "../support/xmllint.ts";

buildEditionsSite();

interface SitemapUrl {
  loc: string;
  links: Map<string, string>;
}
function readSitemap(xml: string): SitemapUrl[] {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: decodeXml(/<loc>([^<]*)<\/loc>/.exec(m[1]!)?.[1] ?? ""),
    links: new Map(
      [...m[1]!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]*)" href="([^"]*)"\/>/g)].map((l) => [decodeXml(l[1]!), decodeXml(l[2]!)]),
    ),
  }));
}

describe("sitemaps", () => {
  const sitemaps = () => filesNamed(/^(news-)?sitemap(-\d+)?\.xml$/);

  test("each edition has a sitemap and a news sitemap in its folder, and robots.txt names them all", async () => {
    const all = await sitemaps();
    assert.deepEqual(all, ["ar/news-sitemap.xml", "ar/sitemap.xml", "ckb/news-sitemap.xml", "ckb/sitemap.xml", "news-sitemap.xml", "sitemap.xml"]);
    const named = [...file("robots.txt").matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]!).sort();
    assert.deepEqual(named, all.map((f) => `${SITE}${f}`).sort());
  });

  test("each lists only its edition's URLs, percent-encoded, each an existing page; together every page but 404s and search", async () => {
    const problems: string[] = [];
    const listed = new Set<string>();
    for (const f of await sitemaps()) {
      const edition = editionOfPath(`/${f}`);
      const urls = readSitemap(file(f));
      assert.ok(urls.length > 0, `${f} lists URLs`);
      for (const { loc, links } of urls) {
        for (const u of [loc, ...links.values()]) if (/[^\x21-\x7e]/.test(u)) problems.push(`${f}: ${u} is not percent-encoded`);
        if (!loc.startsWith(SITE)) problems.push(`${f}: ${loc} is not on the site`);
        const p = pathOfUrl(loc);
        if (editionOfPath(p) !== edition) problems.push(`${f}: ${p} belongs to the ${editionOfPath(p).code} edition`);
        if (!pages.has(p)) problems.push(`${f}: ${loc} is not a page of the site`);
        listed.add(p);
      }
    }
    // Not-found and search pages, and empty listings (noindex), are left out on purpose (templates/index.ts).
    const missing = [...pages.keys()].filter((p) => !listed.has(p) && !p.endsWith("/404.html") && !p.endsWith("/search/") && !file(fileOfUrl(p)!).includes('<meta name="robots" content="noindex">'));
    for (const p of missing) problems.push(`${p} is in no sitemap`);
    assert.deepEqual(problems, [], problemList(problems, "sitemap problems"));
  });

  test("the xhtml:link alternates of every sitemap URL are that page's hreflang links", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const f of await sitemaps()) {
      if (f.includes("news-")) continue;
      for (const { loc, links } of readSitemap(file(f))) {
        const p = pages.get(pathOfUrl(loc));
        if (!p) continue; // reported above
        checked += links.size;
        if (JSON.stringify(sortedEntries(links)) !== JSON.stringify(sortedEntries(p.alternates))) {
          problems.push(`${f}: ${p.path}:\n    sitemap ${JSON.stringify(sortedEntries(links))}\n    page    ${JSON.stringify(sortedEntries(p.alternates))}`);
        }
      }
    }
    assert.ok(checked > 50, `alternates checked: ${checked}`);
    assert.deepEqual(problems, [], problemList(problems, "sitemap alternates that differ from the page's"));
  });

  const xmllint = xmllintSkipReason("sitemap validation");

  test("every sitemap is well-formed and valid: sitemaps.org, Google News and xhtml:link alternates", { skip: xmllint }, async () => {
    const files = (await sitemaps()).map((f) => path.join(site, f));
    execFileSync("xmllint", ["--noout", ...files], { stdio: "pipe" });
    execFileSync("xmllint", ["--noout", "--schema", path.join(FIXTURES, "schema", "urlset.xsd"), ...files], { encoding: "utf8", stdio: "pipe" });
  });
});
