// The task pane: one page for Word, Excel and a plain browser. Office-specific parts show only in their host;
// the API-backed parts (choose a conference, send files, download results) work everywhere.
/* global Office */
import * as api from "./api.js";
import * as auth from "./auth.js";
import * as word from "./word.js";
import * as excel from "./excel.js";
import { latestOnly } from "./latest.js";
import { vi } from "./strings.js";

const $ = (id) => document.getElementById(id);

const state = {
  host: "none",
  config: null,
  plans: [],
  fields: [],
  delegates: [],
  originals: null,
  lastConsolidated: null,
};

/** Office.onReady with a timeout: outside Office, or when office.js could not load, the pane goes on without it. */
export function officeReady(timeoutMs = 5000) {
  if (!globalThis.Office || typeof Office.onReady !== "function") return Promise.resolve({ host: null, platform: null });
  return Promise.race([
    Office.onReady(),
    new Promise((resolve) => setTimeout(() => resolve({ host: null, platform: null }), timeoutMs)),
  ]);
}

function hostName(info) {
  if (info?.host === "Word") return "word";
  if (info?.host === "Excel") return "excel";
  return "none";
}

const has = (capability) => (state.config?.capabilities ?? []).includes(capability);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// ---- messages -------------------------------------------------------------------------------------------------------

function setStatus(text, kind = "ok") {
  const box = $("status");
  box.hidden = !text;
  box.className = `status ${kind === "ok" ? "" : kind}`.trim();
  box.textContent = text || "";
}

function showNotice(html) {
  const box = $("notice");
  box.innerHTML = html;
  box.hidden = false;
}

function addNotice(text) {
  $("notice").append(el("p", { textContent: text, style: "margin:6px 0 0" }));
  $("notice").hidden = false;
}

function problemItem(p) {
  return el("li", { className: p.severity === "warning" ? "warning" : "", textContent: p.message },
    p.location ? el("span", { className: "where", textContent: p.location }) : null);
}

function renderProblems(problems, title) {
  const items = problems ?? [];
  $("problems").replaceChildren(...items.map(problemItem));
  $("problems-card").hidden = items.length === 0;
  $("problems-title").textContent = title ?? (items.some((p) => p.severity === "error") ? vi.problemsTitle : vi.warningsTitle);
}

/** Shows a failure: a server problem (Vietnamese title/detail + listed problems) or an Office error (by code). */
function showError(error) {
  if (error instanceof api.ApiError) {
    const p = error.problem;
    setStatus([p.title, p.detail].filter(Boolean).join(" – "), "error");
    renderProblems(p.problems ?? []);
    return;
  }
  setStatus(vi.officeError(error?.code ?? ""), "error");
  console.error(error);
}

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

function stats(rows) {
  const dl = el("dl", { className: "stats" });
  for (const [label, value] of rows) dl.append(el("dt", { textContent: label }), el("dd", {}, value));
  return dl;
}

function badge(text, kind) {
  return el("span", { className: `badge ${kind}`, textContent: text });
}

// ---- jobs: progress, results, downloads, publishing -----------------------------------------------------------------

function fileActions(file) {
  const actions = el("div", { className: "actions" });
  const button = (text, work) => {
    const b = el("button", { type: "button", textContent: text });
    b.addEventListener("click", () => busy(b, work));
    actions.append(b);
  };
  button(vi.download, async () => {
    api.saveBlob(await api.getBlob(file.url), file.name);
    setStatus(vi.downloaded(file.name));
  });
  if (state.host === "word" && file.name.endsWith(".docx") && word.supports("1.3")) {
    button(vi.openInWord, async () => {
      await word.openDocument(await api.toBase64(await api.getBlob(file.url)));
      setStatus(vi.opened(file.name));
    });
  }
  if (state.host === "excel" && file.name.endsWith(".xlsx") && excel.canInsertWorksheets()) {
    button(vi.insertIntoWorkbook, async () => {
      setStatus(vi.insertingSheets, "busy");
      const blob = await api.getBlob(file.url);
      try {
        setStatus(vi.workbookInserted(await excel.insertWorksheets(await api.toBase64(blob))));
      } catch (error) {
        // Excel on the web sometimes refuses workbooks desktop Excel takes (office-js #3809, #6142): hand over the file.
        api.saveBlob(blob, file.name);
        setStatus(vi.insertFailedDownloaded(error?.code ?? "", file.name), "error");
      }
    });
  }
  return actions;
}

