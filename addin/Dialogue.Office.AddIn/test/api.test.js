import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "../wwwroot/js/api.js";

function respond(status, body, type = "application/problem+json") {
  globalThis.fetch = async (url, init) => {
    respond.last = { url, init };
    return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  };
}

test("a problem response becomes an ApiError carrying the code and Vietnamese title", async () => {
  respond(400, { type: "urn:dialogue-office:problem:UPLOAD_NOT_DOCX", code: "UPLOAD_NOT_DOCX", title: "Tệp không phải văn bản Word" });
  await assert.rejects(api.getJson("api/x"), (e) => e instanceof api.ApiError && e.problem.code === "UPLOAD_NOT_DOCX" && e.status === 400);
});

test("a network failure becomes a Vietnamese ApiError, not a TypeError", async () => {
  globalThis.fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  await assert.rejects(api.getJson("api/x"), (e) => e instanceof api.ApiError && e.problem.code === "NETWORK" && /máy chủ/.test(e.problem.title));
});

test("the token provider's token is sent as a bearer header", async () => {
  respond(200, { ok: true }, "application/json");
  api.setTokenProvider(async () => "abc");
  try {
    assert.deepEqual(await api.getJson("api/plans"), { ok: true });
    assert.equal(respond.last.init.headers.Authorization, "Bearer abc");
  } finally {
    api.setTokenProvider(null);
  }
});

test("postJson sends the folder as JSON and returns the started job", async () => {
  respond(202, { id: "j1", state: "running" }, "application/json");
  const job = await api.postJson("api/questions/yen-bai-2023/consolidate-folder", { folder: "Phiếu trả về" });
  assert.deepEqual(job, { id: "j1", state: "running" });
  assert.equal(respond.last.init.method, "POST");
  assert.equal(respond.last.init.headers["Content-Type"], "application/json");
  assert.deepEqual(JSON.parse(respond.last.init.body), { folder: "Phiếu trả về" });
  assert.equal(respond.last.init.headers["X-Dialogue-Office"], "1");
});

test("a form upload carries the pane's request header (the host refuses state-changing calls without it)", async () => {
  respond(202, { id: "j2", state: "running" }, "application/json");
  await api.postForm("api/check/fix", new FormData());
  assert.equal(respond.last.init.method, "POST");
  assert.equal(respond.last.init.headers["X-Dialogue-Office"], "1");
});

test("a folder refusal keeps its code and Vietnamese detail", async () => {
  respond(413, { code: "SHARING_FOLDER_TOO_MANY_FILES", title: "Quá nhiều tệp", detail: "Thư mục có 201 phiếu, vượt giới hạn 200 tệp mỗi lần tổng hợp." });
  await assert.rejects(api.postJson("api/questions/p/consolidate-folder", { folder: "x" }),
    (e) => e instanceof api.ApiError && e.status === 413 && e.problem.code === "SHARING_FOLDER_TOO_MANY_FILES" && /201 phiếu/.test(e.problem.detail));
});
