// The yardstick: bare Eleventy 3 building the same Markdown with one Nunjucks layout and default
// settings, the way a plain Eleventy news blog would. `npm run bench` times it beside Dateline.
export default function () {
  return { dir: { input: "content", includes: "../_includes", output: "_site" } };
}