/**
 * Starts a job and follows it in the container `boxId`: progress bar, then its files (download / open in Word /
 * insert into the workbook), its summary (`summary(job)` → nodes) and, when `publishable`, a Công bố button.
 */
async function runJob(boxId, start, { done, summary, publishable = false } = {}) {
  const box = $(boxId);
  const bar = el("progress", { max: 1, value: 0 });
  const text = el("p", { className: "hint" });
  box.replaceChildren(bar, text);
  box.hidden = false;
  renderProblems([]);
  let job = await start();
  const show = () => {
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    text.textContent = job.state === "done" ? vi.finished(job.done, job.total) : vi.working(job.step, job.done, job.total);
  };
  show();
  while (job.state === "running") {
    await new Promise((resolve) => setTimeout(resolve, 400));
    job = await api.getJson(`api/jobs/${job.id}`);
    show();
  }
  if (job.state === "failed") {
    setStatus([job.title ?? vi.jobFailed, job.detail].filter(Boolean).join(" – "), "error");
    renderProblems(job.problems);
    return null;
  }
  setStatus(done ? done(job) : vi.finished(job.done, job.total));
  renderProblems(job.problems);
  if (summary) box.append(...summary(job));
  if (job.files.length > 0) {
    box.append(el("ul", { className: "files" }, ...job.files.map((f) => el("li", {}, el("span", { textContent: f.label }), fileActions(f)))));
  }
  if (publishable && has("publish")) {
    const target = el("div", { className: "job", hidden: true, id: `${boxId}-publish` });
    const button = el("button", { type: "button", textContent: vi.publish });
    button.addEventListener("click", () => busy(button, () => publish(job, target.id)));
    box.append(button, target);
  }
  return job;
}

async function publish(sourceJob, boxId) {
  setStatus(vi.publishing, "busy");
  await runJob(boxId, () => api.postForm(`api/publish/jobs/${sourceJob.id}`, new FormData()), {
    done: (job) => `${job.summary.isLocal ? vi.publishedLocal : vi.publishedSharePoint} ${vi.publishCounts(job.summary)}`,
    summary: (job) => publishedLink(job.summary),
  });
}

function publishedLink(published) {
  return published?.folderLink
    ? [el("p", { className: "hint", textContent: vi.folderLink }),
      el("a", { className: "link", href: published.folderLink, target: "_blank", rel: "noopener", textContent: published.folderLink })]
    : [];
}

// ---- start-up -------------------------------------------------------------------------------------------------------

function applyVisibility() {
  for (const node of document.querySelectorAll("[data-host], [data-capability]")) {
    const hosts = node.dataset.host?.split(" ");
    const okHost = !hosts || hosts.includes(state.host);
    const okCapability = !node.dataset.capability || has(node.dataset.capability);
    node.hidden = !(okHost && okCapability);
  }
}

function setupAuth() {
  const entra = state.config?.auth === "entra";
  $("auth-label").textContent = entra ? vi.authEntra : vi.authLocal;
  if (!entra) return;
  if (state.host === "none") {
    addNotice(vi.authNeedsOffice);
    return;
  }
  // Office SSO, else the sign-in dialog (auth.js); the server exchanges the token on behalf of the user.
  api.setTokenProvider(async () => {
    try {
      return await auth.getToken();
    } catch (error) {
      throw new api.ApiError({ code: "SSO_" + (error?.code ?? ""), title: vi.signInFailed(error?.code ?? "?") }, 401);
    }
  });
}

function checkRequirements() {
  if (state.host === "word" && !word.supports("1.1")) addNotice(vi.oldWord);
  if (state.host === "excel" && !excel.canInsertWorksheets()) addNotice(vi.oldExcel);
}

async function loadPlans() {
  const select = $("plan");
  state.plans = await api.getJson("api/plans");
  select.replaceChildren();
  if (state.plans.length === 0) {
    select.append(new Option(vi.noPlans, ""));
    return;
  }
  for (const p of state.plans) select.append(new Option(p.title, p.id));
  select.disabled = false;
  await onPlanChanged();
}

