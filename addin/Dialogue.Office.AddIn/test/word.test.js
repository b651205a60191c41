import { test } from "node:test";
import assert from "node:assert/strict";
import * as word from "../wwwroot/js/word.js";
import { control, officeMock, wordMock } from "./mocks.js";

const field = (tag, kind = "text", meaning = "Họ và tên đại biểu (trống nếu mời cơ quan)") => ({ tag, kind, meaning, example: "", perDelegate: true });

function use({ word: w }, office = officeMock().office) {
  globalThis.Word = w;
  globalThis.Office = office;
}

test("insertField with nothing selected inserts a «label» placeholder and tags it at creation", async () => {
  const m = wordMock([], { selectionText: "" });
  use(m);
  await word.insertField(field("HoTen"));
  assert.equal(m.inserted.length, 1);
  const cc = m.inserted[0];
  assert.equal(cc.range.kind, "inserted");
  assert.equal(cc.range.text, "«Họ và tên đại biểu»");
  assert.equal(cc.tag, "HoTen");
  assert.equal(cc.title, "Họ và tên đại biểu");
  assert.equal(cc.appearance, "Tags");
});

test("insertField with selected sample text wraps the selection", async () => {
  const m = wordMock([], { selectionText: "Nguyễn Văn A" });
  use(m);
  await word.insertField(field("HoTen"));
  assert.equal(m.inserted[0].range.kind, "selection");
  assert.equal(m.inserted[0].tag, "HoTen");
});

test("insertField of a paragraph field wraps the whole paragraph", async () => {
  const m = wordMock([], { selectionText: "" });
  use(m);
  await word.insertField(field("NoiNhan", "lines", "Danh sách nơi nhận (mỗi dòng một nơi)"));
  assert.equal(m.inserted[0].range.kind, "paragraph");
  assert.equal(m.inserted[0].title, "Danh sách nơi nhận");
});

test("fillFields fills controls by tag and returns what they held", async () => {
  const controls = [control("KinhGui", "«Kính gửi»"), control("HoTen", "«Họ tên»"), control("HoTen", "«Họ tên 2»"), control("Khac", "giữ nguyên")];
  use(wordMock(controls));
  const result = await word.fillFields({ KinhGui: "Đồng chí Nguyễn Văn A", HoTen: "Nguyễn Văn A", DonVi: "Sở Nội vụ" });
  assert.equal(result.filled, 3);
  assert.deepEqual(result.originals, { KinhGui: ["«Kính gửi»"], HoTen: ["«Họ tên»", "«Họ tên 2»"] });
  assert.deepEqual(controls.map((c) => c.text), ["Đồng chí Nguyễn Văn A", "Nguyễn Văn A", "Nguyễn Văn A", "giữ nguyên"]);
});

test("restoreFields puts the draft back after a preview, looking controls up by tag again", async () => {
  const controls = [control("KinhGui", "«Kính gửi»"), control("HoTen", "«Họ tên»"), control("HoTen", "mẫu")];
  use(wordMock(controls));
  const { originals } = await word.fillFields({ KinhGui: "Bà Trần Thị B", HoTen: "Trần Thị B" });
  // A fresh mock over the same controls: nothing is remembered between runs but the tags.
  use(wordMock(controls));
  const restored = await word.restoreFields(originals);
  assert.equal(restored, 3);
  assert.deepEqual(controls.map((c) => c.text), ["«Kính gửi»", "«Họ tên»", "mẫu"]);
});

test("fieldTags lists each tag once in document order", async () => {
  use(wordMock([control("KinhGui", ""), control("HoTen", ""), control("KinhGui", ""), control("", "")]));
  assert.deepEqual(await word.fieldTags(), ["KinhGui", "HoTen"]);
});

test("readDocument on desktop joins getFileAsync slices into one docx Blob and closes the file", async () => {
  const { office, closed } = officeMock({ slices: [[80, 75], [3, 4]] });
  use(wordMock([]), office);
  const doc = await word.readDocument();
  assert.equal(doc.kind, "docx");
  assert.deepEqual([...new Uint8Array(await doc.blob.arrayBuffer())], [80, 75, 3, 4]);
  assert.equal(closed.count, 1);
});

test("readDocument falls back to the body's Open XML when getFileAsync fails", async () => {
  const { office } = officeMock({ fileError: { code: 11001 } });
  use(wordMock([], { ooxml: "<pkg:package>flat</pkg:package>" }), office);
  assert.deepEqual(await word.readDocument(), { kind: "ooxml", text: "<pkg:package>flat</pkg:package>" });
});

test("readDocument in Word on the web uses the body's Open XML without trying getFileAsync", async () => {
  const { office } = officeMock({ platform: "OfficeOnline", slices: [[1]] });
  use(wordMock([], { ooxml: "<pkg:package>web</pkg:package>" }), office);
  assert.equal((await word.readDocument()).kind, "ooxml");
});

test("supports checks WordApi sets at run time", () => {
  globalThis.Office = officeMock({ sets: { WordApi: "1.3" } }).office;
  assert.equal(word.supports("1.3"), true);
  assert.equal(word.supports("1.5"), false);
});

test("webDocumentUrl gives the SharePoint address only in Word on the web", () => {
  const url = "https://contoso.sharepoint.com/sites/VP/Shared%20Documents/giay-moi.docx";
  globalThis.Office = officeMock({ platform: "OfficeOnline", url }).office;
  assert.equal(word.webDocumentUrl(), url);
  globalThis.Office = officeMock({ platform: "PC", url }).office;
  assert.equal(word.webDocumentUrl(), null);
  globalThis.Office = officeMock({ platform: "OfficeOnline", url: "file:///C:/giay-moi.docx" }).office;
  assert.equal(word.webDocumentUrl(), null);
});
