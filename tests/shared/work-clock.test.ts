/** The work clock (src/shared/work-clock.ts): time by kind of work, nested calls counted once, as their own kind. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startWork, timed, workSeconds } from "../../src/shared/work-clock.ts";

/** Busy for at least `ms` milliseconds of this thread's time (the clock times synchronous work). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test("time inside a nested call counts as the nested kind only, and the kinds add up to the time spent", () => {
  startWork();
  const start = performance.now();
  timed("templates", () => {
    busy(20);
    timed("read", () => busy(30));
    busy(20);
  });
  const whole = (performance.now() - start) / 1000;
  const spent = workSeconds();
  // Each kind got at least its own busy time; counted twice, the nested time would push their sum past the whole.
  assert.ok(spent.read >= 0.03, `read ${spent.read}`);
  assert.ok(spent.templates >= 0.04, `templates ${spent.templates}`);
  assert.ok(spent.read + spent.templates <= whole, `${spent.read} + ${spent.templates} against ${whole}`);
  assert.equal(spent.write + spent.render + spent.validate, 0);
});

test("a throw still stops its kind's time, and the caller's goes on without it", () => {
  startWork();
  const start = performance.now();
  timed("write", () => {
    assert.throws(() => timed("read", () => {
      busy(10);
      throw new Error("disk gone");
    }), /disk gone/);
    busy(10);
  });
  const whole = (performance.now() - start) / 1000;
  const spent = workSeconds();
  assert.ok(spent.read >= 0.01 && spent.write >= 0.01, `read ${spent.read}, write ${spent.write}`);
  assert.ok(spent.read + spent.write <= whole, `${spent.read} + ${spent.write} against ${whole}`);
});

test("each build starts the clock afresh", () => {
  timed("render", () => busy(5));
  startWork();
  assert.deepEqual(workSeconds(), { read: 0, validate: 0, render: 0, templates: 0, write: 0 });
});