function currentPlan() {
  return state.plans.find((p) => p.id === $("plan").value);
}

const planUrl = (path) => `api/${path.replace("{plan}", encodeURIComponent(currentPlan()?.id ?? ""))}`;

// The delegates of the selected conference: a reply for a conference no longer selected is dropped.
const planSelection = latestOnly();

/**
 * Shows the chosen conference. #plan-card says which plan it shows and whether it is ready
 * (data-plan, data-state="loading" | "ready" | "failed"); data-dropped counts replies dropped as stale.
 */
async function onPlanChanged() {
  const plan = currentPlan();
  if (!plan) return;
  const card = $("plan-card");
  const delegates = state.host === "word" && plan.errors === 0;
  const url = planUrl("plans/{plan}/delegates");
  card.dataset.plan = plan.id;
  card.dataset.state = "loading";
  $("plan-info").textContent = vi.loadingPlan;
  renderProblems([]);
  if (state.host === "word") {
    state.delegates = [];
    $("delegate").replaceChildren(new Option(vi.loadingDelegates, ""));
    $("delegate").disabled = true;
  }
  let reply;
  try {
    reply = await planSelection((signal) => (delegates ? api.getJson(url, { signal }) : Promise.resolve([])));
  } catch (error) {
    card.dataset.state = "failed";
    $("plan-info").textContent = "";
    throw error;
  }
  if (!reply.current) {
    card.dataset.dropped = String(Number(card.dataset.dropped ?? 0) + 1);
    return;
  }
  if (state.host === "word") {
    state.delegates = reply.value;
    $("delegate").replaceChildren(...state.delegates.map((d) => new Option(`${d.code} – ${d.addressee}`, d.code)));
    $("delegate").disabled = false;
  }
  $("plan-info").textContent = plan.errors > 0 ? vi.planHasErrors(plan.errors) : vi.planInfo(plan);
  card.dataset.state = "ready";
}

async function loadFields() {
  if (!has("invitations")) return;
  // Row fields belong to table rows of the script template, not to text typed at the cursor.
  state.fields = (await api.getJson("api/invitations/fields")).filter((f) => f.kind !== "rows");
  const select = $("field");
  select.replaceChildren();
  for (const [label, perDelegate] of [[vi.groupDelegate, true], [vi.groupCommon, false]]) {
    const group = el("optgroup", { label });
    for (const f of state.fields.filter((x) => x.perDelegate === perDelegate)) group.append(new Option(word.shortLabel(f), f.tag));
    select.append(group);
  }
  onFieldChanged();
}

function currentField() {
  return state.fields.find((f) => f.tag === $("field").value);
}

function onFieldChanged() {
  const f = currentField();
  $("field-meaning").textContent = f ? vi.fieldHint(f) : "";
}

// ---- Word: fields and preview ---------------------------------------------------------------------------------------

async function onInsertField() {
  const f = currentField();
  if (!f) return;
  await word.insertField(f);
  setStatus(vi.fieldInserted(word.shortLabel(f)));
}

async function onPreview() {
  const code = $("delegate").value;
  if (!currentPlan() || !code) return;
  const values = await api.getJson(planUrl(`invitations/{plan}/preview/${encodeURIComponent(code)}`));
  const result = await word.fillFields(values);
  if (result.filled === 0) {
    setStatus(vi.previewNoFields, "error");
    return;
  }
  // Keep the draft's own text from the first preview: a second preview replaces a delegate's values, not the draft.
  state.originals ??= result.originals;
  $("restore").disabled = false;
  const who = state.delegates.find((d) => d.code === code)?.addressee ?? code;
  setStatus(vi.previewing(who, result.filled));
}

async function onRestore() {
  if (!state.originals) return;
  await word.restoreFields(state.originals);
  state.originals = null;
  $("restore").disabled = true;
  setStatus(vi.restored);
}

/** Adds the open document (Word) or the chosen file (browser) to `form` as `field`; false when there is none. */
async function addDocument(form, field, inputId) {
  if (state.host === "word") {
    if (state.originals) await onRestore(); // the document must hold the fields, not one delegate's values
    setStatus(vi.readingDocument, "busy");
    const url = state.config?.auth === "entra" ? word.webDocumentUrl() : null;
    if (url) {
      form.append("documentUrl", url);
      return true;
    }
    const doc = await word.readDocument();
    if (doc.kind === "docx") form.append(field, doc.blob, "van-ban-dang-mo.docx");
    else form.append("ooxml", doc.text);
    return true;
  }
  const file = $(inputId)?.files?.[0];
  if (file) form.append(field, file, file.name);
  return Boolean(file);
}

