import { stringify } from "yaml";
import type { AdminModel } from "../../src/model/admin.ts";

/**
 * /admin/config.yml: Decap CMS's configuration, made by the build from its own schemas
 * (src/admin/cms-config.ts) and written as YAML, the format Decap reads by default.
 */
export function adminConfigYaml(admin: AdminModel): string {
  return `# Made by the build from Dateline's schemas and content/_data (src/admin/cms-config.ts): edits here are lost.\n${stringify(admin.config, { lineWidth: 0 })}`;
}
