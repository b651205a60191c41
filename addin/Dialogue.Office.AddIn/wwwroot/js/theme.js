// The pane's Fluent theme follows the Office host (Office.context.officeTheme), else the system's colour scheme.
import { officeTheme, onThemeChanged } from "./host.js";
import { setTheme, webDarkTheme, webLightTheme } from "../lib/fluent/fluent.js";

function apply(dark) {
  setTheme(dark ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function followTheme() {
  const office = officeTheme();
  if (office) {
    apply(office.dark);
    onThemeChanged(() => apply(officeTheme()?.dark ?? false));
    return;
  }
  const query = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
  apply(Boolean(query?.matches));
  query?.addEventListener?.("change", (e) => apply(e.matches));
}
