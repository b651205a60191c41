// Excel operations of the pane (Office.js). insertWorksheetsFromBase64 needs ExcelApi 1.13, checked at run time;
// without it the pane downloads the workbook instead.
/* global Excel, Office */

export function canInsertWorksheets() {
  return Boolean(globalThis.Office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.13"));
}

/**
 * Inserts every sheet of a workbook (base64 .xlsx) at the end of the open workbook; returns the new sheets' names.
 * Sheets are inserted one call per workbook as a whole; Excel renames a sheet whose name is taken.
 */
export async function insertWorksheets(base64) {
  return Excel.run(async (context) => {
    const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
    await context.sync();
    const names = [];
    for (const id of ids.value) {
      const sheet = context.workbook.worksheets.getItem(id);
      sheet.load("name");
      names.push(sheet);
    }
    await context.sync();
    if (names.length > 0) names[0].activate();
    await context.sync();
    return names.map((s) => s.name);
  });
}

/** ExcelApi 1.4 (getItemOrNullObject) is what writing a named sheet in place needs. */
export function canWriteSheets() {
  return Boolean(globalThis.Office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.4"));
}

/**
 * A value as it must reach Excel: numbers as numbers; every text behind Excel's text prefix ('), which Excel keeps out
 * of the cell. So no text, whoever typed it (a delegate's substitute "=1+1", "+84…", "@x", "-"), ever becomes a formula,
 * and "18/04/2023 08:00" or "0012" stay text instead of a date or a number.
 */
export function asCell(value) {
  if (typeof value === "number") return value;
  const text = String(value ?? "");
  return text === "" ? "" : "'" + text;
}

/**
 * Writes `rows` (arrays of strings and numbers) into the sheet `name` from A1: the sheet is added when the workbook has
 * none of that name, otherwise emptied (values and formats) and rewritten in place, so refreshing never adds a second
 * sheet. `bold` lists row indexes to embolden; `widths` column widths in characters. Answers { created, rows, columns }.
 */
export async function writeSheet(name, rows, { bold = [], widths = [] } = {}) {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(name);
    await context.sync();
    const created = existing.isNullObject;
    const sheet = created ? sheets.add(name) : existing;
    if (!created) sheet.getRange().clear();
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const grid = rows.map((r) => Array.from({ length: columns }, (_, i) => asCell(r[i])));
    sheet.getRangeByIndexes(0, 0, grid.length, columns).values = grid;
    for (const r of bold) sheet.getRangeByIndexes(r, 0, 1, columns).format.font.bold = true;
    widths.forEach((w, i) => {
      if (w > 0) sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 7);
    });
    sheet.activate();
    await context.sync();
    return { created, rows: grid.length, columns };
  });
}
