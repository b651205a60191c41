// After the dialogue (host API group "after"): the Biên bản hội nghị (ND30 Mẫu 1.9) and the Thông báo kết luận,
// written by the host from the conference plan and the clerk's workbooks, then inserted at the cursor in Word (with
// their content controls) or downloaded outside Office.
import * as api from "./api.js";
import { $, setStatus } from "./dom.js";
import { runJob } from "./jobs.js";
import { currentPlan, planUrl } from "./state.js";
import { vi } from "./strings.js";

/** Adds the file chosen in `inputId` (if any) to `form` as `field`. */
function addChosen(form, field, inputId) {
  const file = $(inputId).files?.[0];
  if (file) form.append(field, file, file.name);
}

export async function onMinutes() {
  if (!currentPlan()) return;
  const form = new FormData();
  addChosen(form, "questions", "after-questions");
  addChosen(form, "attendance", "after-attendance");
  const secretary = String($("minutes-secretary").value ?? "").trim();
  if (secretary) form.append("secretary", secretary);
  setStatus(vi.writingMinutes, "busy");
  await runJob("minutes-job", () => api.postForm(planUrl("after/{plan}/minutes"), form), {
    done: () => vi.minutesReady,
    insert: true,
  });
}

export async function onConclusions() {
  if (!currentPlan()) return;
  const form = new FormData();
  addChosen(form, "conclusions", "after-conclusions");
  addChosen(form, "questions", "after-questions");
  setStatus(vi.writingConclusions, "busy");
  await runJob("conclusions-job", () => api.postForm(planUrl("after/{plan}/conclusions"), form), {
    done: () => vi.conclusionsReady,
    insert: true,
  });
}
