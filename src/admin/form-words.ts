/**
 * The editing form's words, one YAML file per language in `templates/translations/form/`: each
 * collection's name and each field's label and hint, by the field's dotted path. English is complete;
 * another language's file may leave a key out (it is shown in English) or be missing altogether. A
 * field path no schema has is a build error naming the file and line: words for a renamed field
 * would otherwise be left silently unused.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, shownPath, type Problem } from "../shared/errors.ts";
import { isYamlError, parseYaml } from "../source/yaml-source.ts";
import { schemaProblems } from "../source/schema-problems.ts";
import { TRANSLATIONS_DIR } from "../site/editions.ts";

const words = z.object({ label: z.string().trim().min(1), hint: z.string().trim().min(1).optional() }).strict();
const formWordsSchema = z
  .object({
    stories: z.object({ label: z.string().trim().min(1), singular: z.string().trim().min(1), description: z.string().trim().min(1) }).strict().partial(),
    desk: z.object({ label: z.string().trim().min(1) }).strict().partial(),
    front: z.object({ label: z.string().trim().min(1) }).strict().partial(),
    breaking: z.object({ label: z.string().trim().min(1) }).strict().partial(),
    fields: z.record(z.string(), words),
  })
  .strict()
  .partial();

export type FormWords = z.output<typeof formWordsSchema>;

/** The form's words of each language, by code (an empty set for a language without a file). */
export function loadFormWords(codes: readonly string[], fieldPaths: ReadonlySet<string>, root: string, dir = path.join(TRANSLATIONS_DIR, "form")): Map<string, FormWords> {
  const problems: Problem[] = [];
  const found = new Map<string, FormWords>();
  for (const code of new Set(["en", ...codes])) {
    const file = path.join(dir, `${code}.yaml`);
    if (!existsSync(file)) {
      found.set(code, {});
      continue;
    }
    const shown = shownPath(root, file);
    const source = parseYaml(readFileSync(file, "utf8"));
    if (isYamlError(source)) {
      problems.push({ file: shown, line: source.line, field: "yaml", message: source.message });
      continue;
    }
    const parsed = formWordsSchema.safeParse(source.value ?? {});
    if (!parsed.success) {
      problems.push(...schemaProblems(formWordsSchema, parsed.error.issues, shown, source.lineOf));
      continue;
    }
    for (const key of Object.keys(parsed.data.fields ?? {})) {
      if (!fieldPaths.has(key)) problems.push({ file: shown, line: source.lineOf(["fields", key]), field: `fields.${key}`, message: "no form has this field: rename or remove its words" });
    }
    found.set(code, parsed.data);
  }
  if (problems.length) throw new ContentError(problems);
  return found;
}
