// The task pane: one page for Word, Excel and a plain browser. Office-specific parts show only in their host;
// the API-backed parts (choose a conference, send a template, download results) work everywhere.
/* global Office */
import * as api from "./api.js";
import * as word from "./word.js";
import * as excel from "./excel.js";
import { vi } from "./strings.js";

const $ = (id) => document.getElementById(id);

const state = {
  host: "none",
  config: null,
  plans: [],
  fields: [],
  delegates: [],
  originals: null,
  polling: null,
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
  const box = $("notice");
  const p = document.createElement("p");
  p.style.margin = "6px 0 0";
  p.textContent = text;
  box.appendChild(p);
  box.hidden = false;
}

function renderProblems(problems, title) {
  const list = $("problems");
  list.replaceChildren();
  const items = problems ?? [];
  $("problems-card").hidden = items.length === 0;
  $("problems-title").textContent = title ?? (items.some((p) => p.severity === "error") ? vi.problemsTitle : vi.warningsTitle);
  for (const p of items) {
    const li = document.createElement("li");
    li.className = p.severity === "warning" ? "warning" : "";
    li.textContent = p.message;
    if (p.location) {
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = p.location;
      li.appendChild(where);
    }
    list.appendChild(li);
  }
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

// ---- start-up -------------------------------------------------------------------------------------------------------

function applyVisibility() {
  const capabilities = new Set(state.config?.capabilities ?? []);
  for (const el of document.querySelectorAll("[data-host], [data-capability]")) {
    const hosts = el.dataset.host?.split(" ");
    const okHost = !hosts || hosts.includes(state.host);
    const okCapability = !el.dataset.capability || capabilities.has(el.dataset.capability);
    el.hidden = !(okHost && okCapability);
  }
  // The generate card lives in Word and in a plain browser, not in Excel.
  $("generate-card").hidden = state.host === "excel" || !capabilities.has("invitations");
}

function setupAuth() {
  const entra = state.config?.auth === "entra";
  $("auth-label").textContent = entra ? vi.authEntra : vi.authLocal;
  if (!entra) return;
  if (state.host === "none") {
    addNotice(vi.authNeedsOffice);
    return;
  }
  // Office SSO; the token is not cached here (Office caches it), and the server exchanges it on behalf of the user.
  api.setTokenProvider(async () => {
    try {
      return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
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

async function onPlanChanged() {
  const plan = currentPlan();
  if (!plan) return;
  $("plan-info").textContent = plan.errors > 0 ? vi.planHasErrors(plan.errors) : vi.planInfo(plan);
  renderProblems([]);
  if (state.host === "word") {
    state.delegates = plan.errors > 0 ? [] : await api.getJson(`api/plans/${encodeURIComponent(plan.id)}/delegates`);
    const select = $("delegate");
    select.replaceChildren(...state.delegates.map((d) => new Option(`${d.code} – ${d.addressee}`, d.code)));
  }
}

async function loadFields() {
  if (!(state.config?.capabilities ?? []).includes("invitations")) return;
  state.fields = await api.getJson("api/invitations/fields");
  const select = $("field");
  select.replaceChildren();
  for (const [label, perDelegate] of [[vi.groupDelegate, true], [vi.groupCommon, false]]) {
    const group = document.createElement("optgroup");
    group.label = label;
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
  const plan = currentPlan();
  const code = $("delegate").value;
  if (!plan || !code) return;
  const values = await api.getJson(`api/invitations/${encodeURIComponent(plan.id)}/preview/${encodeURIComponent(code)}`);
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

// ---- invitations --------------------------------------------------------------------------------------------------

async function onGenerate() {
  const plan = currentPlan();
  if (!plan) return;
  renderProblems([]);
  $("results").replaceChildren();
  const form = new FormData();
  if (state.host === "word") {
    if (state.originals) await onRestore(); // the template must hold the fields, not one delegate's values
    setStatus(vi.readingDocument, "busy");
    const doc = await word.readDocument();
    if (doc.kind === "docx") form.append("template", doc.blob, "van-ban-dang-mo.docx");
    else form.append("ooxml", doc.text);
  } else {
    const file = $("template-file").files?.[0];
    if (file) form.append("template", file, file.name);
  }
  setStatus(vi.sending, "busy");
  const job = await api.postForm(`api/invitations/${encodeURIComponent(plan.id)}/jobs`, form);
  await follow(job);
}

function showProgress(job) {
  $("progress-box").hidden = false;
  $("progress").max = Math.max(job.total, 1);
  $("progress").value = job.done;
  $("progress-text").textContent = job.state === "done" ? vi.generatedProgress(job.done, job.total) : vi.generating(job.done, job.total);
}

async function follow(job) {
  showProgress(job);
  while (job.state === "running") {
    await new Promise((resolve) => setTimeout(resolve, 400));
    job = await api.getJson(`api/invitations/jobs/${job.id}`);
    showProgress(job);
  }
  if (job.state === "failed") {
    setStatus([job.title ?? vi.generateFailed, job.detail].filter(Boolean).join(" – "), "error");
    renderProblems(job.problems);
    return;
  }
  setStatus(vi.generated(job.done));
  renderProblems(job.problems);
  renderFiles(job.files);
}

function renderFiles(files) {
  const list = $("results");
  list.replaceChildren();
  const canOpen = state.host === "word" && word.supports("1.3");
  for (const f of files) {
    const li = document.createElement("li");
    const label = document.createElement("span");
    label.textContent = f.label;
    const actions = document.createElement("div");
    actions.className = "actions";
    const download = document.createElement("button");
    download.type = "button";
    download.textContent = vi.download;
    download.addEventListener("click", () => busy(download, async () => {
      api.saveBlob(await api.getBlob(f.url), f.name);
      setStatus(vi.downloaded(f.name));
    }));
    actions.append(download);
    if (canOpen && f.name.endsWith(".docx")) {
      const open = document.createElement("button");
      open.type = "button";
      open.textContent = vi.openInWord;
      open.addEventListener("click", () => busy(open, async () => {
        await word.openDocument(await api.toBase64(await api.getBlob(f.url)));
        setStatus(vi.opened(f.name));
      }));
      actions.append(open);
    }
    li.append(label, actions);
    list.append(li);
  }
}

// ---- Excel ----------------------------------------------------------------------------------------------------------

async function onInsertDelegates() {
  const plan = currentPlan();
  if (!plan) return;
  const blob = await api.getBlob(`api/plans/${encodeURIComponent(plan.id)}/delegates/workbook`);
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

async function start() {
  const info = await officeReady();
  state.host = hostName(info);
  document.body.dataset.host = state.host;
  $("host-label").textContent = vi.hostLabel[state.host];
  if (state.host === "none") showNotice(vi.outsideOffice);
  else checkRequirements();

  $("plan").addEventListener("change", () => onPlanChanged().catch(showError));
  $("field").addEventListener("change", onFieldChanged);
  $("template-file").addEventListener("change", () => {
    const file = $("template-file").files?.[0];
    $("template-name").textContent = file ? file.name : vi.noTemplateChosen;
  });
  for (const [id, handler] of [
    ["insert-field", onInsertField],
    ["preview", onPreview],
    ["restore", onRestore],
    ["generate", onGenerate],
    ["insert-delegates", onInsertDelegates],
  ]) {
    const button = $(id);
    button.addEventListener("click", () => busy(button, handler));
  }

  try {
    state.config = await api.getJson("api/config");
    setupAuth();
    applyVisibility();
    await Promise.all([loadPlans(), loadFields()]);
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = "true";
}

start();
