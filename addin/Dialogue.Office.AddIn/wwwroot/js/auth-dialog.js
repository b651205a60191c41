// The sign-in dialog: authorization code flow with PKCE against the tenant (the app registration needs this page as a
// "Single-page application" redirect URI). First visit: redirect to login.microsoftonline.com; on return with ?code=,
// redeem it and send the token to the task pane with messageParent. No library: Web Crypto and fetch only.
/* global Office */

const base64Url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function say(text) {
  document.getElementById("message").textContent = text;
}

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
  if (params.has("error")) {
    send({ error: params.get("error") });
    return;
  }
  if (params.has("code")) {
    if (params.get("state") !== sessionStorage.getItem("dlg.state")) {
      send({ error: "STATE_MISMATCH" });
      return;
    }
    say("Đang hoàn tất đăng nhập…");
    const body = new URLSearchParams({
      client_id: config.clientId,
      grant_type: "authorization_code",
      code: params.get("code"),
      redirect_uri: redirectUri,
      code_verifier: sessionStorage.getItem("dlg.verifier") ?? "",
      scope: config.apiScope,
    });
    const response = await fetch(`${config.authority}/oauth2/v2.0/token`, { method: "POST", body });
    const result = await response.json();
    sessionStorage.removeItem("dlg.verifier");
    send(result.access_token ? { token: result.access_token, expiresIn: result.expires_in } : { error: result.error ?? "TOKEN_ERROR" });
    return;
  }
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem("dlg.verifier", verifier);
  sessionStorage.setItem("dlg.state", state);
  const authorize = new URLSearchParams({
    client_id: config.clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: `${config.apiScope} openid profile offline_access`,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    prompt: "select_account",
  });
  location.assign(`${config.authority}/oauth2/v2.0/authorize?${authorize}`);
}

start().catch(() => send({ error: "DIALOG_FAILED" }));
