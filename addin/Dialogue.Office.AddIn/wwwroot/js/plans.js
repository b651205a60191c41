// Conferences (host API group "plans"): the picker, the chosen conference's delegates, the whole packet, and the
// delegate list inserted into Excel. Choosing a conference is a selection in state.js: #plan-info is written only
// when that conference's data has arrived, and a late reply of a conference chosen before is discarded.
import * as api from "./api.js";
import * as excel from "./excel.js";
import { $, dropdownValue, el, fillDropdown, nameDropdownControls, renderProblems, setDisabled, setStatus } from "./dom.js";
import { runJob } from "./jobs.js";
import { publish } from "./publish.js";
import { currentPlan, isCurrent, planUrl, select, state } from "./state.js";
import { vi } from "./strings.js";

export async function loadPlans() {
  const dropdown = $("plan");
  state.plans = await api.getJson("api/plans");
  if (state.plans.length === 0) {
    dropdown.setAttribute("placeholder", vi.noPlans);
    return;
  }
  // What tells conferences apart comes first (date and code): several titles start "Hội nghị đối thoại giữa…".
  fillDropdown(dropdown, state.plans.map((p) => ({ value: p.id, text: vi.planOption(p) })));
  dropdown.removeAttribute("placeholder");
  setDisabled(dropdown, false);
  await onPlanChanged(state.plans[0].id);
}

/**
 * Shows the chosen conference once its data is in; a newer choice made meanwhile wins. #plan-card says which
 * conference it shows and how far (data-plan, data-state = loading | ready | failed); data-dropped counts the late
 * replies of earlier choices that were thrown away.
 */
export async function onPlanChanged(id = dropdownValue($("plan"))) {
  const plan = state.plans.find((p) => p.id === id);
  if (!plan) return;
  const selection = select(plan);
  const card = $("plan-card");
  card.dataset.plan = plan.id;
  card.dataset.state = "loading";
  card.setAttribute("aria-busy", "true");
  $("plan-info").textContent = vi.loadingPlan;
  renderProblems([]);
  const word = state.host === "word";
  if (word) {
    state.delegates = [];
    state.originals = null;
    fillDropdown($("delegate"), [], null);
    $("delegate").setAttribute("placeholder", vi.loadingDelegates);
    setDisabled($("delegate"), true);
    nameDropdownControls($("preview-card"));
  }
  let delegates = [];
  try {
    if (word && plan.errors === 0) delegates = await api.getJson(planUrl("plans/{plan}/delegates"), { signal: selection.controller.signal });
  } catch (error) {
    if (!isCurrent(selection)) {
      dropped();
      return;
    }
    card.dataset.state = "failed";
    card.removeAttribute("aria-busy");
    $("plan-info").textContent = "";
    throw error;
  }
  if (!isCurrent(selection)) {
    dropped();
    return;
  }
  if (word) {
    state.delegates = delegates;
    $("delegate").removeAttribute("placeholder");
    fillDropdown($("delegate"), delegates.map((d) => ({ value: d.code, text: `${d.code} – ${d.addressee}` })));
    setDisabled($("delegate"), false);
  }
  $("plan-info").textContent = plan.errors > 0 ? vi.planHasErrors(plan.errors) : vi.planInfo(plan);
  card.removeAttribute("aria-busy");
  card.dataset.state = "ready";
}

function dropped() {
  state.discarded++;
  $("plan-card").dataset.dropped = String(state.discarded);
}

export async function onPacket() {
  if (!currentPlan()) return;
  await runJob("packet-job", () => api.postForm(planUrl("plans/{plan}/packet"), new FormData()), {
    done: () => vi.packetDone,
    summary: (job) => [el("ul", { className: "hint" }, ...(job.summary?.steps ?? []).map((s) => el("li", { textContent: `${s.name}: ${vi.filesCount(s.files)}` })))],
    publish,
  });
}

export async function onInsertDelegates() {
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
