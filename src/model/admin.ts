/**
 * What the build knows of /admin/, the editing form (src/admin/): Decap CMS's configuration and the
 * facts the page's script needs, with the names the config, the page and its script agree on. No
 * imports: the page's script is bundled for the browser from this file too.
 */

/** What the form's file formats must know of the site (src/admin/entry-files.ts). */
export interface FormFacts {
  /** The first edition's code: a story without `lang` is in it. */
  firstEdition: string;
  /** Per edition code: its time zone and its sections, slug → name in that edition. */
  editions: Record<string, { zone: string; sections: Record<string, string> }>;
  /** Paths of the fields holding a date: top-level (`date`) or one level down (`corrections.date`, `live.ended`). */
  dateFields: string[];
}

export interface AdminModel {
  /** config.yml's content. */
  config: Record<string, unknown>;
  /** Dateline's script for the page (src/admin/admin-page-script.ts, bundled), and each script's SRI hash. */
  script: string;
  integrity: { decap: string; script: string };
  facts: FormFacts & {
    /** Each collection's edition and direction, by collection name: the script sets the form's direction from it. */
    collections: Record<string, { edition: string; dir: "ltr" | "rtl" }>;
    /**
     * Fields required inside an optional group (a picture's alt text): Decap would require them with
     * the group left empty, so the form marks them optional and the page's script refuses to save a
     * group given without them, with the field's label and the group's.
     */
    requiredInGroups: { group: string; field: string; label: string; groupLabel: string }[];
  };
}

/** The custom widget: a text field with suggestions, any text allowed. */
export const SUGGEST_WIDGET = "dateline-suggest";

/** Dateline's file formats (src/admin/entry-files.ts), registered per edition. */
export const storyFormat = (code: string) => `dateline-story-${code}`;
export const dataFormat = (code: string) => `dateline-data-${code}`;

/** The id of the admin page's JSON holding the form's facts. */
export const FACTS_ID = "dateline-form-facts";

/** The files of /admin/ besides its index.html (templates/pages/admin.ts, src/output/admin-files.ts). */
export const ADMIN_FILE = {
  config: "config.yml",
  decap: "decap-cms.js",
  script: "dateline-cms.js",
} as const;
