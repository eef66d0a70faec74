/**
 * Decap CMS's configuration for /admin/ (src/admin/cms-config.ts), made from the repo's own sample
 * site: one story collection and one desk collection per edition, saved where `npm run new` saves,
 * with the edition's sections, the site's authors and the edition's words; no config when the site
 * turns the form off; a hosted backend with the local one kept for `npm run edit`.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { adminModel } from "../../src/admin/cms-config.ts";
import { formFields, UnexpressibleField, type CmsField } from "../../src/admin/form-fields.ts";
import { articleSchema } from "../../src/content/article-schema.ts";
import { dataFormat, storyFormat, SUGGEST_WIDGET } from "../../src/model/admin.ts";
import { z } from "zod";
import { LOCAL, sample, sampleInputs } from "./sample-site.ts";

interface Collection {
  name: string;
  label: string;
  folder?: string;
  path?: string;
  slug?: string;
  extension?: string;
  format: string;
  filter?: { field: string; value: string };
  fields?: CmsField[];
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
}

const collections = sample.config.collections as Collection[];
const collection = (name: string): Collection => {
  const found = collections.find((c) => c.name === name);
  assert.ok(found, `no collection "${name}"`);
  return found;
};
/** A field by its dotted path in a list of fields. */
function fieldAt(fields: readonly CmsField[], dotted: string): CmsField {
  const [first, ...rest] = dotted.split(".");
  const found = fields.find((f) => f.name === first);
  assert.ok(found, `no field "${dotted}"`);
  return rest.length ? fieldAt(found.fields ?? [], rest.join(".")) : found;
}
const storyField = (code: string, dotted: string) => fieldAt(collection(`stories-${code}`).fields!, dotted);

const EDITIONS = [
  { code: "en", folder: "content" },
  { code: "ckb", folder: "content/ckb" },
  { code: "ar", folder: "content/ar" },
];

describe("a story collection per edition", () => {
  test("one story and one desk collection per edition, in the editions' order", () => {
    assert.deepEqual(
      collections.map((c) => c.name),
      ["stories-en", "desk-en", "stories-ckb", "desk-ckb", "stories-ar", "desk-ar"],
    );
  });

  for (const { code, folder } of EDITIONS) {
    test(`${code}: folder ${folder}, saved as <section>/<slug>/index.md in the edition's story format, only its own lang`, () => {
      const c = collection(`stories-${code}`);
      assert.equal(c.folder, folder);
      assert.equal(c.path, "{{section}}/{{slug}}/index");
      assert.equal(c.slug, "{{fields.slug}}");
      assert.equal(c.extension, "md");
      assert.equal(c.format, storyFormat(code));
      assert.deepEqual(c.filter, { field: "lang", value: code });
    });

    test(`${code}: lang is hidden and holds the edition's code; a new story is a draft; the body is Markdown`, () => {
      assert.equal(storyField(code, "lang").widget, "hidden");
      assert.equal(storyField(code, "lang").default, code);
      assert.equal(storyField(code, "draft").widget, "boolean");
      assert.equal(storyField(code, "draft").default, true);
      const fields = collection(`stories-${code}`).fields!;
      assert.equal(fields.at(-1)!.name, "body");
      assert.equal(fields.at(-1)!.widget, "markdown");
    });
  }

  test("the section is chosen from the edition's sections: its name there as the label, its slug as the value", () => {
    assert.deepEqual(storyField("en", "section"), {
      ...storyField("en", "section"),
      widget: "select",
      options: [
        { label: "Kurdistan", value: "kurdistan" },
        { label: "Middle East", value: "middle-east" },
        { label: "Business", value: "business" },
        { label: "World", value: "world" },
      ],
    });
    assert.deepEqual(storyField("ckb", "section").options, [
      { label: "کوردستان", value: "kurdistan" },
      { label: "ڕۆژهەڵاتی ناوەڕاست", value: "middle-east" },
      { label: "ئابووری", value: "business" },
      { label: "جیهان", value: "world" },
    ]);
    assert.deepEqual(
      storyField("ar", "section").options!.map((o) => (typeof o === "string" ? o : o.label)),
      ["كوردستان", "الشرق الأوسط", "اقتصاد", "العالم"],
    );
  });

  test("the byline is a list of names suggested from authors.yaml, in the edition's script, any other name allowed", () => {
    const author = storyField("en", "author");
    assert.equal(author.widget, "list");
    assert.equal(author.field?.widget, SUGGEST_WIDGET);
    assert.deepEqual(author.field?.options, ["Karwan Mirkhan", "Shilan Rashid", "Hemin Aziz"]);
    assert.ok((storyField("ckb", "author").field?.options as string[]).includes("کاروان میرخان"));
  });

  test("the picture's src is an image widget, without a URL choice; the dates are datetimes", () => {
    assert.equal(storyField("en", "image.src").widget, "image");
    assert.equal(storyField("en", "image.src").choose_url, false);
    for (const p of ["date", "updated", "corrections.date", "live.ended"]) assert.equal(storyField("en", p).widget, "datetime", p);
    assert.equal(storyField("en", "date").default, "{{now}}");
  });

  test("no option is left as undefined (YAML would write it as null)", () => {
    const undefinedAt = (value: unknown, at: string): string[] =>
      value === undefined ? [at] : value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => undefinedAt(v, `${at}.${k}`)) : [];
    assert.deepEqual(undefinedAt(sample.config, "config"), []);
  });
});

