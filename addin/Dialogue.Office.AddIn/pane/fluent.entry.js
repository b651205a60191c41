// The Fluent UI Web Components the task pane uses, defined once, plus the theme switch. esbuild bundles this file
// (pane/build.mjs) into obj/pane/fluent.js, an ES module the host serves at /lib/fluent/fluent.js.
import "@fluentui/web-components/accordion.js";
import "@fluentui/web-components/accordion-item.js";
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/checkbox.js";
import "@fluentui/web-components/divider.js";
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/field.js";
import "@fluentui/web-components/label.js";
import "@fluentui/web-components/link.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/option.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/text-input.js";

export { setTheme } from "@fluentui/web-components";
export { webDarkTheme, webLightTheme } from "@fluentui/tokens";
export const missing = false;
