// Appended by the browser test to the REAL office.js (@microsoft/office-js). Outside Office, office.js resolves
// Office.onReady with host null; this makes it report window.__fakeHost ("Word" or "Excel") and supplies the
// smallest Word/Excel object model the pane uses, recording what the pane did in window.__office.
(function () {
  var hostName = window.__fakeHost;
  if (!hostName) return;
  var realOnReady = Office.onReady;
  window.__office = { realOnReady: realOnReady, controls: [], opened: [], insertedSheets: [], insertedFiles: [] };
  var rec = window.__office;
  var info = { host: Office.HostType[hostName], platform: Office.PlatformType.PC };
  Office.onReady = function (callback) {
    return realOnReady.call(Office).then(function () {
      // office.js sets up Office.context while it initialises: patch it afterwards.
      patchContext();
      if (callback) callback(info);
      return info;
    });
  };
  // A test may play an older Excel with window.__excelApi (e.g. "1.3").
  var sets = { WordApi: "1.5", ExcelApi: window.__excelApi || "1.13" };
  // Requirement sets compare as numbers, part by part, as Office does ("1.13" is above "1.4").
  function atLeast(have, want) {
    var h = have.split(".").map(Number), w = String(want).split(".").map(Number);
    return h[0] !== w[0] ? h[0] > w[0] : (h[1] || 0) >= (w[1] || 0);
  }
  // Host scripts define these enums; outside a host office.js leaves them out.
  Office.FileType = Office.FileType || { Compressed: "compressed", Pdf: "pdf", Text: "text" };
  function patchContext() {
    // Office.context is a fixed accessor whose object has prototype getters: shadow them with own properties.
    var context = {
      displayLanguage: "vi-VN",
      contentLanguage: "vi-VN",
      platform: Office.PlatformType.PC,
      // The host's theme (Office.context.officeTheme): a test may give a dark one in window.__officeTheme.
      officeTheme: window.__officeTheme || { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000" },
      requirements: { isSetSupported: function (name, v) { return sets[name] !== undefined && atLeast(sets[name], v); } },
      document: {
        // The open draft: the test puts a real .docx (base64) in window.__draftDocx.
        getFileAsync: function (type, options, cb) {
          rec.fileReads = (rec.fileReads || 0) + 1;
          var bytes = Uint8Array.from(atob(window.__draftDocx), function (c) { return c.charCodeAt(0); });
          cb({ status: Office.AsyncResultStatus.Succeeded, value: {
            sliceCount: 1,
            getSliceAsync: function (i, done) { done({ status: Office.AsyncResultStatus.Succeeded, value: { data: Array.from(bytes) } }); },
            closeAsync: function () {},
          } });
        },
      },
    };
    Object.keys(context).forEach(function (key) {
      Object.defineProperty(Office.context, key, { value: context[key], configurable: true, writable: true });
    });
  }


  function collection(items) { return { items: items, load: function () { return this; } }; }
  var selection = {
    text: "",
    load: function () { return this; },
    insertText: function (text) {
      return { insertContentControl: function () { var c = control(text); return c; } };
    },
    insertContentControl: function () { return control(""); },
    insertFileFromBase64: function (b64, location) { rec.insertedFiles.push({ base64: b64, location: location }); },
    paragraphs: { getFirst: function () { return { insertContentControl: function () { return control(""); } }; } },
  };
  function control(text) {
    var c = { tag: "", title: "", appearance: "", text: text, insertText: function (t) { this.text = t; } };
    rec.controls.push(c);
    return c;
  }
  window.__office.seedControl = function (tag, text) { var c = control(text); c.tag = tag; return c; };
  var wordContext = {
    sync: function () { return Promise.resolve(); },
    document: {
      getSelection: function () { return selection; },
      contentControls: {
        load: function () { this.items = rec.controls.slice(); return this; },
        getByTag: function (tag) { return collection(rec.controls.filter(function (c) { return c.tag === tag; })); },
      },
      body: { getOoxml: function () { return { value: "" }; } },
    },
    application: { createDocument: function (b64) { return { open: function () { rec.opened.push(b64); } }; } },
  };
  if (hostName === "Word") window.Word = { run: function (cb) { return cb(wordContext); } };

  // Worksheets written cell by cell (writeSheet): what Excel makes of each value set through Range.values. A leading
  // ' is Excel's text prefix (dropped, the rest kept as text); text starting with = + - @ is taken as a formula (as
  // Excel does); text that reads as a number becomes a number. rec.sheets[name] = { cells, formulas, bold, widths }.
  rec.sheets = {};
  rec.sheetOrder = [];
  function excelValue(v, sheet, r, c) {
    if (typeof v === "number") return v;
    var text = String(v);
    if (text.charAt(0) === "'") return text.slice(1);
    if (/^[=+\-@]/.test(text)) { sheet.formulas.push({ row: r, column: c, formula: text }); return "#FORMULA"; }
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
    return text;
  }
  function worksheet(name) {
    var sheet = { name: name, cells: [], formulas: [], bold: [], widths: [], clears: 0, activated: false };
    rec.sheets[name] = sheet;
    rec.sheetOrder.push(name);
    return {
      isNullObject: false,
      name: name,
      load: function () {},
      activate: function () { sheet.activated = true; },
      getRange: function () {
        return { clear: function () { sheet.cells = []; sheet.formulas = []; sheet.bold = []; sheet.widths = []; sheet.clears++; } };
      },
      getRangeByIndexes: function (row, column, rows, columns) {
        var range = { format: { font: {} } };
        Object.defineProperty(range, "values", { set: function (grid) {
          if (grid.length !== rows || grid.some(function (g) { return g.length !== columns; })) throw new Error("InvalidArgument: values do not match the range");
          grid.forEach(function (line, i) {
            sheet.cells[row + i] = sheet.cells[row + i] || [];
            line.forEach(function (v, j) { sheet.cells[row + i][column + j] = excelValue(v, sheet, row + i, column + j); });
          });
        } });
        Object.defineProperty(range.format.font, "bold", { set: function (b) { if (b) sheet.bold.push(row); } });
        Object.defineProperty(range.format, "columnWidth", { set: function (w) { sheet.widths[column] = w; } });
        return range;
      },
    };
  }
  var sheetObjects = {};
  var excelContext = {
    sync: function () { return Promise.resolve(); },
    workbook: {
      insertWorksheetsFromBase64: function (b64, options) {
        rec.insertedSheets.push({ base64: b64, options: options });
        return { value: ["{sheet-1}", "{sheet-2}"] };
      },
      worksheets: {
        getItem: function (id) { return { name: id === "{sheet-1}" ? "Đại biểu" : "Hướng dẫn", load: function () {}, activate: function () {} }; },
        getItemOrNullObject: function (name) { return sheetObjects[name] || { isNullObject: true }; },
        add: function (name) {
          if (sheetObjects[name]) throw new Error("ItemAlreadyExists: " + name);
          sheetObjects[name] = worksheet(name);
          return sheetObjects[name];
        },
      },
    },
  };
  if (hostName === "Excel") window.Excel = { run: function (cb) { return cb(excelContext); } };
})();
