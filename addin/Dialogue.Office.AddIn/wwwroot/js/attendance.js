// Attendance (host API group "attendance"): the "Điểm danh" sheet of the Excel pane. The host reads the register and
// gives the core's tables (per venue, then every delegate in protocol order); this module lays them out on one sheet
// and writes it through excel.js, in place: pressing again refreshes the same sheet.
import * as api from "./api.js";
import * as excel from "./excel.js";
import { $, setStatus, stats } from "./dom.js";
import { currentPlan, planUrl } from "./state.js";
import { vi } from "./strings.js";

/** The sheet's rows: title lines, then each table under its name with its header; bold rows and column widths. */
export function layout(sheet) {
  const rows = [[sheet.title], [sheet.conference], [sheet.asOf]];
  const bold = [0];
  const widths = [];
  for (const table of sheet.tables) {
    rows.push([]);
    bold.push(rows.length);
    rows.push([table.name]);
    bold.push(rows.length);
    rows.push(table.columns.map((c) => c.header));
    table.columns.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.width); });
    for (const row of table.rows) {
      rows.push(row.map((cell, i) => (table.columns[i]?.isNumber && /^\d+$/.test(cell) ? Number(cell) : cell)));
    }
  }

  return { rows, bold, widths };
}

export async function onAttendanceSheet() {
  if (!currentPlan()) return;
  if (!excel.canWriteSheets()) {
    setStatus(vi.attendanceNeedsExcel, "error");
    return;
  }

  setStatus(vi.attendanceReading, "busy");
  const sheet = await api.getJson(planUrl("attendance/{plan}/sheet"));
  const { rows, bold, widths } = layout(sheet);
  const written = await excel.writeSheet(sheet.sheet, rows, { bold, widths });
  const t = sheet.totals;
  setStatus(written.created ? vi.attendanceInserted(sheet.sheet) : vi.attendanceRefreshed(sheet.sheet));
  const box = $("attendance-result");
  box.replaceChildren(stats([
    [vi.stat.asOf, sheet.asOf],
    [vi.stat.invited, String(t.invited)],
    [vi.stat.attending, String(t.attending)],
    [vi.stat.substitute, String(t.substitute)],
    [vi.stat.absent, String(t.absent)],
    [vi.stat.noAnswer, String(t.noAnswer)],
    [vi.stat.checkedIn, String(t.checkedIn)],
  ]));
  box.hidden = false;
}
