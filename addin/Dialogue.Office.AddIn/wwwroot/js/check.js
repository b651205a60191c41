// The ND30 check (host API group "check"): check the open document (Word) or a chosen .docx, or repair it.
import * as api from "./api.js";
import { $, el, setStatus } from "./dom.js";
import { addDocument } from "./invitations.js";
import { runJob } from "./jobs.js";
import { vi } from "./strings.js";

function findingItem(f) {
  return el("li", { className: f.severity === "warning" ? "warning" : "", textContent: f.message },
    el("span", { className: "where", textContent: [f.location, f.citation].filter(Boolean).join(" · ") }));
}

export async function onCheck() {
  const form = new FormData();
  if (!(await addDocument(form, "document", "check-file"))) {
    setStatus(vi.checkNeedsFile, "error");
    return;
  }
  setStatus(vi.checking, "busy");
  const report = await api.postForm("api/check", form);
  $("findings").replaceChildren(...report.findings.map(findingItem));
  const summary = report.passed && report.warnings === 0 ? vi.checkPassed : vi.checkFound(report.errors, report.warnings);
  $("check-result").textContent = summary;
  setStatus(report.passed ? vi.checkPassed : summary, report.passed ? "ok" : "error");
}

export async function onFix() {
  const form = new FormData();
  if (!(await addDocument(form, "document", "check-file"))) {
    setStatus(vi.checkNeedsFile, "error");
    return;
  }
  await runJob("fix-job", () => api.postForm("api/check/fix", form), {
    done: (job) => vi.fixDone(job.summary.changes.length),
    summary: (job) => [
      el("p", { className: "label", textContent: vi.fixChangesTitle }),
      el("ul", { className: "hint" }, ...job.summary.changes.map((c) => el("li", { textContent: c }))),
    ],
  });
}
