// DOM helpers of the pane: elements, messages, problems, dropdowns, file pickers. No Office.js here, and never
// innerHTML: every text (server data included) goes in through textContent or attributes.
import { ApiError } from "./api.js";
import { vi } from "./strings.js";

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("attr:")) node.setAttribute(key.slice(5), value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function setStatus(text, kind = "ok") {
  const box = $("status");
  box.hidden = !text;
  box.className = `status ${kind === "ok" ? "" : kind}`.trim();
  box.textContent = text || "";
}

/** A notice: a bold title line and a plain line, both as text. */
export function showNotice(title, text) {
  const box = $("notice");
  box.replaceChildren(el("strong", { textContent: title }), el("span", { textContent: text }));
  box.hidden = false;
}

export function addNotice(text) {
  $("notice").append(el("p", { className: "more", textContent: text }));
  $("notice").hidden = false;
}

function problemItem(p) {
  return el("li", { className: p.severity === "warning" ? "warning" : "", textContent: p.message },
    p.location ? el("span", { className: "where", textContent: p.location }) : null);
}

export function renderProblems(problems, title) {
  const items = problems ?? [];
  $("problems").replaceChildren(...items.map(problemItem));
  $("problems-card").hidden = items.length === 0;
  $("problems-title").textContent = title ?? (items.some((p) => p.severity === "error") ? vi.problemsTitle : vi.warningsTitle);
}

/** Shows a failure: a server problem (Vietnamese title/detail + listed problems) or an Office error (by code). */
export function showError(error) {
  if (error?.name === "AbortError") return; // a superseded request (another conference was chosen)
  if (error instanceof ApiError) {
    const p = error.problem;
    setStatus([p.title, p.detail].filter(Boolean).join(" – "), "error");
    renderProblems(p.problems ?? []);
    return;
  }
  setStatus(vi.officeError(error?.code ?? ""), "error");
  console.error(error);
}

/**
 * Disables or enables a Fluent control; aria-disabled says it in the DOM too (the element's own state lives in its
 * ElementInternals, which checkers such as axe cannot see, so a dimmed button would read as low contrast text).
 */
export function setDisabled(control, disabled) {
  control.disabled = disabled;
  if (disabled) control.setAttribute("aria-disabled", "true");
  else control.removeAttribute("aria-disabled");
}

/** Runs `work` with the button disabled; failures are shown, not thrown. */
export async function busy(button, work) {
  setDisabled(button, true);
  try {
    await work();
  } catch (error) {
    showError(error);
  } finally {
    setDisabled(button, false);
  }
}

export function stats(rows) {
  const dl = el("dl", { className: "stats" });
  for (const [label, value] of rows) dl.append(el("dt", { textContent: label }), el("dd", {}, value));
  return dl;
}

export function badge(text, kind) {
  return el("fluent-badge", { className: `badge ${kind}`, textContent: text, "attr:appearance": "tint", "attr:color": kind === "ok" ? "success" : kind === "bad" ? "danger" : "warning" });
}

export function button(text, { primary = false, id } = {}) {
  const b = el("fluent-button", { textContent: text });
  if (primary) b.setAttribute("appearance", "primary");
  if (id) b.id = id;
  return b;
}

/**
 * Names the button a fluent-dropdown puts in its light DOM (slot "control") after the dropdown's label: Fluent 3.1.3
 * only passes aria-labelledby on to the combobox input, not to this button, which would have no accessible name.
 * Call it after a dropdown is filled or disabled.
 */
export function nameDropdownControls(root = document) {
  for (const dropdown of root.querySelectorAll("fluent-dropdown[aria-labelledby]")) {
    const control = dropdown.querySelector("[slot='control']");
    if (control && control.getAttribute("aria-labelledby") !== dropdown.getAttribute("aria-labelledby")) {
      control.setAttribute("aria-labelledby", dropdown.getAttribute("aria-labelledby"));
    }
    // A dropdown disabled before it was ever opened leaves aria-expanded out, which a combobox must carry.
    if (control && !control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
  }
}

/** Fills a fluent-dropdown with options [{ value, text }]; `selected` is chosen (left out: the first; null: none). */
export function fillDropdown(dropdown, options, selected) {
  const chosen = selected === undefined ? options[0]?.value : selected;
  const listbox = dropdown.querySelector("fluent-listbox");
  listbox.replaceChildren(...options.map((o) => {
    const option = el("fluent-option", { textContent: o.text, "attr:value": o.value });
    if (o.value === chosen) option.setAttribute("selected", "");
    if (o.disabled) option.setAttribute("disabled", "");
    return option;
  }));
  nameDropdownControls(dropdown.parentElement ?? document);
}

/** The chosen value of a fluent-dropdown ("" when none). */
export function dropdownValue(dropdown) {
  const option = [...dropdown.querySelectorAll("fluent-option")].find((o) => o.selected);
  return option?.value ?? option?.getAttribute("value") ?? "";
}

/** A Fluent button opens the visually hidden file input it names (data-picks); the chosen names are shown beside it. */
export function wireFilePicker(inputId) {
  const input = $(inputId);
  const label = $(`${inputId}-name`);
  $(`${inputId}-button`).addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const names = [...(input.files ?? [])].map((f) => f.name);
    label.textContent = names.length === 0 ? label.dataset.empty
      : names.length === 1 ? names[0]
        : vi.filesChosen(names);
  });
}
