// Authorization code flow with PKCE against the tenant, shared by the pane's sign-in dialog (auth-dialog.js) and the
// door page's sign-in (attendance/door-sign-in.js). Each redirect URI must be registered on the app as a
// "Single-page application" URI. No library: Web Crypto and fetch only. `config` is the host's /api/config.

const base64Url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Sends the browser to the tenant's sign-in page; the verifier and state wait in sessionStorage under `prefix`. */
export async function beginSignIn(config, redirectUri, prefix) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(`${prefix}.verifier`, verifier);
  sessionStorage.setItem(`${prefix}.state`, state);
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

/** Redeems the `?code=` the tenant sent back: `{ token, expiresIn }` or `{ error }`. */
export async function redeem(config, redirectUri, params, prefix) {
  if (params.has("error")) return { error: params.get("error") };
  if (params.get("state") !== sessionStorage.getItem(`${prefix}.state`)) return { error: "STATE_MISMATCH" };
  const body = new URLSearchParams({
    client_id: config.clientId,
    grant_type: "authorization_code",
    code: params.get("code"),
    redirect_uri: redirectUri,
    code_verifier: sessionStorage.getItem(`${prefix}.verifier`) ?? "",
    scope: config.apiScope,
  });
  const response = await fetch(`${config.authority}/oauth2/v2.0/token`, { method: "POST", body });
  const result = await response.json();
  sessionStorage.removeItem(`${prefix}.verifier`);
  return result.access_token ? { token: result.access_token, expiresIn: result.expires_in } : { error: result.error ?? "TOKEN_ERROR" };
}
