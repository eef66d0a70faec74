/**
 * The fixture site as the search tests build it: for a sub-path (https://fixture.example.org/news/),
 * with an Arabic story (one index for every language), a story whose every field holds markup, and
 * twelve short stories sharing a word (a second page of results), half of them in December.
 */
import path from "node:path";
import { editFile } from "./edit-file.ts";
import { buildFixture, makeFixtureSite } from "./fixture-site.ts";
import { sharedSite } from "./shared-site.ts";
import { writeStory } from "./write-story.ts";

export const PREFIX = "/news/";
export const ARTICLE = `${PREFIX}middle-east/leaders-meet-in-moscow-as-troops-leave-the-north/`;
export const ARTICLE_TITLE = "Leaders meet in Moscow as troops leave the north";
export const FLAT = `${PREFIX}world/a-flat-file-article-price-with-raw-in-it/`;
export const ARABIC = `${PREFIX}ar/world/arabic-story/`;
/** In the body of ARTICLE only ("## Extradition"; the standfirst says it too). */
export const WORD = "extradition";
/** In each of the twelve extra stories, and nowhere else. */
export const MANY = "lighthouse";
export const EXTRA = 12;
/** Extra stories published in December 2025 (the rest in January 2026). */
export const DECEMBER = 6;
/** Articles this build publishes: the fixture's two, the Arabic and hostile ones and the extra ones. */
export const PUBLISHED = 4 + EXTRA;

/** The search tests' site, built once for the files that read it (tests/support/shared-site.ts): its root, and the release for the file's after hook. */
export async function searchSite(): Promise<{ root: string; release: () => Promise<void> }> {
  const { site, release } = await sharedSite("search", async () => ({ dir: await makeSearchSite() }));
  return { root: site.dir, release };
}

/** Makes the search tests' copy of the fixture site and builds it (search index included); returns its root. */
export async function makeSearchSite(): Promise<string> {
  const root = await makeFixtureSite();
  await editFile(path.join(root, "content/_data/site.yaml"), (t) => t.replace("url: https://fixture.example.org/", `url: https://fixture.example.org${PREFIX}`));
  const world = path.join(root, "content/world");
  await writeStory(
    path.join(world, "arabic-story.md"),
    { title: "الرئيس يصل إلى موسكو", summary: "وصل الرئيس إلى موسكو لإجراء محادثات مع نظيره الروسي.", date: "2026-01-28T13:00:00+03:00", author: "مراسل", section: "World", lang: "ar", slug: "arabic-story" },
    "وصل الرئيس إلى العاصمة الروسية صباح الأربعاء.",
  );
  await writeStory(
    path.join(world, "hostile.md"),
    {
      title: "<i>Quayside</i> & <script>alert('title')</script>",
      summary: "<img src=x onerror=alert('summary')> a standfirst holding &amp; and <b>tags</b> about the quayside",
      date: "2026-01-20T10:00:00+03:00",
      author: "Desk",
      section: "World",
      slug: "hostile",
    },
    "The quayside &lt;mark&gt; and <mark>x</mark> and <script>alert('body')</script> stay text.",
  );
  // Half of them in December: the index is split by month, and a search finds stories of both.
  for (let i = 1; i <= EXTRA; i++) {
    const day = `${i <= DECEMBER ? "2025-12" : "2026-01"}-${String(i).padStart(2, "0")}`;
    await writeStory(
      path.join(world, `extra-${day}.md`),
      { title: `Harbour story number ${i}`, summary: `A short story about the harbour, number ${i}.`, date: `${day}T08:00:00+03:00`, author: "Desk", section: "World" },
      `The old ${MANY} keeper spoke about the harbour on day ${i}.`,
    );
  }
  await buildFixture(root);
  return root;
}
