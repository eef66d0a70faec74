/**
 * The load context (src/content/load-context.ts): the names a story's `section:` and `author:` may take
 * in each edition, the schema per time zone, `placeIn` for stories kept from an earlier build, and the
 * `settings` text that decides whether kept stories still stand.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadContext, placeIn, type SiteData } from "../../src/content/load-context.ts";
import type { Author } from "../../src/site/authors.ts";
import type { Section } from "../../src/site/sections.ts";
import { ImagePlanner } from "../../src/images/image-planner.ts";
import { REPO } from "../../src/shared/repo.ts";
import { loadEditions } from "../../src/site/editions.ts";
import { resolveSite, siteSchema } from "../../src/site/site-config.ts";
import { openProject } from "../../src/source/project.ts";
import { tempDirFor } from "../support/temp-dir.ts";

// Built here rather than with tests/support/load-context.ts: loadContext itself is under test, with
// sections and authors that differ by edition. Sorani's edition has a zone of its own; Arabic's is the site's.
const site = resolveSite(
  siteSchema.parse({
    name: "T",
    description: "D",
    url: "https://t.example/",
    timeZone: "Asia/Baghdad",
    publisher: { name: "P" },
    languages: [
      { code: "en", name: "English" },
      { code: "ckb", name: "کوردی", description: "ماڵپەڕ", timeZone: "Europe/Berlin" },
      { code: "ar", name: "العربية", description: "موقع" },
    ],
  }),
);
const project = openProject(tempDirFor("dateline-load-context-"));
const images = new ImagePlanner(project.store);
const editions = loadEditions(site, REPO);
const [en, ckb, ar] = editions;

const section = (name: string, slug: string, lang: string): Section => ({ name, slug, url: `/${slug}/`, description: `About ${name}.`, lang });
const author = (canonicalName: string, name: string, bio = "Writes."): Author => ({
  name,
  canonicalName,
  slug: "dilan-example",
  url: "/authors/dilan-example/",
  role: "Reporter",
  bio,
  photo: undefined,
  links: [],
  textLang: "en",
});

const enMiddleEast = section("Middle East", "middle-east", "en");
const enWorld = section("World", "world", "en");
const ckbMiddleEast = section("ڕۆژهەڵاتی ناوەڕاست", "middle-east", "ckb");
const dilan = author("Dilan Example", "Dilan Example");
const dilanCkb = author("Dilan Example", "دیلان");

/** World has no Sorani name, and the Arabic edition no sections or profiles at all. */
const DATA: SiteData = {
  site,
  editions,
  sections: new Map([
    ["en", [enMiddleEast, enWorld]],
    ["ckb", [ckbMiddleEast]],
  ]),
  authors: new Map([
    ["en", [dilan]],
    ["ckb", [dilanCkb]],
  ]),
};

const contextOf = (data: SiteData, at = project) => loadContext(at, data, { images });
const ctx = contextOf(DATA);

test("an edition's sections go by its own name, the first edition's name and the slug, each also in lower case", () => {
  const sorani = ctx.sections.get("ckb")!;
  assert.deepEqual([...sorani.keys()].sort(), ["middle east", "Middle East", "middle-east", "ڕۆژهەڵاتی ناوەڕاست"].sort());
  assert.ok([...sorani.values()].every((s) => s === ckbMiddleEast));
  assert.deepEqual([...ctx.sections.get("en")!].map(([name, s]) => `${name} → ${s.slug}`), [
    "Middle East → middle-east",
    "middle east → middle-east",
    "World → world",
    "world → world",
    "middle-east → middle-east",
  ]);
  assert.deepEqual([...ctx.sections.get("ar")!.keys()], []);
});

test("where names clash, an edition's own name wins over the first edition's", () => {
  // In Sorani, "World" names the Middle East section; in English it is the World section.
  const ckbWorld = section("جیهان", "world", "ckb");
  const clash = contextOf({ ...DATA, sections: new Map([["en", [enMiddleEast, enWorld]], ["ckb", [section("World", "middle-east", "ckb"), ckbWorld]]]) });
  assert.equal(clash.sections.get("ckb")!.get("World")!.slug, "middle-east");
  assert.equal(clash.sections.get("ckb")!.get("جیهان"), ckbWorld);
});

test("an edition's authors go by the name in authors.yaml and by the edition's name", () => {
  const sorani = ctx.authors.get("ckb")!;
  assert.equal(sorani.get("Dilan Example"), dilanCkb);
  assert.equal(sorani.get("دیلان"), dilanCkb);
  assert.equal(ctx.authors.get("en")!.get("Dilan Example"), dilan);
  assert.equal(ctx.authors.get("ar")!.size, 0);
});

test("placeIn gives this context's edition and section objects, or undefined where the edition lacks the section", () => {
  const place = placeIn(ctx, "ckb", "middle-east");
  assert.equal(place?.edition, ckb);
  assert.equal(place?.section, ckbMiddleEast);
  assert.equal(placeIn(ctx, "en", "world")?.section, enWorld);
  assert.equal(placeIn(ctx, "ckb", "world"), undefined);
  assert.equal(placeIn(ctx, "ar", "middle-east"), undefined);
  assert.equal(placeIn(ctx, "fa", "middle-east"), undefined);
});

test("editions in one time zone share a schema; each reads dates without an offset in its own zone", () => {
  assert.equal(ctx.schemaFor(en!), ctx.schemaFor(ar!));
  assert.notEqual(ctx.schemaFor(en!), ctx.schemaFor(ckb!));
  const fields = { title: "T", summary: "S", date: "2026-01-28 12:00", author: "A", section: "World" };
  assert.equal(ctx.schemaFor(en!).parse(fields).date.toISO(), "2026-01-28T12:00:00.000+03:00");
  assert.equal(ctx.schemaFor(ckb!).parse(fields).date.toISO(), "2026-01-28T12:00:00.000+01:00");
});

test("settings are the same for the same site, and change with what a story is made from, not with the rest", () => {
  assert.equal(contextOf(DATA).settings, ctx.settings);
  const changed = {
    "the site's url": contextOf({ ...DATA, site: { ...DATA.site, url: "https://other.example/" } }),
    "a section's description": contextOf({ ...DATA, sections: new Map([...DATA.sections, ["en", [{ ...enMiddleEast, description: "New." }, enWorld]]]) }),
    "an author's name in an edition": contextOf({ ...DATA, authors: new Map([...DATA.authors, ["ckb", [author("Dilan Example", "دیلانی")]]]) }),
    "the content folder": contextOf(DATA, { ...project, contentDir: `${project.contentDir}/elsewhere` }),
  };
  for (const [what, other] of Object.entries(changed)) assert.notEqual(other.settings, ctx.settings, what);
  // A byline shows an author's name and page, never the bio: editing it keeps every story.
  const newBio = contextOf({ ...DATA, authors: new Map([...DATA.authors, ["en", [author("Dilan Example", "Dilan Example", "Now writes books.")]]]) });
  assert.equal(newBio.settings, ctx.settings);
});
