// Calls the host's REST API. Errors arrive as RFC 9457 problems with a stable `code` and Vietnamese title/detail.
import { vi } from "./strings.js";

let tokenProvider = null;

/** Sets the function that returns a bearer token (Office SSO) or null. */
export function setTokenProvider(provider) {
  tokenProvider = provider;
}

/** A failed call: `problem` holds code, title, detail and (optional) problems[]. */
export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.title || "");
    this.problem = problem;
    this.status = status;
  }
}

// Sent on every call: the host serves state-changing calls only with it (a cross-site form cannot send it).
const PANE_HEADER = "X-Dialogue-Office";

async function headers() {
  const h = { [PANE_HEADER]: "1" };
  if (tokenProvider) {
    const token = await tokenProvider();
    if (token) h.Authorization = `Bearer ${token}`;
  }
  return h;
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { ...init, headers: { ...(await headers()), ...(init?.headers ?? {}) } });
  } catch (error) {
    if (init?.signal?.aborted) throw error; // the caller gave up on this reply (a newer request replaced it)
    throw new ApiError({ code: "NETWORK", title: vi.networkError }, 0);
  }
  if (response.ok) return response;
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { code: "HTTP_" + response.status, title: vi.networkError };
  }
  throw new ApiError(problem, response.status);
}

/** GETs JSON; `init.signal` (an AbortSignal) lets the caller drop a reply it no longer wants. */
export async function getJson(url, init = undefined) {
  return (await send(url, init)).json();
}

export async function postForm(url, form) {
  return (await send(url, { method: "POST", body: form })).json();
}

/** POSTs a JSON body (e.g. the folder to consolidate); answers the JSON reply. */
export async function postJson(url, body) {
  return (await send(url, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } })).json();
}

export async function getBlob(url) {
  return (await send(url)).blob();
}

/** Base64 of a Blob (what insertFileFromBase64 / insertWorksheetsFromBase64 / createDocument take). */
export function toBase64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Saves a Blob through the browser's download (works outside Office and in Office on the web). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
