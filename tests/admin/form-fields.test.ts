/**
 * The editing form's fields read off a zod schema (src/admin/form-fields.ts): every article field
 * with the widget that writes what the schema accepts, whether the file must have it, and its default;
 * a field added to a schema appears with a label made from its name and no other edit; a type no
 * widget can write stops with an UnexpressibleField naming the field by its dotted path.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { formFields, humanName, UnexpressibleField, type CmsField } from "../../src/admin/form-fields.ts";
import { articleSchema } from "../../src/content/article-schema.ts";
import { breakingSchema } from "../../src/site/breaking-file.ts";
import { frontSchema } from "../../src/site/front-file.ts";

const ZONE = "Asia/Baghdad";
const noWords = () => undefined;

/** The fields of a schema by name, with no words and no widget overrides. */
function byName(fields: readonly CmsField[]): Map<string, CmsField> {
  return new Map(fields.map((f) => [f.name, f]));
}

const article = byName(formFields(articleSchema(ZONE), noWords));
const field = (name: string): CmsField => {
  const found = article.get(name);
  assert.ok(found, `the article form has no field "${name}"`);
  return found;
};

describe("the article schema as form fields", () => {
  test("every field of the schema is in the form, in the schema's order", () => {
    assert.deepEqual(
      [...article.keys()],
      ["title", "summary", "date", "updated", "dateline", "author", "section", "tags", "image", "corrections", "lang", "translationKey", "slug", "draft", "featured", "live"],
    );
  });

  test("title, summary and section are required text fields labelled from their names", () => {
    for (const name of ["title", "summary", "section"]) {
      const f = field(name);
      assert.equal(f.widget, "string", name);
      assert.equal(f.required, undefined, `${name} is required: Decap's default`);
      assert.equal(f.label, humanName(name));
    }
    assert.equal(field("title").label, "Title");
  });

  test("date is a required datetime (the schema's own form type); updated is an optional one", () => {
    assert.equal(field("date").widget, "datetime");
    assert.equal(field("date").required, undefined);
    assert.equal(field("updated").widget, "datetime");
    assert.equal(field("updated").required, false);
  });

  test("dateline, text or a place and source, is the fuller shape: an optional object with a required place and optional source", () => {
    const dateline = field("dateline");
    assert.equal(dateline.widget, "object");
    assert.equal(dateline.required, false);
    assert.deepEqual(
      dateline.fields!.map((f) => [f.name, f.widget, f.required]),
      [
        ["place", "string", undefined],
        ["source", "string", false],
      ],
    );
  });

  test("author, one name or a list, is a required list of text; tags an optional list with no default written", () => {
    const author = field("author");
    assert.equal(author.widget, "list");
    assert.equal(author.required, undefined);
    assert.equal(author.field?.widget, "string");
    const tags = field("tags");
    assert.equal(tags.widget, "list");
    assert.equal(tags.required, false);
    assert.equal(tags.field?.widget, "string");
    assert.equal("default" in tags, false, "an empty list is no default");
  });

  test("image is an optional object: src required inside; alt, caption and credit optional (the picture may carry them)", () => {
    const image = field("image");
    assert.equal(image.widget, "object");
    assert.equal(image.required, false);
    assert.deepEqual(
      image.fields!.map((f) => [f.name, f.widget, f.required]),
      [
        ["src", "string", undefined],
        ["alt", "string", false],
        ["caption", "string", false],
        ["credit", "string", false],
      ],
    );
  });

  test("corrections is an optional list of groups, each a required date (datetime) and text", () => {
    const corrections = field("corrections");
    assert.equal(corrections.widget, "list");
    assert.equal(corrections.required, false);
    assert.equal(corrections.field, undefined);
    assert.deepEqual(
      corrections.fields!.map((f) => [f.name, f.widget, f.required]),
      [
        ["date", "datetime", undefined],
        ["text", "string", undefined],
      ],
    );
  });

  test("draft and featured are optional booleans defaulting to false, as the schema defaults them", () => {
    for (const name of ["draft", "featured"]) {
      assert.equal(field(name).widget, "boolean", name);
      assert.equal(field(name).required, false, name);
      assert.equal(field(name).default, false, name);
    }
  });

  test("live is an optional object: a required status chosen from live and ended, an optional ended time", () => {
    const live = field("live");
    assert.equal(live.widget, "object");
    assert.equal(live.required, false);
    const [status, ended] = live.fields!;
    assert.deepEqual([status!.name, status!.widget, status!.options, status!.required], ["status", "select", ["live", "ended"], undefined]);
    assert.deepEqual([ended!.name, ended!.widget, ended!.required], ["ended", "datetime", false]);
  });

  test("lang, translationKey and slug are optional text fields, labelled from camelCase", () => {
    for (const name of ["lang", "translationKey", "slug"]) {
      assert.equal(field(name).widget, "string", name);
      assert.equal(field(name).required, false, name);
    }
    assert.equal(field("translationKey").label, "Translation key");
  });
});

