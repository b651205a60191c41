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
