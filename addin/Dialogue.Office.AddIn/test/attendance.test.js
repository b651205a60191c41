import { test } from "node:test";
import assert from "node:assert/strict";
import { layout } from "../wwwroot/js/attendance.js";

test("layout puts the title lines, then each table under its name and header; counts become numbers, text stays text", () => {
  const sheet = {
    title: "ĐIỂM DANH ĐẠI BIỂU",
    conference: "Hội nghị",
    asOf: "Số liệu lúc 08:00 ngày 18/04/2023",
    tables: [
      { name: "Tổng hợp", columns: [{ header: "Điểm cầu", width: 40, isNumber: false }, { header: "Được mời", width: 11, isNumber: true }], rows: [["Hội trường", "12"]] },
      { name: "Danh sách", columns: [{ header: "STT", width: 6, isNumber: true }, { header: "Mã đại biểu", width: 13, isNumber: false }], rows: [["1", "0012"]] },
    ],
  };
  const { rows, bold, widths } = layout(sheet);
  assert.deepEqual(rows, [
    ["ĐIỂM DANH ĐẠI BIỂU"], ["Hội nghị"], ["Số liệu lúc 08:00 ngày 18/04/2023"],
    [], ["Tổng hợp"], ["Điểm cầu", "Được mời"], ["Hội trường", 12],
    [], ["Danh sách"], ["STT", "Mã đại biểu"], [1, "0012"],
  ]);
  assert.deepEqual(bold, [0, 4, 5, 8, 9]);
  assert.deepEqual(widths, [40, 13]);
});