describe("the desk's schemas as form fields", () => {
  test("the front file: every key optional, lists of text for top and sections, stale_after labelled 'Stale after'", () => {
    const front = byName(formFields(frontSchema, noWords));
    assert.deepEqual([...front.keys()], ["lead", "top", "sections", "stale_after"]);
    for (const f of front.values()) assert.equal(f.required, false, f.name);
    assert.equal(front.get("top")!.widget, "list");
    assert.equal(front.get("sections")!.widget, "list");
    assert.equal(front.get("stale_after")!.label, "Stale after");
  });

  test("the breaking bar: required text, optional link, optional until as a datetime", () => {
    const breaking = byName(formFields(breakingSchema(ZONE), noWords));
    assert.deepEqual(
      [...breaking.values()].map((f) => [f.name, f.widget, f.required]),
      [
        ["text", "string", undefined],
        ["link", "string", false],
        ["until", "datetime", false],
      ],
    );
  });
});

describe("words and widgets from outside the schema", () => {
  test("a field's words replace its made-up label, add its hint, and a widget override replaces the type's widget", () => {
    const fields = byName(
      formFields(articleSchema(ZONE), (p) => (p === "image.alt" ? { label: "Alt text", hint: "What it shows.", widget: { widget: "text" } } : undefined)),
    );
    const alt = fields.get("image")!.fields!.find((f) => f.name === "alt")!;
    assert.deepEqual(alt, { name: "alt", label: "Alt text", widget: "text", hint: "What it shows.", required: false });
  });
});

describe("a field added to a schema appears in the form with no other edit", () => {
  test("an optional text added to the article schema: a 'Kicker' field, optional, at the end", () => {
    const extended = articleSchema(ZONE).extend({ kicker: z.string().optional() });
    const fields = formFields(extended, noWords);
    assert.deepEqual(fields.at(-1), { name: "kicker", label: "Kicker", widget: "string", required: false });
    assert.equal(fields.length, article.size + 1);
  });

  test("a small schema: a number, a choice with a default, a camelCase group with a snake_case list", () => {
    const schema = z.object({
      wordCount: z.number(),
      priority: z.enum(["low", "high"]).default("low"),
      sourceNotes: z.object({ kept_by: z.array(z.string()).optional() }).optional(),
    });
    assert.deepEqual(formFields(schema, noWords), [
      { name: "wordCount", label: "Word count", widget: "number", value_type: "float" },
      { name: "priority", label: "Priority", widget: "select", options: ["low", "high"], required: false, default: "low" },
      {
        name: "sourceNotes",
        label: "Source notes",
        widget: "object",
        required: false,
        fields: [{ name: "kept_by", label: "Kept by", widget: "list", required: false, field: { name: "item", label: "Kept by", widget: "string" } }],
      },
    ]);
  });

  test("a field under a transform is shown as what the transform reads", () => {
    const schema = z.object({ count: z.string().transform((s) => s.length) });
    assert.deepEqual(formFields(schema, noWords), [{ name: "count", label: "Count", widget: "string" }]);
  });
});

describe("a type no widget can write is an UnexpressibleField naming the field", () => {
  /** The error formFields throws for `schema`, which must be an UnexpressibleField. */
  function unexpressible(schema: z.ZodType): UnexpressibleField {
    try {
      formFields(schema, noWords);
    } catch (error) {
      assert.ok(error instanceof UnexpressibleField, `expected an UnexpressibleField, got ${String(error)}`);
      return error;
    }
    assert.fail("formFields accepted a field the form cannot express");
  }

  const image = z.object({ src: z.string(), alt: z.string() });
  const cases: [string, z.ZodType, string, string][] = [
    ["a record inside the article's image", articleSchema(ZONE).safeExtend({ image: image.extend({ extra: z.record(z.string(), z.string()) }).optional() }), "image.extra", "record"],
    ["a tuple at the top", z.object({ place: z.tuple([z.number(), z.number()]) }), "place", "tuple"],
    ["a bigint under optional", z.object({ views: z.bigint().optional() }), "views", "bigint"],
    ["a union of number and boolean", z.object({ score: z.union([z.number(), z.boolean()]) }), "score", "union of number and boolean"],
    ["a list of records: the list's path", z.object({ notes: z.array(z.record(z.string(), z.string())) }), "notes", "record"],
  ];
  for (const [what, schema, path, kind] of cases) {
    test(`${what}: "${path}", a ${kind}`, () => {
      const error = unexpressible(schema);
      assert.equal(error.field, path);
      assert.equal(error.kind, kind);
      assert.match(error.message, new RegExp(`^\`${path.replace(".", "\\.")}\`: the editing form has no widget for a ${kind} field`));
    });
  }

  test("a schema that is not an object is refused as the whole file", () => {
    const error = unexpressible(z.array(z.string()));
    assert.equal(error.field, "(the file)");
  });
});
