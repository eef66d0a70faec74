/**
 * The editing form's fields, read off a zod schema: the schema the build validates with is the only
 * description of a file, so a field added to it appears in the form with no edit here. Each zod type
 * becomes the Decap CMS widget that writes a value the schema accepts: text → `string`, a choice →
 * `select`, true/false → `boolean`, a group → `object`, a list → `list`; a field the schema makes
 * from text (a date) says its widget with `.meta({ form: "datetime" })`. Where the schema accepts two
 * shapes (`author: Name` or a list of names), the form writes the fuller one.
 *
 * A zod type with no widget that writes what it accepts is an `UnexpressibleField`: the build stops
 * and names the field, rather than leave it out of the form.
 */
import { z } from "zod";

/** A field of Decap CMS's configuration (config.yml), as far as Dateline uses one. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  /** An object's fields, or a list's item fields. */
  fields?: CmsField[];
  /** A list of single values: the widget of each. */
  field?: CmsField;
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  [option: string]: unknown;
}

/** What the form shows of a field beyond its type: its words and, where the type says too little, its widget. */
export interface FieldLook {
  label?: string | undefined;
  hint?: string | undefined;
  /** Widget options that replace what the type gives (`widget`, `options`, `default`, `field`…). */
  widget?: Partial<CmsField> | undefined;
}

export class UnexpressibleField extends Error {
  constructor(
    readonly field: string,
    readonly kind: string,
  ) {
    super(`\`${field}\`: the editing form has no widget for a ${kind} field; give it a form type in the schema (.meta({ form: "…" })) or a widget in src/admin/cms-config.ts`);
  }
}

/** The form type a schema names for itself, e.g. `dateField(...).meta({ form: "datetime" })`. */
interface FormMeta {
  form?: string;
}

/** The fields of an object schema, in the schema's order; `look` gives each field's words by its dotted path. */
export function formFields(schema: z.ZodType, look: (path: string) => FieldLook | undefined): CmsField[] {
  const object = unwrap(schema).schema;
  const def = object._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  if (def.type !== "object" || !def.shape) throw new UnexpressibleField("(the file)", def.type);
  return Object.entries(def.shape).map(([name, field]) => fieldOf(name, name, field, look));
}

function fieldOf(name: string, path: string, schema: z.ZodType, look: (path: string) => FieldLook | undefined): CmsField {
  const { schema: inner, required, fallback } = unwrap(schema);
  const words = look(path);
  const field: CmsField = { name, label: words?.label ?? humanName(name), widget: "string", ...shapeOf(path, inner, look) };
  if (!required) field.required = false;
  if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) field.default = fallback;
  if (words?.hint) field.hint = words.hint;
  return { ...field, ...words?.widget };
}

/** The widget and its options for a type, optional and default already taken off. */
function shapeOf(path: string, schema: z.ZodType, look: (path: string) => FieldLook | undefined): Partial<CmsField> {
  const meta = z.globalRegistry.get(schema) as FormMeta | undefined;
  if (meta?.form) return { widget: meta.form };
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    options?: z.ZodType[];
    entries?: Record<string, string>;
  };
  switch (def.type) {
    case "string":
      return { widget: "string" };
    case "boolean":
      return { widget: "boolean" };
    case "number":
      return { widget: "number", value_type: "float" };
    case "enum":
      return { widget: "select", options: Object.values(def.entries!) };
    case "object":
      return { widget: "object", fields: Object.entries(def.shape!).map(([name, field]) => fieldOf(name, `${path}.${name}`, field, look)) };
    case "array": {
      const item = unwrap(def.element!).schema;
      const itemShape = shapeOf(path, item, look);
      // A list of groups has the group's fields; a list of single values, one widget per item.
      if (itemShape.widget === "object") return { widget: "list", fields: itemShape.fields! };
      return { widget: "list", field: { name: "item", label: look(path)?.label ?? humanName(path), widget: itemShape.widget ?? "string", ...itemShape } };
    }
    case "union": {
      // The fullest shape the union accepts: a list over one value, a group over a text.
      const shapes = def.options!.map((option) => ({ option, shape: shapeOf(path, unwrap(option).schema, look) }));
      const fullest = shapes.find((s) => s.shape.widget === "list") ?? shapes.find((s) => s.shape.widget === "object") ?? shapes.find((s) => s.shape.widget === "string");
      if (fullest) return fullest.shape;
      throw new UnexpressibleField(path, `union of ${def.options!.map((o) => o._zod.def.type).join(" and ")}`);
    }
    default:
      throw new UnexpressibleField(path, def.type);
  }
}

/**
 * The type under `.optional()`, `.default()` and transforms (the form writes what the transform
 * reads), with whether the file must have the field and the value the schema gives when it has not.
 */
function unwrap(schema: z.ZodType): { schema: z.ZodType; required: boolean; fallback: unknown } {
  let required = true;
  let fallback: unknown;
  let current = schema;
  for (;;) {
    if (z.globalRegistry.get(current)) return { schema: current, required, fallback };
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; defaultValue?: unknown };
    if (def.type === "optional") {
      required = false;
      current = def.innerType!;
    } else if (def.type === "default") {
      required = false;
      fallback = def.defaultValue;
      current = def.innerType!;
    } else if (def.type === "pipe") {
      current = def.in!;
    } else {
      return { schema: current, required, fallback };
    }
  }
}

/** `translationKey` → "Translation key", `stale_after` → "Stale after": a label for a field nobody has worded yet. */
export function humanName(path: string): string {
  const name = path.split(".").pop()!;
  const words = name.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
