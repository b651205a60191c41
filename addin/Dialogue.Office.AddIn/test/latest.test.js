import { test } from "node:test";
import assert from "node:assert/strict";
import { latestOnly } from "../wwwroot/js/latest.js";

/** A request whose reply the test releases by hand: no timers, the order is the test's. */
function held() {
  let release;
  let fail;
  const signals = [];
  const promise = (signal) => {
    signals.push(signal);
    return new Promise((resolve, reject) => {
      release = resolve;
      fail = reject;
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  };
  return { promise, release: (v) => release(v), fail: (e) => fail(e), signals };
}

test("a reply for a conference no longer selected is dropped, the newer one is kept", async () => {
  const run = latestOnly();
  const first = held();
  const second = held();
  const a = run(first.promise);
  const b = run(second.promise);
  assert.equal(first.signals[0].aborted, true, "starting the second request aborts the first");
  second.release(["XA26-0002"]);
  assert.deepEqual(await b, { current: true, value: ["XA26-0002"] });
  assert.deepEqual(await a, { current: false });
});

test("a late value that ignores the abort is still dropped", async () => {
  const run = latestOnly();
  let lateRelease;
  const a = run(() => new Promise((resolve) => (lateRelease = resolve))); // never listens to the signal
  const b = run(async () => "yen-bai-2023");
  assert.deepEqual(await b, { current: true, value: "yen-bai-2023" });
  lateRelease("xa-2026");
  assert.deepEqual(await a, { current: false });
});

test("an error of the current request reaches the caller; an error of a stale one does not", async () => {
  const run = latestOnly();
  const stale = held();
  const a = run(stale.promise);
  const b = run(async () => {
    throw new Error("PLAN_NOT_FOUND");
  });
  await assert.rejects(b, /PLAN_NOT_FOUND/);
  assert.deepEqual(await a, { current: false });
});

test("one request alone is current", async () => {
  const run = latestOnly();
  assert.deepEqual(await run(async (signal) => signal.aborted), { current: true, value: false });
});
