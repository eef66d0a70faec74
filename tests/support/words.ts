/** The English interface words, for tests that render Markdown or embeds outside a site. */
import { TRANSLATIONS_DIR } from "../../src/site/editions.ts";
import { loadWords } from "../../src/locale/words.ts";
import { REPO } from "../../src/shared/repo.ts";

export const english = loadWords(TRANSLATIONS_DIR, REPO, "en", "en-GB");