// ---- invitations, packet, programme, check --------------------------------------------------------------------------

async function onGenerate() {
  if (!currentPlan()) return;
  const form = new FormData();
  await addDocument(form, "template", "template-file");
  const publishNow = has("publish") && $("publish-with").checked;
  if (publishNow) form.append("publish", "true");
  setStatus(vi.sending, "busy");
  await runJob("generate-job", () => api.postForm(planUrl("invitations/{plan}/jobs"), form), {
    done: (job) => job.summary?.published
      ? `${vi.generated(job.summary.invitations)} ${job.summary.published.isLocal ? vi.publishedLocal : vi.publishedSharePoint}`
      : vi.generated(job.summary?.invitations ?? job.done),
    summary: (job) => (job.summary?.published ? publishedLink(job.summary.published) : []),
    publishable: !publishNow,
  });
}

async function onPacket() {
  if (!currentPlan()) return;
  await runJob("packet-job", () => api.postForm(planUrl("plans/{plan}/packet"), new FormData()), {
    done: () => vi.packetDone,
    summary: (job) => [el("ul", { className: "hint" }, ...(job.summary?.steps ?? []).map((s) => el("li", { textContent: `${s.name}: ${vi.filesCount(s.files)}` })))],
    publishable: true,
  });
}

async function onProgramme(kind) {
  if (!currentPlan()) return;
  const name = kind === "programme" ? vi.programmeName : vi.scriptName;
  const blob = await api.getBlob(planUrl(`programme/{plan}/${kind}`));
  if (state.host === "word") {
    await word.insertFile(await api.toBase64(blob));
    setStatus(vi.inserted(name));
  } else {
    const file = kind === "programme" ? "chuong-trinh.docx" : "kich-ban-chi-tiet.docx";
    api.saveBlob(blob, file);
    setStatus(vi.downloaded(file));
  }
}

function findingItem(f) {
  return el("li", { className: f.severity === "warning" ? "warning" : "", textContent: f.message },
    el("span", { className: "where", textContent: [f.location, f.citation].filter(Boolean).join(" · ") }));
}

async function onCheck() {
  const form = new FormData();
  if (!(await addDocument(form, "document", "check-file"))) {
    setStatus(vi.checkNeedsFile, "error");
    return;
  }
  setStatus(vi.checking, "busy");
  const report = await api.postForm("api/check", form);
  $("findings").replaceChildren(...report.findings.map(findingItem));
  $("check-result").textContent = report.passed && report.warnings === 0 ? vi.checkPassed : vi.checkFound(report.errors, report.warnings);
  setStatus(report.passed ? vi.checkPassed : vi.checkFound(report.errors, report.warnings), report.passed ? "ok" : "error");
}

