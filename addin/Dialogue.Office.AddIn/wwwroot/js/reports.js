// Reports (host API group "questions", documents): the Báo cáo tổng hợp câu hỏi each deadline of the plan asks for
// (a district's to Sở GD&ĐT, the Sở's to UBND tỉnh) and the leaders' Tài liệu trả lời, written by the host from a
// consolidated workbook. The date on the document is the plan's, shown in the date field, or what the clerk types
// there; the pane never puts today's date in.
import * as api from "./api.js";
import { $, dropdownValue, fillDropdown, setStatus } from "./dom.js";
import { runJob } from "./jobs.js";
import { currentPlan, isCurrent, planUrl, state } from "./state.js";
import { vi } from "./strings.js";

const BOOK = "book";

/**
 * Fills the card's choices for the chosen conference (reports by deadline, then the answer book). When a conference is
 * chosen this runs quietly: a plan the host refuses leaves the card empty, and "Lập văn bản" asks again and says why.
 */
export async function loadReportChoices({ quiet = true } = {}) {
  const selection = state.selection;
  if (!selection || $("reports-card").hidden) return;
  state.reportChoices = null;
  let choices;
  try {
    choices = await api.getJson(planUrl("questions/{plan}/documents"), { signal: selection.controller.signal });
  } catch (error) {
    if (quiet || !isCurrent(selection)) return;
    throw error;
  }
  if (!isCurrent(selection)) return;
  state.reportChoices = choices;
  const options = [...choices.reports.map((r) => ({ value: `report:${r.id}`, text: vi.reportOption(r) })), { value: BOOK, text: vi.bookOption }];
  fillDropdown($("report-kind"), options, choices.defaultReport ? `report:${choices.defaultReport}` : BOOK);
  onReportKindChanged();
}

function chosenReport() {
  const kind = dropdownValue($("report-kind"));
  return kind.startsWith("report:") ? state.reportChoices?.reports.find((r) => `report:${r.id}` === kind) ?? null : null;
}

/** A unit's own report asks which unit sends it; every kind puts the plan's date into the date field. */
export function onReportKindChanged() {
  const report = chosenReport();
  const unitLevel = Boolean(report?.unitLevel && report.units.length > 0);
  $("report-from-field").hidden = !unitLevel;
  if (unitLevel) fillDropdown($("report-from"), report.units.map((u) => ({ value: u, text: u })));
  const planDate = report ? report.date : state.reportChoices?.bookDate ?? "";
  $("report-date").value = planDate;
  $("report-date-hint").textContent = planDate ? vi.reportDateHint(planDate) : "";
}

/** The workbook to write from: the one chosen here, else the latest the pane made (answers merged, or the consolidation). */
async function addWorkbook(form) {
  const chosen = $("report-master").files?.[0];
  if (chosen) {
    form.append("consolidated", chosen, chosen.name);
    return true;
  }
  const made = state.lastAnswered ?? state.lastConsolidated;
  if (!made) return false;
  form.append("consolidated", await api.getBlob(made.url), made.name);
  return true;
}

export async function onMakeReport() {
  if (!currentPlan()) return;
  if (!state.reportChoices) await loadReportChoices({ quiet: false });
  if (!state.reportChoices) return;
  const form = new FormData();
  if (!(await addWorkbook(form))) {
    setStatus(vi.needMaster, "error");
    return;
  }
  const date = String($("report-date").value ?? "").trim();
  if (date) form.append("date", date);
  const report = chosenReport();
  if (report) {
    form.append("deadline", report.id);
    if (!$("report-from-field").hidden) form.append("from", dropdownValue($("report-from")));
  }
  setStatus(report ? vi.makingReport : vi.makingBook, "busy");
  await runJob("report-job", () => api.postForm(planUrl(report ? "questions/{plan}/report" : "questions/{plan}/book"), form), {
    done: (job) => (job.summary.kind === BOOK ? vi.bookDone(job.summary) : vi.reportDone(job.summary)),
  });
}
