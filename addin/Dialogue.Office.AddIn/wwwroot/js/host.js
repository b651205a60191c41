// Office.js start-up: which host the pane runs in (separate from the DOM so office-addin-mock tests stay simple).
/* global Office */

/** Office.onReady with a timeout: outside Office, or when office.js could not load, the pane goes on without it. */
export function officeReady(timeoutMs = 5000) {
  if (!globalThis.Office || typeof Office.onReady !== "function") return Promise.resolve({ host: null, platform: null });
  return Promise.race([
    Office.onReady(),
    new Promise((resolve) => setTimeout(() => resolve({ host: null, platform: null }), timeoutMs)),
  ]);
}

export function hostName(info) {
  if (info?.host === "Word") return "word";
  if (info?.host === "Excel") return "excel";
  return "none";
}

/**
 * The host's theme as { dark, background, text } from Office.context.officeTheme (Word, Excel, PowerPoint and
 * Outlook expose it; isDarkTheme where the host has it, else the body colour's lightness), or null outside Office.
 */
export function officeTheme() {
  let theme;
  try {
    theme = globalThis.Office?.context?.officeTheme;
  } catch {
    return null;
  }
  if (!theme?.bodyBackgroundColor) return null;
  const dark = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : lightness(theme.bodyBackgroundColor) < 0.5;
  return { dark, background: theme.bodyBackgroundColor, text: theme.bodyForegroundColor ?? null };
}

/** Relative lightness (0–1) of a #rrggbb colour. */
export function lightness(hex) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex).trim());
  if (!m) return 1;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Calls `handler` when the Office theme changes (where the host raises OfficeThemeChanged). */
export function onThemeChanged(handler) {
  try {
    globalThis.Office?.context?.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, handler);
  } catch {
    // hosts without the event keep the theme they started with
  }
}
