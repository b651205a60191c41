// Office.js mocks built on office-addin-mock: load()/sync() are enforced (reading `items` or `text` before
// load + sync gives the mock's "not loaded" value, so a missing load makes the assertions fail).
import mock from "office-addin-mock";

const { OfficeMockObject } = mock;

/** A content control as Word returns it in `items`. */
export function control(tag, text) {
  return {
    tag,
    text,
    insertText(value, location) {
      if (location !== "Replace") throw new Error("expected Replace");
      this.text = value;
    },
  };
}

/**
 * A Word mock: `controls` are the document's content controls; the selection holds `selectionText`.
 * Collections returned by getByTag are pre-built child mocks so that context.sync() reaches them.
 */
export function wordMock(controls, { selectionText = "", ooxml = "<pkg:package/>" } = {}) {
  const inserted = [];
  const makeControl = (range) => {
    const cc = { tag: "", title: "", appearance: "", range };
    inserted.push(cc);
    return cc;
  };
  const byTag = {};
  for (const c of controls) byTag[`tag_${c.tag}`] = { items: controls.filter((x) => x.tag === c.tag) };
  const seed = {
    host: "word",
    context: {
      document: {
        contentControls: {
          items: controls,
          ...byTag,
          none: { items: [] },
          getByTag(tag) {
            return this[`tag_${tag}`] ?? this.none;
          },
        },
        selection: {
          text: selectionText,
          insertText(text, location) {
            return { kind: "inserted", text, location, insertContentControl: () => makeControl({ kind: "inserted", text }) };
          },
          insertContentControl() {
            return makeControl({ kind: "selection" });
          },
          paragraphs: {
            getFirst() {
              return { insertContentControl: () => makeControl({ kind: "paragraph" }) };
            },
          },
        },
        getSelection() {
          return this.selection;
        },
        body: {
          // A ClientResult: its value is read after sync, without load (as in Office.js).
          getOoxml: () => ({ value: ooxml }),
        },
      },
    },
    run: async function (callback) {
      return callback(this.context);
    },
  };
  const word = new OfficeMockObject(seed);
  return { word, inserted };
}

/** An Excel mock whose insertWorksheetsFromBase64 adds sheets named after the workbook's. */
export function excelMock(sheetNames) {
  const calls = [];
  const sheets = {};
  sheetNames.forEach((name, i) => {
    sheets[`sheet_${i}`] = {
      name,
      activated: false,
      activate() {
        this.activated = true;
      },
    };
  });
  const seed = {
    host: "excel",
    context: {
      workbook: {
        insertWorksheetsFromBase64(base64, options) {
          calls.push({ base64, options });
          return { value: sheetNames.map((_, i) => `sheet_${i}`) };
        },
        worksheets: {
          ...sheets,
          getItem(id) {
            return this[id];
          },
        },
      },
    },
    run: async function (callback) {
      return callback(this.context);
    },
  };
  return { excel: new OfficeMockObject(seed), calls };
}

/** Office common API: requirement sets, platform, getFileAsync with slices. */
export function officeMock({ sets = {}, platform = "PC", slices = null, fileError = null, url = "" } = {}) {
  const closed = { count: 0 };
  return {
    closed,
    office: {
      FileType: { Compressed: "compressed" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
      context: {
        platform,
        requirements: { isSetSupported: (name, version) => (sets[name] ?? "0") >= version },
        document: {
          url,
          getFileAsync(type, options, callback) {
            if (fileError || !slices) {
              callback({ status: "failed", error: fileError ?? { code: 11001 } });
              return;
            }
            callback({
              status: "succeeded",
              value: {
                sliceCount: slices.length,
                getSliceAsync: (i, cb) => cb({ status: "succeeded", value: { data: slices[i] } }),
                closeAsync: () => closed.count++,
              },
            });
          },
        },
      },
    },
  };
}