async function onFix() {
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

// ---- Excel / questions ----------------------------------------------------------------------------------------------

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

async function onConsolidate() {
  const files = $("question-files").files;
  if (!currentPlan() || !files?.length) {
    setStatus(vi.needQuestionFiles, "error");
    return;
  }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  setStatus(vi.consolidating, "busy");
  const job = await runJob("consolidate-job", () => api.postForm(planUrl("questions/{plan}/consolidate"), form), {
    done: (j) => vi.consolidated(j.summary.questions),
    summary: consolidationSummary,
    publishable: false,
  });
  if (job) state.lastConsolidated = job.files.find((f) => f.key === "consolidated") ?? null;
}

/** The second way: the folder's sheets, fetched by the host (SharePoint link or a local share folder). */
async function loadShareFolders() {
  const local = state.config?.share !== "sharepoint";
  $("question-folder-link").hidden = local;
  $("question-folder").hidden = !local;
  $("question-folder-hint").textContent = local ? vi.folderHintLocal : vi.folderHintSharePoint;
  if (!local) return;
  const select = $("question-folder");
  const listing = await api.getJson("api/questions/share-folders");
  select.replaceChildren();
  if (listing.folders.length === 0) {
    select.append(new Option(vi.noShareFolders, ""));
    select.disabled = true;
    return;
  }
  select.append(new Option(vi.chooseShareFolder, ""));
  for (const f of listing.folders) select.append(new Option(vi.shareFolderOption(f), f.name));
  select.disabled = false;
}

async function onConsolidateFolder() {
  const local = state.config?.share !== "sharepoint";
  const folder = (local ? $("question-folder").value : $("question-folder-link").value).trim();
  if (!currentPlan() || !folder) {
    setStatus(local ? vi.needShareFolder : vi.needFolderLink, "error");
    return;
  }
  setStatus(vi.fetchingFolder, "busy");
  const job = await runJob("consolidate-job", () => api.postJson(planUrl("questions/{plan}/consolidate-folder"), { folder }), {
    done: (j) => vi.consolidated(j.summary.questions),
    summary: consolidationSummary,
    publishable: false,
  });
  if (job) state.lastConsolidated = job.files.find((f) => f.key === "consolidated") ?? null;
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

async function onSplit() {
  const form = new FormData();
  if (!currentPlan() || !(await addMaster(form))) {
    setStatus(vi.needMaster, "error");
    return;
  }
  await runJob("split-job", () => api.postForm(planUrl("questions/{plan}/split"), form), {
    done: (job) => vi.split(job.summary.departments.length),
  });
}

async function onAnswers() {
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
  await runJob("answers-job", () => api.postForm("api/questions/answers", form), {
    done: (job) => vi.answersMerged(job.summary.answered, job.summary.questions),
    summary: (job) => [stats([
      [vi.stat.questions, String(job.summary.questions)],
      [vi.stat.answered, String(job.summary.answered)],
      [vi.stat.unanswered, String(job.summary.unanswered)],
      [vi.stat.conflicts, String(job.summary.conflicts)],
      [vi.stat.unknownIds, String(job.summary.unknownIds)],
    ])],
  });
}

async function onInsertDelegates() {
  if (!currentPlan()) return;
  const blob = await api.getBlob(planUrl("plans/{plan}/delegates/workbook"));
  if (!excel.canInsertWorksheets()) {
    api.saveBlob(blob, "dai-bieu.xlsx");
    setStatus(vi.sheetsDownloaded("dai-bieu.xlsx"));
    return;
  }
  setStatus(vi.insertingSheets, "busy");
  await excel.insertWorksheets(await api.toBase64(blob));
  setStatus(vi.sheetsInserted);
}

// ---- wiring ---------------------------------------------------------------------------------------------------------

function showChosenFiles(inputId) {
  const input = $(inputId);
  const label = $(`${inputId}-name`);
  input.addEventListener("change", () => {
    const names = [...(input.files ?? [])].map((f) => f.name);
    label.textContent = names.length === 0 ? label.dataset.empty
      : names.length === 1 ? names[0]
        : `${names.length} tệp: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`;
  });
}

async function start() {
  const info = await officeReady();
  state.host = hostName(info);
  document.body.dataset.host = state.host;
  $("host-label").textContent = vi.hostLabel[state.host];
  if (state.host === "none") showNotice(vi.outsideOffice);
  else checkRequirements();

  $("plan").addEventListener("change", () => onPlanChanged().catch(showError));
  $("field").addEventListener("change", onFieldChanged);
  for (const id of ["template-file", "check-file", "question-files", "master-file", "answer-files"]) showChosenFiles(id);
  for (const [id, handler] of [
    ["insert-field", onInsertField],
    ["preview", onPreview],
    ["restore", onRestore],
    ["generate", onGenerate],
    ["packet", onPacket],
    ["insert-programme", () => onProgramme("programme")],
    ["insert-script", () => onProgramme("script")],
    ["check", onCheck],
    ["fix", onFix],
    ["consolidate", onConsolidate],
    ["consolidate-folder", onConsolidateFolder],
    ["split", onSplit],
    ["answers", onAnswers],
    ["insert-delegates", onInsertDelegates],
  ]) {
    const button = $(id);
    button.addEventListener("click", () => busy(button, handler));
  }

  try {
    state.config = await api.getJson("api/config");
    setupAuth();
    applyVisibility();
    await Promise.all([loadPlans(), loadFields(), has("questions") ? loadShareFolders() : null]);
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = "true";
}

start();
