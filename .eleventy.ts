// Wiring only: Dateline is an Eleventy plugin, and the templates say which pages the site has.
// `npm start` uses this file through Eleventy's CLI; `npm run build` calls `configure` itself
// (src/cli/build.ts) to build into a staging folder and swap it in whole.
import { dateline, type DatelineOptions, type EleventyConfig } from "./src/eleventy/plugin.ts";
import { buildOptionsFromEnv } from "./src/eleventy/options-from-env.ts";
import { pages } from "./templates/index.ts";
import { pathPrefixForServer } from "./src/site/site-config.ts";

export function configure(eleventyConfig: EleventyConfig, overrides: Partial<DatelineOptions> = {}): void {
  // Eleventy renders no templates: the Markdown in content/ is read by Dateline's own pipeline, and
  // the plugin writes the pages. (This cannot live in the plugin: Eleventy fixes template formats
  // before plugins run.)
  eleventyConfig.setTemplateFormats([]);
  eleventyConfig.addPlugin(dateline, { pages, ...buildOptionsFromEnv(process.env), ...overrides });
}

export default function (eleventyConfig: EleventyConfig) {
  configure(eleventyConfig);
  // The dev server serves _site/ under the site's path prefix, as the host will.
  return { dir: { input: "content", output: "_site" }, pathPrefix: pathPrefixForServer("content") };
}
