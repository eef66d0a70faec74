/**
 * Pages that are not news (src/content/standalone-pages.ts), from content/_pages/: their URLs (from the
 * file's name, a language suffix left out, or `slug:`), editions, order and rendered text, and the
 * problems that stop them, every page's at once, each with its file, field and line.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadStandalonePages } from "../../src/content/standalone-pages.ts";
import { ContentError, formatProblem } from "../../src/shared/errors.ts";
import { contentFolder, type ContentFolder } from "../support/content-folder.ts";

/** The section slugs of the site: a page cannot take one. */
const SECTION_SLUGS = new Set(["world", "middle-east"]);

/** A site under a path prefix, so that URLs and output paths differ. */
const site = () => contentFolder("dateline-pages-", { site: { url: "https://t.example/news/" } });

function load(folder: ContentFolder, ctx = folder.context({ bodies: false })) {
  return loadStandalonePages(ctx, ctx.site.pathPrefix, ctx.editions, SECTION_SLUGS);
}

/** The problems loading the pages throws, as printed. */
function problems(folder: ContentFolder): string[] {
  let thrown: unknown;
  try {
    load(folder);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof ContentError, `expected a ContentError, got ${String(thrown)}`);
  return thrown.problems.map(formatProblem);
}

const page = (fields: string, body = "Text.\n") => `---\n${fields}\n---\n\n${body}`;

test("without a _pages folder there are no pages", () => {
  assert.deepEqual(load(site()), []);
});

test("a page's URL is its file's name (a language suffix left out) or its slug, in its edition; pages come by order, then URL", () => {
  const folder = site();
  folder.write("_pages/about.md", page('title: About "us"\nsummary: Who we are.\norder: 2\ntranslationKey: about'));
  folder.write("_pages/about.ckb.md", page('title: دەربارە\nsummary: ئێمە "کێین".\nlang: ckb\ntranslationKey: about'));
  folder.write("_pages/Corrections Policy.md", page("title: Corrections\nsummary: How we correct.\norder: 2"));
  folder.write("_pages/write-to-us.md", page("title: Contact\nsummary: Write.\norder: 1\nslug: contact"));
  folder.write("_pages/notes.txt", "Not a page.");
  const ctx = folder.context({ bodies: false });
  const pages = load(folder, ctx);
  assert.deepEqual(
    pages.map((p) => [p.sourcePath, p.url, p.outputPath, p.order, p.lang, p.translationKey]),
    [
      ["_pages/write-to-us.md", "/news/contact/", "contact/index.html", 1, "en", undefined],
      ["_pages/about.md", "/news/about/", "about/index.html", 2, "en", "about"],
      ["_pages/Corrections Policy.md", "/news/corrections-policy/", "corrections-policy/index.html", 2, "en", undefined],
      ["_pages/about.ckb.md", "/news/ckb/about/", "ckb/about/index.html", 100, "ckb", "about"],
    ],
  );
  assert.deepEqual(pages.map((p) => p.edition), [ctx.editions[0], ctx.editions[0], ctx.editions[0], ctx.editions[1]]);
  // Titles and summaries are typeset in the page's language.
  assert.equal(pages[1]!.title, "About “us”");
  assert.equal(pages[3]!.summary, "ئێمە «کێین».");
});

test("names starting with _ or . are not pages; a folder named like a page is a problem, not a crash", () => {
  const folder = site();
  folder.write("_pages/about.md", page("title: About\nsummary: Who we are."));
  folder.write("_pages/_draft.md", page("title: Draft\nsummary: Kept aside."));
  folder.write("_pages/.#about.md", "an editor's lock file");
  folder.write("_pages/odd.md/readme.txt", "a folder named like a page");
  assert.deepEqual(problems(folder), ["_pages/odd.md: file: not a file: a page is one Markdown file in content/_pages/"]);
});

