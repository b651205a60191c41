// Sign-in for the API when the host has an Entra tenant: Office SSO first (Office.auth.getAccessToken, legacy Office
// SSO), and when Office cannot give a token (old build, on-premises account, iPad, some tenants: 13000, 13003, 13007,
// 13012…) a sign-in dialog on the add-in's own origin (auth-dialog.html, authorization code + PKCE) that sends the
// token back with messageParent. Shared research addin.md §2.1–2.2, pitfalls 8–9.
/* global Office */

// User cancelled or not signed in by choice: do not open a second prompt.
const NO_FALLBACK = new Set([13002]);

let dialogToken = null; // { token, expires } from the fallback; Office caches SSO tokens itself

/** Codes worth a dialog: everything but the user's own refusal. */
export function needsFallback(error) {
  return !NO_FALLBACK.has(Number(error?.code));
}

/** Opens the sign-in dialog and resolves with the token it sends back. Must start from a click (pop-up rules on the web). */
export function signInWithDialog(url = `${location.origin}/auth-dialog.html`) {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject({ code: result.error?.code ?? 12002 });
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        let message;
        try {
          message = JSON.parse(arg.message);
        } catch {
          reject({ code: "DIALOG_MESSAGE" });
          return;
        }
        if (message.token) {
          dialogToken = { token: message.token, expires: Date.now() + Math.max(60, (message.expiresIn ?? 3600) - 120) * 1000 };
          resolve(message.token);
        } else {
          reject({ code: message.error ?? "DIALOG_ERROR" });
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => reject({ code: arg.error ?? 12006 }));
    });
  });
}

/** A token for the API: a still-valid dialog token, else Office SSO, else the dialog. */
export async function getToken() {
  if (dialogToken && dialogToken.expires > Date.now()) return dialogToken.token;
  try {
    return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
  } catch (error) {
    if (!needsFallback(error)) throw error;
    return signInWithDialog();
  }
}

/** For tests. */
export function reset() {
  dialogToken = null;
}
