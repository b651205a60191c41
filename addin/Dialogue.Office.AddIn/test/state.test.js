import { test } from "node:test";
import assert from "node:assert/strict";
import { currentPlan, isCurrent, planUrl, select } from "../wwwroot/js/state.js";

test("a new conference choice aborts the previous one's requests and retires it", () => {
  const first = select({ id: "yen-bai-2023" });
  assert.equal(isCurrent(first), true);
  const second = select({ id: "xa 2026" });
  assert.equal(first.controller.signal.aborted, true);
  assert.equal(isCurrent(first), false);
  assert.equal(isCurrent(second), true);
  assert.ok(second.generation > first.generation);
  assert.equal(currentPlan().id, "xa 2026");
  assert.equal(planUrl("plans/{plan}/delegates"), "api/plans/xa%202026/delegates");
});

test("a late reply of an earlier choice is dropped even when its request ignored the abort", async () => {
  const first = select({ id: "xa-2026" });
  let lateRelease;
  const late = new Promise((resolve) => (lateRelease = resolve)); // never listens to the signal
  const second = select({ id: "yen-bai-2023" });
  lateRelease(["XA26-0002"]);
  await late;
  assert.equal(isCurrent(first), false, "the reply of the first choice is not shown");
  assert.equal(isCurrent(second), true);
  assert.equal(currentPlan().id, "yen-bai-2023");
});
