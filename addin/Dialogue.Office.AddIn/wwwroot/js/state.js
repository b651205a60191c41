// The pane's small shared state: the host, the server's configuration, the conferences, and which conference is
// chosen. Choosing a conference starts a new selection: the previous one's AbortController is aborted and its
// generation number retired, so replies of a previously chosen conference that arrive late are discarded.
export const state = {
  host: "none",
  config: null,
  plans: [],
  fields: [],
  delegates: [],
  originals: null,
  lastConsolidated: null,
  /** The consolidation with the departments' answers merged in (questions.js), for the answer book. */
  lastAnswered: null,
  /** The chosen conference's reports and answer-book date (reports.js). */
  reportChoices: null,
  /** The current conference selection: { plan, generation, controller }. */
  selection: null,
  generation: 0,
  /** How many late replies of an earlier selection were thrown away (#plan-card data-dropped). */
  discarded: 0,
};

export const has = (capability) => (state.config?.capabilities ?? []).includes(capability);

/** Starts a new selection of `plan`; aborts what the previous one still had in flight. */
export function select(plan) {
  state.selection?.controller.abort();
  state.selection = { plan, generation: ++state.generation, controller: new AbortController() };
  return state.selection;
}

/** True while `selection` is still the chosen one (a reply for it may be shown). */
export function isCurrent(selection) {
  return state.selection === selection && !selection.controller.signal.aborted;
}

export function currentPlan() {
  return state.selection?.plan ?? null;
}

/** `api/...` with {plan} replaced by the chosen conference's id. */
export const planUrl = (path) => `api/${path.replace("{plan}", encodeURIComponent(currentPlan()?.id ?? ""))}`;
