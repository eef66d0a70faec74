/**
 * The allowed direction of imports, as dependency-cruiser rules: the folders of src/ in pipeline
 * order, each importing only folders before it (and itself); templates/ reading only the model and
 * what it needs to lay it out; only cli/ and .eleventy.ts importing templates/; only src/eleventy/
 * importing Eleventy; no cycle anywhere. The README's tree says the same in words.
 */
import type { IForbiddenRuleType } from "dependency-cruiser";

/** src/'s folders, lowest first: a folder may import those before it. */
export const LAYERS = [
  "shared", //   no Dateline ideas: errors, html escaping, dates, files
  "store", //    everything kept between builds
  "source", //   file → YAML/frontmatter with line numbers → value or problems
  "locale", //   every language fact, interface words
  "images", //   picture plans, encoding
  "site", //     settings, editions, sections, authors, the URL space
  "assets", //   the stylesheet, font subsets
  "render", //   Markdown → HTML
  "model", //    the types templates read
  "content", //  content/ → Article[]
  "import", //   wire copy and WordPress exports → story folders in content/
  "admin", //    the editing form: Decap CMS's config from the schemas, its file formats
  "listings", // Article[] → the site model
  "search", //   the search index
  "output", //   writing the site
  "eleventy", // the Eleventy plugin and the production build
  "cli", //      npm run build, check, new
] as const;

/** What templates/ may import from src/. */
export const TEMPLATES_READ = ["shared", "locale", "site", "render", "model"] as const;

export function layerRules(): IForbiddenRuleType[] {
  // The last folder may import every other: it needs no rule.
  const upward = LAYERS.slice(0, -1).map((layer, i): IForbiddenRuleType => ({
    name: `${layer}-imports-downward`,
    comment: `src/${layer}/ may import only ${LAYERS.slice(0, i).join(", ") || "nothing else of src/"}`,
    severity: "error",
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${LAYERS.slice(i + 1).join("|")})/` },
  }));
  return [
    ...upward,
    {
      name: "no-circular",
      comment: "an import cycle, between files or between folders",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "templates-read-the-model",
      comment: `templates/ may import from src/ only ${TEMPLATES_READ.join(", ")}`,
      severity: "error",
      from: { path: "^templates/" },
      to: { path: "^src/", pathNot: `^src/(${TEMPLATES_READ.join("|")})/` },
    },
    {
      name: "only-cli-imports-templates",
      comment: "src/ never imports templates/, but for the commands (and .eleventy.ts, the wiring)",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^(templates/|\\.eleventy\\.ts$)" },
    },
    {
      name: "only-eleventy-imports-eleventy",
      comment: "Eleventy is an adapter: only src/eleventy/ imports it",
      severity: "error",
      from: { path: "^(src|templates)/", pathNot: "^src/eleventy/" },
      to: { path: "@11ty/eleventy" },
    },
  ];
}