describe("the desk's files per edition", () => {
  const DESK = [
    { code: "en", front: "content/_data/front.yaml", breaking: "content/_data/breaking.yaml" },
    { code: "ckb", front: "content/_data/front.ckb.yaml", breaking: "content/_data/breaking.ckb.yaml" },
    { code: "ar", front: "content/_data/front.ar.yaml", breaking: "content/_data/breaking.ar.yaml" },
  ];
  for (const { code, front, breaking } of DESK) {
    test(`${code}: ${front} and ${breaking}, in the edition's data format`, () => {
      const desk = collection(`desk-${code}`);
      assert.equal(desk.format, dataFormat(code));
      assert.deepEqual(
        desk.files!.map((f) => f.file),
        [front, breaking],
      );
    });
  }

  test("the front page's sections are chosen by their names in the edition; the bar's until is a datetime", () => {
    const [front, breaking] = collection("desk-ckb").files!;
    const sections = fieldAt(front!.fields, "sections");
    assert.equal(sections.widget, "select");
    assert.equal(sections.multiple, true);
    assert.deepEqual(sections.options, ["کوردستان", "ڕۆژهەڵاتی ناوەڕاست", "ئابووری", "جیهان"]);
    assert.equal(fieldAt(front!.fields, "lead").widget, SUGGEST_WIDGET);
    assert.equal(fieldAt(breaking!.fields, "until").widget, "datetime");
  });
});

describe("the form's words per edition", () => {
  test("English labels from form/en.yaml", () => {
    assert.equal(storyField("en", "title").label, "Headline");
    assert.equal(collection("stories-en").label, "Stories in English");
  });

  test("Sorani labels in the Sorani collections", () => {
    assert.equal(storyField("ckb", "title").label, "مانشێت");
    assert.equal(collection("stories-ckb").label, "هەواڵەکان بە کوردی");
  });

  test("Arabic labels in the Arabic collections", () => {
    assert.equal(storyField("ar", "title").label, "العنوان");
    assert.equal(collection("stories-ar").label, "الأخبار بالعربية");
  });

  test("an edition with no words file of its own is worded in English", () => {
    const [english] = sampleInputs().editions;
    const french = { ...english!, code: "fr", name: "Français", segment: "fr", isDefault: false };
    const model = adminModel(sampleInputs({ editions: [english!, french] }))!;
    const fr = (model.config.collections as Collection[]).find((c) => c.name === "stories-fr")!;
    assert.equal(fr.label, "Stories in English");
    assert.equal(fieldAt(fr.fields!, "title").label, "Headline");
    assert.equal(fr.folder, "content/fr");
  });
});

describe("the facts the file formats need", () => {
  test("each edition's zone and sections by slug, and every date field of the story and bar forms", () => {
    assert.equal(sample.facts.firstEdition, "en");
    assert.deepEqual(sample.facts.editions.ckb, {
      zone: "Asia/Baghdad",
      sections: { kurdistan: "کوردستان", "middle-east": "ڕۆژهەڵاتی ناوەڕاست", business: "ئابووری", world: "جیهان" },
    });
    assert.deepEqual(sample.facts.dateFields, ["date", "updated", "corrections.date", "live.ended", "until"]);
    assert.deepEqual(sample.facts.collections["stories-ar"], { edition: "ar", dir: "rtl" });
    assert.deepEqual(sample.facts.collections["desk-en"], { edition: "en", dir: "ltr" });
  });
});

describe("the backend", () => {
  test("without a hosted backend, the form edits this checkout through the local proxy", () => {
    assert.deepEqual(sample.config.backend, { name: "proxy", proxy_url: LOCAL, branch: "main" });
    assert.equal("local_backend" in sample.config, false);
  });

  test("`admin: false` leaves the form out: no model at all", () => {
    const { site } = sampleInputs();
    assert.equal(adminModel(sampleInputs({ site: { ...site, admin: false } })), undefined);
  });

  test("a hosted backend from site.admin.backend is used, with the local backend kept for `npm run edit`", () => {
    const { site } = sampleInputs();
    const backend = { name: "github" as const, repo: "newsroom/site", branch: "main" };
    const model = adminModel(sampleInputs({ site: { ...site, admin: { backend } } }))!;
    assert.deepEqual(model.config.backend, backend);
    assert.deepEqual(model.config.local_backend, { url: LOCAL });
  });
});

describe("a schema field the form cannot express", () => {
  // adminModel() takes its schemas from their modules, not as inputs: its ContentError naming the
  // schema file can only be reached by editing a schema. What it is made from is shown here: the
  // UnexpressibleField formFields throws for the article schema with such a field, naming it.
  test("the article schema with a record field throws an UnexpressibleField naming that field", () => {
    const schema = articleSchema("Asia/Baghdad").extend({ sources: z.record(z.string(), z.string()) });
    assert.throws(
      () => formFields(schema, () => undefined),
      (error: unknown) => error instanceof UnexpressibleField && error.field === "sources" && /no widget for a record field/.test(error.message),
    );
  });
});
