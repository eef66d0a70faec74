/**
 * The breaking-news file (src/site/breaking-file.ts): `text`, an optional `link` (a story's slug or a
 * full URL) and an optional `until` (ISO 8601, read in the site's zone without an offset), per
 * edition; and its mistakes, by file, line and field.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBreakingFiles } from "../../src/site/breaking-file.ts";
import { isoWithOffset } from "../../src/shared/dates.ts";
import { dataFolders, problemsOf, yamlLines } from "../support/data-folder.ts";
import { testEditions } from "../support/test-site.ts";

const project = dataFolders("dateline-breaking-file-");
const editions = testEditions();
const load = async (files: Record<string, string>) => loadBreakingFiles(await project(files), editions, "Asia/Baghdad");

test("no file, no bar; each edition's own file, its link a story or a URL, and its end in the site's zone when it gives no offset", async () => {
  assert.equal((await load({})).size, 0);
  const bars = await load({
    "breaking.yaml": yamlLines("text: Polls have closed", "link: election-results", "until: 2026-12-07T18:00"),
    "breaking.ar.yaml": yamlLines("text: أُغلقت صناديق الاقتراع", "link: https://example.org/live?id=1", "until: 2026-12-07T15:00:00Z"),
  });
  const en = bars.get("en")!;
  assert.deepEqual([en.file, en.text, en.link], ["content/_data/breaking.yaml", "Polls have closed", { story: "election-results", line: 2 }]);
  assert.equal(isoWithOffset(en.until!), "2026-12-07T18:00:00+03:00");
  const ar = bars.get("ar")!;
  assert.deepEqual([ar.file, ar.link], ["content/_data/breaking.ar.yaml", { url: "https://example.org/live?id=1" }]);
  assert.equal(isoWithOffset(ar.until!), "2026-12-07T18:00:00+03:00", "shown in the site's zone");
  assert.equal(bars.has("ckb"), false);
  const plain = (await load({ "breaking.yaml": "text: A bar without a link or an end\n" })).get("en")!;
  assert.deepEqual([plain.link, plain.until], [undefined, undefined]);
});

test("a missing text, a link that is neither a slug nor a web address, an unreadable time: each by line", async () => {
  assert.deepEqual(await problemsOf(load({ "breaking.yaml": yamlLines("link: ftp://example.org/file", "until: tomorrow evening") })), [
    "content/_data/breaking.yaml: text: required",
    "content/_data/breaking.yaml:1: link: expected a story's slug (snow-closes-mountain-roads) or a full URL (https://…)",
    'content/_data/breaking.yaml:2: until: "tomorrow evening" is not an ISO 8601 date (expected e.g. 2026-01-28T12:00:00+03:00)',
  ]);
  assert.deepEqual(await problemsOf(load({ "breaking.ckb.yaml": yamlLines("text: ' '") })), ["content/_data/breaking.ckb.yaml:1: text: must not be empty"]);
});
