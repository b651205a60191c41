// The task pane's start-up and wiring: one page for Word, Excel and a plain browser. Each host API group has its
// module (plans, invitations, programme, questions, reports, publish, check, after, attendance, jobs); state.js is the small shared state;
// word.js, excel.js, host.js and auth.js are the Office.js parts, dom.js the DOM helpers.
import * as api from "./api.js";
import * as auth from "./auth.js";
import * as excel from "./excel.js";
import * as word from "./word.js";
import { onConclusions, onMinutes } from "./after.js";
import { onAttendanceSheet } from "./attendance.js";
import { onCheck, onFix } from "./check.js";
import { $, addNotice, busy, el, nameDropdownControls, showError, showNotice, wireFilePicker } from "./dom.js";
import { hostName, officeReady } from "./host.js";
import { loadFields, onFieldChanged, onGenerate, onInsertField, onPreview, onRestore } from "./invitations.js";
import { loadPlans, onInsertDelegates, onPacket, onPlanChanged } from "./plans.js";
import { onProgramme } from "./programme.js";
import { loadReportChoices, onMakeReport, onReportKindChanged } from "./reports.js";
import { loadShareFolders, onAnswers, onConsolidate, onConsolidateFolder, onSplit } from "./questions.js";
import { has, state } from "./state.js";
import { vi } from "./strings.js";
import { followTheme } from "./theme.js";

function applyVisibility() {
  for (const node of document.querySelectorAll("[data-host], [data-capability]")) {
    const hosts = node.dataset.host?.split(" ");
    const okHost = !hosts || hosts.includes(state.host);
    const okCapability = !node.dataset.capability || has(node.dataset.capability);
    node.hidden = !(okHost && okCapability);
  }
}

/** Where documents go (api/config "sharing"): the server's Vietnamese label/value pairs, shown as they come. */
function showSharing() {
  const fields = state.config?.sharing?.fields ?? [];
  $("share-info").replaceChildren(...fields.flatMap((f) => [el("dt", { textContent: f.label }), el("dd", { textContent: f.value })]));
  $("share-info").hidden = fields.length === 0;
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

async function start() {
  const info = await officeReady();
  state.host = hostName(info);
  document.body.dataset.host = state.host;
  followTheme();
  $("host-label").textContent = vi.hostLabel[state.host];
  if (state.host === "none") showNotice(vi.outsideOfficeTitle, vi.outsideOffice);
  else checkRequirements();

  $("plan").addEventListener("change", () => onPlanChanged().then(() => loadReportChoices()).catch(showError));
  $("report-kind").addEventListener("change", onReportKindChanged);
  $("field").addEventListener("change", onFieldChanged);
  for (const id of ["template-file", "check-file", "question-files", "master-file", "answer-files", "after-questions", "after-attendance", "after-conclusions", "report-master"]) wireFilePicker(id);
  for (const [id, handler] of [
    ["insert-field", onInsertField],
    ["preview", onPreview],
    ["restore", onRestore],
    ["generate", onGenerate],
    ["packet", onPacket],
    ["insert-programme", () => onProgramme("programme")],
    ["insert-script", () => onProgramme("script")],
    ["check", onCheck],
    ["minutes", onMinutes],
    ["conclusions", onConclusions],
    ["fix", onFix],
    ["consolidate", onConsolidate],
    ["consolidate-folder", onConsolidateFolder],
    ["split", onSplit],
    ["answers", onAnswers],
    ["insert-delegates", onInsertDelegates],
    ["attendance-sheet", onAttendanceSheet],
    ["make-report", onMakeReport],
  ]) {
    const b = $(id);
    b.addEventListener("click", () => busy(b, handler));
  }

  try {
    state.config = await api.getJson("api/config");
    setupAuth();
    showSharing();
    applyVisibility();
    await Promise.all([loadPlans().then(() => loadReportChoices()), loadFields(), has("questions") ? loadShareFolders() : null]);
  } catch (error) {
    showError(error);
  }
  nameDropdownControls();
  document.body.dataset.ready = "true";
}

start();
