import { ADMIN_FILE, FACTS_ID, type AdminModel } from "../../src/model/admin.ts";
import type { SiteConfig } from "../../src/site/site-config.ts";
import { html, jsonScript } from "../../src/shared/html.ts";

/**
 * /admin/: Decap CMS, from the site's own files (no CDN: the page works with only the Git backend
 * reachable), then Dateline's script, which registers its formats and widgets and starts it
 * (src/admin/admin-page-script.ts). Never indexed, never in a sitemap, a feed or the search index.
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
</head>
<body>
<noscript><p>The editing form needs JavaScript. Without it, edit the Markdown files in content/ (EDITING.md says how).</p></noscript>
<script src="${ADMIN_FILE.decap}" integrity="${admin.integrity.decap}"></script>
${jsonScript(admin.facts, { type: "application/json", id: FACTS_ID })}
<script src="${ADMIN_FILE.script}" integrity="${admin.integrity.script}"></script>
</body>
</html>`.value}
`;
}
