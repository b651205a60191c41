import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as auth from "../wwwroot/js/auth.js";

function office({ sso, dialogMessage, dialogStatus = "succeeded" }) {
  const calls = { sso: 0, dialogs: [], closed: 0 };
  globalThis.location = { origin: "https://addin.example.gov.vn" };
  globalThis.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    auth: {
      getAccessToken: async () => {
        calls.sso++;
        return sso();
      },
    },
    context: {
      ui: {
        displayDialogAsync(url, options, callback) {
          calls.dialogs.push({ url, options });
          if (dialogStatus !== "succeeded") {
            callback({ status: "failed", error: { code: 12011 } });
            return;
          }
          const handlers = {};
          callback({ status: "succeeded", value: { addEventHandler: (type, h) => (handlers[type] = h), close: () => calls.closed++ } });
          setImmediate(() => handlers.message({ message: JSON.stringify(dialogMessage) }));
        },
      },
    },
  };
  return calls;
}

beforeEach(() => auth.reset());

test("Office SSO token is used when Office gives one; no dialog", async () => {
  const calls = office({ sso: () => "sso-token" });
  assert.equal(await auth.getToken(), "sso-token");
  assert.equal(calls.dialogs.length, 0);
});

test("SSO unavailable (13012) falls back to the sign-in dialog on the add-in's origin", async () => {
  const calls = office({ sso: () => Promise.reject({ code: 13012 }), dialogMessage: { token: "dialog-token", expiresIn: 3600 } });
  assert.equal(await auth.getToken(), "dialog-token");
  assert.equal(calls.dialogs[0].url, "https://addin.example.gov.vn/auth-dialog.html");
  assert.equal(calls.closed, 1);
  // The dialog token is reused while valid: no second SSO attempt or dialog.
  assert.equal(await auth.getToken(), "dialog-token");
  assert.equal(calls.sso, 1);
  assert.equal(calls.dialogs.length, 1);
});

test("the user cancelling Office's prompt (13002) opens no second prompt", async () => {
  const calls = office({ sso: () => Promise.reject({ code: 13002 }) });
  await assert.rejects(auth.getToken(), (e) => e.code === 13002);
  assert.equal(calls.dialogs.length, 0);
});

test("a dialog that reports an error rejects with its code", async () => {
  office({ sso: () => Promise.reject({ code: 13007 }), dialogMessage: { error: "access_denied" } });
  await assert.rejects(auth.getToken(), (e) => e.code === "access_denied");
});

test("a blocked dialog (12011) rejects with the dialog's code", async () => {
  office({ sso: () => Promise.reject({ code: 13000 }), dialogStatus: "failed" });
  await assert.rejects(auth.getToken(), (e) => e.code === 12011);
});