test("a page's text renders with links under the site's prefix, as an article's do", () => {
  const folder = site();
  folder.write("_pages/about.md", page("title: About\nsummary: Who we are.", 'Our "standards": see [the policy](/corrections-policy/), [contact](../contact/) and [below](#h-more).\n\n## More\n'));
  const [about] = load(folder);
  assert.equal(
    about?.html,
    '<p>Our “standards”: see <a href="/news/corrections-policy/">the policy</a>, <a href="/news/contact/">contact</a> and <a href="#h-more">below</a>.</p>\n<h2 id="h-more">More</h2>\n',
  );
});

test("a URL the site or a section uses, or a file name in another language than the page's, is refused on the field's line", () => {
  const folder = site();
  folder.write("_pages/world.md", page("title: World\nsummary: A section's URL."));
  folder.write("_pages/ckb.md", page("title: Sorani\nsummary: An edition's folder."));
  folder.write("_pages/listing.md", page("title: Tags\nsummary: The site's own folder.\nslug: tags"));
  folder.write("_pages/corrections.md", page("title: Corrections\nsummary: The site lists every correction there itself."));
  folder.write("_pages/about.ckb.md", page("title: About\nsummary: Named Sorani, in English."));
  folder.write("_pages/contact.ckb.md", page("title: Contact\nsummary: Named Sorani, in Arabic.\nlang: ar"));
  assert.deepEqual(problems(folder), [
    "_pages/about.ckb.md: lang: the file name says ckb but the page is in en: add `lang: ckb`",
    "_pages/ckb.md: slug: /ckb/ is already used by a section or by the site itself",
    "_pages/contact.ckb.md:4: lang: the file name says ckb but the page is in ar: add `lang: ckb`",
    "_pages/corrections.md: slug: /corrections/ is already used by a section or by the site itself",
    "_pages/listing.md:4: slug: /tags/ is already used by a section or by the site itself",
    "_pages/world.md: slug: /world/ is already used by a section or by the site itself",
  ]);
});

test("pages hold text only: a picture or a refused embed is refused on its line in the file", () => {
  const folder = site();
  folder.write("_pages/map.md", page("title: Map\nsummary: With a picture.", "Where we are:\n\n![Our office](./office.jpg)\n"));
  folder.write("_pages/video.md", page("title: Video\nsummary: With an embed.", "Watch:\n\n::: embed https://evil.example/v\n:::\n"));
  assert.deepEqual(problems(folder), [
    "_pages/map.md:8: body: pages hold text only; put pictures in articles",
    "_pages/video.md:8: embed: only YouTube, X and OpenStreetMap embeds are allowed; got https://evil.example/v",
  ]);
});

test("bad fields, bad YAML, an undeclared language and a translationKey used twice: every page's problems at once", () => {
  const folder = site();
  folder.write("_pages/a-typo.md", page("title: About\nsumary: Who.\norder: 1.5"));
  folder.write("_pages/b-yaml.md", page("title: [About\nsummary: Who."));
  folder.write("_pages/c-persian.md", page("title: درباره\nsummary: ما.\nlang: fa"));
  folder.write("_pages/d-about.md", page("title: About\nsummary: Who.\ntranslationKey: about"));
  folder.write("_pages/e-about-us.md", page("title: About us\nsummary: Who, again.\ntranslationKey: about"));
  const found = problems(folder);
  assert.deepEqual(found.filter((p) => !p.startsWith("_pages/b-yaml.md")), [
    "_pages/a-typo.md: summary: required",
    "_pages/a-typo.md:3: sumary: unknown field (did you mean `summary`?)",
    "_pages/a-typo.md:4: order: expected int, got number 1.5",
    "_pages/c-persian.md:4: lang: \"fa\" is not one of the site's languages (en, ckb, ar); to publish in it, add it to `languages` in content/_data/site.yaml",
    '_pages/d-about.md: translationKey: "about" is also the translationKey of _pages/e-about-us.md in the same language (en): each language has one version of a story or page',
    '_pages/e-about-us.md: translationKey: "about" is also the translationKey of _pages/d-about.md in the same language (en): each language has one version of a story or page',
  ]);
  // The YAML parser's own words; what matters is the file, the field and a line.
  assert.match(found.find((p) => p.startsWith("_pages/b-yaml.md"))!, /^_pages\/b-yaml\.md:\d+: yaml: /);
});
