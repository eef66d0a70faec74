// Wiring only: Dateline is an Eleventy plugin, and the templates say which pages the site has.
// `npm start` uses this file through Eleventy's CLI, with options from the environment;
// `npm run build` calls `configure` itself (src/cli/build-command.ts), with the options it read, to
// build into a staging folder and swap it in whole.
import { dateline, type DatelineOptions, type EleventyConfig } from "./src/eleventy/plugin.ts";
import { buildOptionsFromEnv } from "./src/eleventy/options-from-env.ts";
import { pages } from "./templates/index.ts";
import { pathPrefixForServer } from "./src/site/site-config.ts";

export function configure(eleventyConfig: EleventyConfig, options: Partial<DatelineOptions> = {}): void {
  // Eleventy renders no templates: the Markdown in content/ is read by Dateline's own pipeline, and
  // the plugin writes the pages. (This cannot live in the plugin: Eleventy fixes template formats
  // before plugins run.)
  eleventyConfig.setTemplateFormats([]);
  eleventyConfig.addPlugin(dateline, { pages, ...options });
}

export default function (eleventyConfig: EleventyConfig) {
  configure(eleventyConfig, buildOptionsFromEnv(process.env));
  // The dev server serves _site/ under the site's path prefix, as the host will.
  return { dir: { input: "content", output: "_site" }, pathPrefix: pathPrefixForServer("content") };
}
