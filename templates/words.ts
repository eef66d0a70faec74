/**
 * Interface words. One language for now; the multilingual issue (#6) turns this into one
 * translations file per language, with a missing key as a build error.
 */
export const words = {
  skipToContent: "Skip to content",
  by: "By",
  and: "and",
  published: "Published",
  updated: "Updated",
  corrections: "Corrections",
  correction: "Correction",
  tags: "Tags",
  latest: "Latest news",
  draft: "Draft: not published",
  embargoedUntil: "Embargoed until",
  sectionNav: "Sections",
  noArticles: "No articles yet.",
  taggedWith: "Stories tagged",
} as const;
