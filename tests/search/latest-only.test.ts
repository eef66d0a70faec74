/** Latest-only jobs (src/search/latest-only.ts): one at a time, only the newest of those asked for meanwhile, failures told and survived. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LatestOnly } from "../../src/search/latest-only.ts";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A job that says when it starts and finishes when the test says so. */
function controlledJob(name: string, log: string[]) {
  const started = deferred();
  const finish = deferred();
  const job = () => {
    log.push(`start ${name}`);
    started.resolve();
    return finish.promise.then(() => void log.push(`end ${name}`));
  };
  return { job, started: started.promise, finish: finish.resolve, fail: finish.reject };
}

/** Job a running and job b asked for behind it, in a runner named `name`. */
async function bQueuedBehindA(name: string) {
  const log: string[] = [];
  const jobs = new LatestOnly(name);
  const a = controlledJob("a", log);
  const b = controlledJob("b", log);
  jobs.run(a.job);
  await a.started;
  jobs.run(b.job);
  return { log, jobs, a, b };
}

test("a job asked for while one runs waits for it to finish", async () => {
  const { log, a, b } = await bQueuedBehindA("test");
  // Let b start if it would: a's job is still running, so it must not.
  for (let i = 0; i < 10; i++) await Promise.resolve();
  assert.deepEqual(log, ["start a"]);
  a.finish();
  await b.started;
  assert.deepEqual(log, ["start a", "end a", "start b"]);
  b.finish();
});

test("of several jobs asked for meanwhile, only the newest runs", async () => {
  const log: string[] = [];
  const jobs = new LatestOnly("test");
  const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => controlledJob(n, log));
  jobs.run(a!.job);
  await a!.started;
  jobs.run(b!.job);
  jobs.run(c!.job);
  jobs.run(d!.job);
  a!.finish();
  await d!.started;
  d!.finish();
  // A later job runs only once the loop is free, so by then it is clear b and c were skipped.
  const e = controlledJob("e", log);
  jobs.run(e.job);
  e.finish();
  await e.started;
  assert.deepEqual(log.slice(0, 4), ["start a", "end a", "start d", "end d"]);
  assert.ok(!log.some((line) => line.includes(" b") || line.includes(" c")));
});

test("a failing job is told with console.error and the next one still runs", async (t) => {
  let logged = deferred();
  const errors = t.mock.method(console, "error", () => logged.resolve());
  const { log, jobs, a, b } = await bQueuedBehindA("search index");
  a.fail(new Error("pagefind crashed"));
  await b.started;
  assert.equal(errors.mock.callCount(), 1);
  assert.deepEqual(errors.mock.calls[0]!.arguments, ["[dateline] search index: pagefind crashed"]);
  b.finish();

  // A failure with nothing waiting leaves the runner free for the next save.
  const c = controlledJob("c", log);
  const d = controlledJob("d", log);
  jobs.run(c.job);
  await c.started;
  logged = deferred();
  c.fail(new Error("again"));
  await logged.promise;
  jobs.run(d.job);
  await d.started;
  d.finish();
  assert.equal(errors.mock.callCount(), 2);
  assert.deepEqual(log, ["start a", "start b", "end b", "start c", "start d"]);
});

test("a job that returns nothing counts as done", async () => {
  const jobs = new LatestOnly("test");
  const ran: string[] = [];
  const second = deferred();
  jobs.run(() => void ran.push("first"));
  jobs.run(() => {
    ran.push("second");
    second.resolve();
    return undefined;
  });
  await second.promise;
  assert.deepEqual(ran, ["first", "second"]);
});

test("a job that throws before it returns a promise is told the same way, and the runner goes on", async (t) => {
  const logged = deferred();
  const errors = t.mock.method(console, "error", () => logged.resolve());
  const log: string[] = [];
  const jobs = new LatestOnly("search index");
  jobs.run(() => {
    throw new Error("no pagefind binary");
  });
  await logged.promise;
  assert.deepEqual(errors.mock.calls[0]!.arguments, ["[dateline] search index: no pagefind binary"]);
  const next = controlledJob("next", log);
  jobs.run(next.job);
  await next.started;
  next.finish();
  assert.deepEqual(log, ["start next"]);
});
