// Questions (host API group "questions"): consolidate the returned sheets (chosen files, or a folder on SharePoint /
// the local share), split the consolidation by answering department, merge the answers back.
import * as api from "./api.js";
import { $, badge, dropdownValue, el, fillDropdown, nameDropdownControls, setDisabled, setStatus, stats } from "./dom.js";
import { runJob } from "./jobs.js";
import { currentPlan, planUrl, state } from "./state.js";
import { vi } from "./strings.js";

const localShare = () => state.config?.share !== "sharepoint";

function consolidationSummary(job) {
  const r = job.summary;
  const nodes = [stats([
    [vi.stat.filesRead, `${r.filesRead}/${r.filesFound}`],
    [vi.stat.rowsRead, String(r.rowsRead)],
    [vi.stat.rowsTaken, String(r.rowsTaken)],
    [vi.stat.rowsRejected, String(r.rowsRejected)],
    [vi.stat.reconcile, badge(r.reconciles ? vi.stat.reconciles : vi.stat.notReconciled, r.reconciles ? "ok" : "bad")],
    [vi.stat.questions, String(r.questions)],
    [vi.stat.duplicates, vi.stat.duplicatesDetail(r)],
    [vi.stat.cellsConverted, String(r.cellsConverted)],
  ])];
  const behind = r.tracking.filter((t) => t.state === "Late" || t.state === "Missing" || t.state === "DateUnknown");
  if (behind.length > 0) {
    nodes.push(el("p", { className: "label", textContent: vi.trackingTitle }),
      el("ul", { className: "problems tracking" }, ...behind.map((t) => el("li", { className: "warning", textContent: vi.tracking(t) }))));
  }
  return nodes;
}

async function consolidate(start) {
  const job = await runJob("consolidate-job", start, {
    done: (j) => vi.consolidated(j.summary.questions),
    summary: consolidationSummary,
  });
  if (job) {
    state.lastConsolidated = job.files.find((f) => f.key === "consolidated") ?? null;
    state.lastAnswered = null;
  }
}

export async function onConsolidate() {
  const files = $("question-files").files;
  if (!currentPlan() || !files?.length) {
    setStatus(vi.needQuestionFiles, "error");
    return;
  }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  setStatus(vi.consolidating, "busy");
  await consolidate(() => api.postForm(planUrl("questions/{plan}/consolidate"), form));
}

/** The second way: the folder's sheets, fetched by the host (SharePoint link or a local share folder). */
export async function loadShareFolders() {
  const local = localShare();
  $("question-folder-link-field").hidden = local;
  $("question-folder-field").hidden = !local;
  $("question-folder-hint").textContent = local ? vi.folderHintLocal : vi.folderHintSharePoint;
  if (!local) return;
  const dropdown = $("question-folder");
  const listing = await api.getJson("api/questions/share-folders");
  if (listing.folders.length === 0) {
    dropdown.setAttribute("placeholder", vi.noShareFolders);
    setDisabled(dropdown, true);
    nameDropdownControls(dropdown.parentElement);
    return;
  }
  dropdown.setAttribute("placeholder", vi.chooseShareFolder);
  fillDropdown(dropdown, listing.folders.map((f) => ({ value: f.name, text: vi.shareFolderOption(f) })), null);
  setDisabled(dropdown, false);
}

export async function onConsolidateFolder() {
  const local = localShare();
  const folder = (local ? dropdownValue($("question-folder")) : $("question-folder-link").value ?? "").trim();
  if (!currentPlan() || !folder) {
    setStatus(local ? vi.needShareFolder : vi.needFolderLink, "error");
    return;
  }
  setStatus(vi.fetchingFolder, "busy");
  await consolidate(() => api.postJson(planUrl("questions/{plan}/consolidate-folder"), { folder }));
}

async function addMaster(form) {
  const chosen = $("master-file").files?.[0];
  if (chosen) {
    form.append("consolidated", chosen, chosen.name);
    return true;
  }
  if (!state.lastConsolidated) return false;
  form.append("consolidated", await api.getBlob(state.lastConsolidated.url), state.lastConsolidated.name);
  return true;
}

export async function onSplit() {
  const form = new FormData();
  if (!currentPlan() || !(await addMaster(form))) {
    setStatus(vi.needMaster, "error");
    return;
  }
  await runJob("split-job", () => api.postForm(planUrl("questions/{plan}/split"), form), {
    done: (job) => vi.split(job.summary.departments.length),
  });
}

export async function onAnswers() {
  const form = new FormData();
  if (!(await addMaster(form))) {
    setStatus(vi.needMaster, "error");
    return;
  }
  const answers = $("answer-files").files;
  if (!answers?.length) {
    setStatus(vi.needAnswers, "error");
    return;
  }
  for (const f of answers) form.append("answers", f, f.name);
  const job = await runJob("answers-job", () => api.postForm("api/questions/answers", form), {
    done: (job) => vi.answersMerged(job.summary.answered, job.summary.questions),
    summary: (job) => [stats([
      [vi.stat.questions, String(job.summary.questions)],
      [vi.stat.answered, String(job.summary.answered)],
      [vi.stat.unanswered, String(job.summary.unanswered)],
      [vi.stat.conflicts, String(job.summary.conflicts)],
      [vi.stat.unknownIds, String(job.summary.unknownIds)],
    ])],
  });
  // The reports card writes the answer book from this one.
  if (job) state.lastAnswered = job.files.find((f) => f.key === "merged") ?? null;
}
