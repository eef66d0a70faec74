/** Bounded mapping (src/shared/map-limit.ts): results in input order, never more than the limit at once. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mapLimit } from "../../src/shared/map-limit.ts";

test("results come back in input order even when calls finish out of order", async () => {
  const waiting: { item: number; resolve: (value: string) => void }[] = [];
  const done = mapLimit([1, 2, 3], 3, (item) => new Promise<string>((resolve) => waiting.push({ item, resolve })));
  assert.deepEqual(waiting.map((w) => w.item), [1, 2, 3]);
  for (const w of [...waiting].reverse()) w.resolve(`r${w.item}`);
  assert.deepEqual(await done, ["r1", "r2", "r3"]);
});

test("never more than `limit` calls are in flight", async () => {
  let running = 0;
  let most = 0;
  let calls = 0;
  const results = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
    calls++;
    running++;
    most = Math.max(most, running);
    // Several turns of the microtask queue, so other workers get to start meanwhile.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    running--;
    return item * 10;
  });
  assert.equal(most, 3);
  assert.equal(calls, 7);
  assert.deepEqual(results, [10, 20, 30, 40, 50, 60, 70]);
});

test("with a limit of one the calls run one after another", async () => {
  const order: string[] = [];
  await mapLimit(["a", "b", "c"], 1, async (item) => {
    order.push(`start ${item}`);
    await Promise.resolve();
    order.push(`end ${item}`);
  });
  assert.deepEqual(order, ["start a", "end a", "start b", "end b", "start c", "end c"]);
});

test("empty input gives an empty result without calling fn", async () => {
  let calls = 0;
  assert.deepEqual(await mapLimit([], 4, async () => calls++), []);
  assert.equal(calls, 0);
});
