// The sign-in dialog: authorization code flow with PKCE against the tenant (js/pkce.js; the app registration needs this
// page as a "Single-page application" redirect URI). First visit: redirect to login.microsoftonline.com; on return with
// ?code=, redeem it and send the token to the task pane with messageParent.
/* global Office */
import { beginSignIn, redeem } from "./pkce.js";

function send(message) {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function start() {
  await Office.onReady();
  const config = await (await fetch("api/config")).json();
  if (config.auth !== "entra") {
    send({ error: "NO_TENANT" });
    return;
  }
  const redirectUri = `${location.origin}${location.pathname}`;
  const params = new URLSearchParams(location.search);
  if (params.has("code") || params.has("error")) {
    if (params.has("code")) document.getElementById("message").textContent = "Đang hoàn tất đăng nhập…";
    send(await redeem(config, redirectUri, params, "dlg"));
    return;
  }
  await beginSignIn(config, redirectUri, "dlg");
}

start().catch(() => send({ error: "DIALOG_FAILED" }));
