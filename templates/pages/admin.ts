import { ADMIN_FILE, FACTS_ID, type AdminModel } from "../../src/model/admin.ts";
import type { SiteConfig } from "../../src/site/site-config.ts";
import { html, jsonScript } from "../../src/shared/html.ts";

/**
 * /admin/: Decap CMS, from the site's own files (no CDN: the page works with only the Git backend
 * reachable), then Dateline's script, which registers its formats and widgets and starts it
 * (src/admin/admin-page-script.ts). Never indexed, never in a sitemap, a feed or the search index.
 * Decap's interface is its own; the page gives it a main landmark and a heading to sit under.
 */
export function adminPage(admin: AdminModel, site: SiteConfig): string {
  return `<!doctype html>
${html`<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Editing: ${site.name}</title>
<link href="${ADMIN_FILE.config}" type="text/yaml" rel="cms-config-url">
<script>window.CMS_MANUAL_INIT = true;</script>
<style>
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
/* Decap's sign-in page writes "Go back to site" in a grey too light for its background (3.4:1). */
#nc-root > div > section a p { color: #4a5160; }
</style>
</head>
<body>
<header><h1 class="visually-hidden">Editing: ${site.name}</h1></header>
<noscript><p>The editing form needs JavaScript. Without it, edit the Markdown files in content/ (EDITING.md says how).</p></noscript>
<!-- Decap CMS renders into its root, found by this id: here a main landmark. -->
<main id="nc-root"></main>
<script src="${ADMIN_FILE.decap}" integrity="${admin.integrity.decap}"></script>
${jsonScript(admin.facts, { type: "application/json", id: FACTS_ID })}
<script src="${ADMIN_FILE.script}" integrity="${admin.integrity.script}"></script>
</body>
</html>`.value}
`;
}
