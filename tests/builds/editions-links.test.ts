/**
 * Every internal link and resource of the sample site's three editions (tests/support/editions-site.ts),
 * built once and served over HTTP, answers 200: Unicode slugs percent-encoded, fragments that exist.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildEditionsSite, encoded, MOSCOW, pages, problemList, server, SITE, SNOW } from "../support/editions-site.ts";

buildEditionsSite();

describe("served over HTTP", () => {
  test("every internal href and src of every page answers 200 (percent-encoded Unicode slugs too)", async () => {
    const problems: string[] = [];
    const targets = new Map<string, string>(); // path+query → a page that links to it
    for (const p of pages.values()) {
      for (const raw of p.urls) {
        if (raw.startsWith("#")) {
          if (raw.length > 1 && !p.ids.has(decodeURIComponent(raw.slice(1)))) problems.push(`${p.path}: ${raw}: no such id`);
          continue;
        }
        const isInternal = (raw.startsWith("/") && !raw.startsWith("//")) || raw.startsWith(SITE);
        if (!isInternal) continue;
        const u = new URL(raw, SITE);
        const target = u.pathname + u.search;
        if (/[^\x21-\x7e]/.test(target)) problems.push(`${p.path}: ${raw} is not percent-encoded`);
        if (!targets.has(target)) targets.set(target, p.path);
      }
    }
    assert.ok(targets.size > 200, `internal URLs: ${targets.size}`);
    for (const must of [MOSCOW.ckb, MOSCOW.ar, SNOW.ckb, "/ckb/tags/سووریا/"]) assert.ok(targets.has(encoded(must)), `${must} is linked`);
    assert.ok([...targets.keys()].some((t) => /^\/fonts\/[^/]+\.woff2$/.test(t)), "the fonts of the inlined @font-face rules are among the URLs");
    const queue = [...targets.keys()];
    const worker = async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
        const response = await fetch(new URL(t.slice(1), server.url), { method: "HEAD", redirect: "manual" });
        if (response.status !== 200) problems.push(`${t} (linked from ${targets.get(t)}): status ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    assert.deepEqual(problems, [], problemList(problems, "broken internal links"));
  });
});
