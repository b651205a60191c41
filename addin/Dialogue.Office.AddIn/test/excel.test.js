import { test } from "node:test";
import assert from "node:assert/strict";
import * as excel from "../wwwroot/js/excel.js";
import { excelMock, officeMock } from "./mocks.js";

test("insertWorksheets inserts the workbook at the end and activates the first new sheet", async () => {
  const m = excelMock(["Đại biểu", "Hướng dẫn"]);
  globalThis.Excel = m.excel;
  const names = await excel.insertWorksheets("UEsDBA==");
  assert.deepEqual(names, ["Đại biểu", "Hướng dẫn"]);
  assert.deepEqual(m.calls, [{ base64: "UEsDBA==", options: { positionType: "End" } }]);
  assert.equal(m.excel.context.workbook.worksheets.sheet_0.activated, true);
});

test("canInsertWorksheets needs ExcelApi 1.13", () => {
  globalThis.Office = officeMock({ sets: { ExcelApi: "1.12" } }).office;
  assert.equal(excel.canInsertWorksheets(), false);
  globalThis.Office = officeMock({ sets: { ExcelApi: "1.13" } }).office;
  assert.equal(excel.canInsertWorksheets(), true);
});

test("asCell writes every text behind Excel's text prefix and numbers as numbers", () => {
  assert.equal(excel.asCell("=1+1"), "'=1+1");
  assert.equal(excel.asCell("+84 912"), "'+84 912");
  assert.equal(excel.asCell("@x"), "'@x");
  assert.equal(excel.asCell("-"), "'-");
  assert.equal(excel.asCell("18/04/2023 08:00"), "'18/04/2023 08:00");
  assert.equal(excel.asCell("'quoted"), "''quoted");
  assert.equal(excel.asCell(""), "");
  assert.equal(excel.asCell(null), "");
  assert.equal(excel.asCell(12), 12);
});
