import { test } from "node:test";
import assert from "node:assert/strict";
import * as host from "../wwwroot/js/host.js";

// The common API (Office.context) is plain properties, not load/sync proxies: a plain object, as in mocks.js officeMock.

function officeWithTheme(officeTheme) {
  const handlers = [];
  const office = {
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context: {
      officeTheme,
      document: { addHandlerAsync: (type, handler) => handlers.push([type, handler]) },
    },
  };
  return { office, handlers };
}

test("officeTheme: a dark body colour is dark, a white one light; isDarkTheme wins where the host gives it", () => {
  globalThis.Office = officeWithTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" }).office;
  assert.deepEqual(host.officeTheme(), { dark: true, background: "#262626", text: "#ffffff" });
  globalThis.Office = officeWithTheme({ bodyBackgroundColor: "#ffffff" }).office;
  assert.equal(host.officeTheme().dark, false);
  globalThis.Office = officeWithTheme({ bodyBackgroundColor: "#ffffff", isDarkTheme: true }).office;
  assert.equal(host.officeTheme().dark, true);
});

test("officeTheme is null outside Office or without a theme", () => {
  delete globalThis.Office;
  assert.equal(host.officeTheme(), null);
  globalThis.Office = officeWithTheme(undefined).office;
  assert.equal(host.officeTheme(), null);
});

test("onThemeChanged registers for OfficeThemeChanged", () => {
  const m = officeWithTheme({ bodyBackgroundColor: "#ffffff" });
  globalThis.Office = m.office;
  const handler = () => {};
  host.onThemeChanged(handler);
  assert.deepEqual(m.handlers, [["officeThemeChanged", handler]]);
});

test("hostName maps Office hosts and falls back to the browser", () => {
  assert.equal(host.hostName({ host: "Word" }), "word");
  assert.equal(host.hostName({ host: "Excel" }), "excel");
  assert.equal(host.hostName({ host: null }), "none");
  assert.equal(host.lightness("#000000"), 0);
  assert.equal(host.lightness("#ffffff"), 1);
});
