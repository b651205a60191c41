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
  var sets = { WordApi: "1.5", ExcelApi: "1.13" };
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
      requirements: { isSetSupported: function (name, v) { return sets[name] !== undefined && sets[name] >= v; } },
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

  var excelContext = {
    sync: function () { return Promise.resolve(); },
    workbook: {
      insertWorksheetsFromBase64: function (b64, options) {
        rec.insertedSheets.push({ base64: b64, options: options });
        return { value: ["{sheet-1}", "{sheet-2}"] };
      },
      worksheets: {
        getItem: function (id) { return { name: id === "{sheet-1}" ? "Đại biểu" : "Hướng dẫn", load: function () {}, activate: function () {} }; },
      },
    },
  };
  if (hostName === "Excel") window.Excel = { run: function (cb) { return cb(excelContext); } };
})();
