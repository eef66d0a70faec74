/** The English interface words, for tests that render Markdown or embeds outside a site. */
import { TRANSLATIONS_DIR } from "../../src/editions.ts";
import { loadWords } from "../../src/translations.ts";
import { REPO } from "./fixture-site.ts";

export const english = loadWords(TRANSLATIONS_DIR, REPO, "en", "en-GB");
