/** Pagination (src/shared/pagination.ts): pages of a list, linked both ways. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { paginate } from "../../src/shared/pagination.ts";

test("pagination makes one page for no items, and links pages both ways", () => {
  assert.deepEqual(paginate([], 10, (n) => `/p${n}/`).map((p) => [p.number, p.last, p.items.length]), [[1, 1, 0]]);
  const pages = paginate([1, 2, 3, 4, 5], 2, (n) => `/p${n}/`);
  assert.deepEqual(pages.map((p) => [p.items, p.previous, p.next]), [
    [[1, 2], undefined, "/p2/"],
    [[3, 4], "/p1/", "/p3/"],
    [[5], "/p2/", undefined],
  ]);
});
