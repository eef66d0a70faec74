/** Grouping (src/shared/group-by.ts): an item under each of its keys, in the items' order. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { groupBy } from "../../src/shared/group-by.ts";

test("an item with several keys is in each of their groups, and groups keep the items' order", () => {
  const items = [
    { name: "a", tags: ["x", "y"] },
    { name: "b", tags: ["y"] },
    { name: "c", tags: ["x", "z"] },
    { name: "d", tags: [] },
  ];
  const groups = groupBy(items, (item) => item.tags);
  assert.deepEqual(
    [...groups].map(([key, list]) => [key, list.map((i) => i.name)]),
    [
      ["x", ["a", "c"]],
      ["y", ["a", "b"]],
      ["z", ["c"]],
    ],
  );
  assert.equal(groups.get("x")![0], items[0]);
});

test("no items make no groups", () => {
  assert.equal(groupBy([], () => ["x"]).size, 0);
});
