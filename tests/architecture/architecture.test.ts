/**
 * The import rules of tests/architecture/layers.ts, run by dependency-cruiser over src/, templates/
 * and .eleventy.ts: a wrong-way import, a template reading past the model, or an import cycle fails
 * `npm test`. The same rules are run over a fixture that breaks each of them, so a rule that stopped
 * matching would fail too.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { cruise, type IViolation } from "dependency-cruiser";
import { layerRules } from "./layers.ts";
import { FIXTURES, REPO } from "../support/fixture-site.ts";

async function violations(baseDir: string, roots: string[]): Promise<IViolation[]> {
  const result = await cruise(
    roots,
    { baseDir, ruleSet: { forbidden: layerRules() }, validate: true, tsPreCompilationDeps: true, doNotFollow: { path: "node_modules" }, exclude: { path: "\\.d\\.ts$" } },
    {},
    { tsConfig: { fileName: path.join(REPO, "tsconfig.json") } } as never,
  );
  if (typeof result.output === "string") throw new Error("dependency-cruiser gave a report, not a result");
  return [...result.output.summary.violations];
}

const shown = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(" → ")})` : ""}`;

test("imports run one way: src/ in pipeline order, templates/ read the model, no cycle", async () => {
  const found = await violations(REPO, ["src", "templates", ".eleventy.ts"]);
  assert.deepEqual(found.map(shown), []);
});

test("the rules refuse a wrong-way import, a cycle, a template reading content/, and src/ importing templates/", async () => {
  const found = (await violations(path.join(FIXTURES, "architecture"), ["src", "templates"])).map(shown);
  const has = (pattern: RegExp) => assert.ok(found.some((f) => pattern.test(f)), `expected ${pattern} among:\n${found.join("\n")}`);
  has(/^shared-imports-downward: src\/shared\/wrong-way\.ts → src\/content\/story\.ts$/);
  has(/^no-circular: src\/content\/(story|ring)\.ts → src\/content\/(ring|story)\.ts/);
  has(/^templates-read-the-model: templates\/page\.ts → src\/content\/story\.ts$/);
  has(/^only-cli-imports-templates: src\/content\/renders\.ts → templates\/page\.ts$/);
  assert.ok(!found.some((f) => f.startsWith("only-cli-imports-templates: src/cli/")), "src/cli/ may import templates/");
});
