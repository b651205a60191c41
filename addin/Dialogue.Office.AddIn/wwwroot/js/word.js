// Word operations of the pane (Office.js). Merge fields are tagged content controls whose tag is the vocabulary name
// (templates/README.md): they work in Word on the web, Windows and Mac, unlike MERGEFIELDs.
// Office.js pitfalls (shared research addin.md §5): tag/title are set in the same batch that creates the control;
// controls are always found again by tag, never by a stored id (ids change, tags can be lost after inserts).
/* global Word, Office */

/** The short label of a field: its meaning up to the first bracket or semicolon. */
export function shortLabel(field) {
  return field.meaning.split(/[(;]/)[0].trim();
}

/** Whether the running Word supports a WordApi version (requirement sets are checked here, not in the manifest). */
export function supports(version) {
  return Boolean(globalThis.Office?.context?.requirements?.isSetSupported?.("WordApi", version));
}

/**
 * Inserts a field at the cursor: wraps the selected text, or a «label» placeholder when nothing is selected;
 * paragraph fields (kind "lines") wrap the whole paragraph so the generator can repeat or drop it.
 */
export async function insertField(field) {
  return Word.run(async (context) => {
    const selection = context.document.getSelection();
    selection.load("text");
    await context.sync();
    let range = selection;
    if (field.kind === "lines") {
      range = selection.paragraphs.getFirst();
    } else if (!selection.text) {
      range = selection.insertText(`«${shortLabel(field)}»`, "Replace");
    }
    const control = range.insertContentControl();
    control.tag = field.tag;
    control.title = shortLabel(field);
    control.appearance = "Tags";
    await context.sync();
    return field.tag;
  });
}

async function replaceByTag(context, tags, textFor) {
  const found = tags.map((tag) => {
    const controls = context.document.contentControls.getByTag(tag);
    controls.load("items");
    return [tag, controls];
  });
  await context.sync();
  const before = {};
  let count = 0;
  for (const [tag, controls] of found) {
    if (controls.items.length === 0) continue;
    before[tag] = controls.items.map((c) => c.text);
    controls.items.forEach((control, i) => {
      const text = textFor(tag, i);
      if (text !== undefined) {
        control.insertText(text, "Replace");
        count++;
      }
    });
  }
  await context.sync();
  return { before, count };
}

/**
 * Preview: fills every content control tagged with a field of `values` with that value. Returns what the controls
 * held before (by tag, in document order) so `restoreFields` can put the draft back, and how many were filled.
 */
export async function fillFields(values) {
  return Word.run(async (context) => {
    const { before, count } = await replaceByTag(context, Object.keys(values), (tag) => values[tag] ?? "");
    return { originals: before, filled: count };
  });
}

/** Puts back what `fillFields` replaced, looking the controls up by tag again. Returns how many were restored. */
export async function restoreFields(originals) {
  return Word.run(async (context) => {
    const { count } = await replaceByTag(context, Object.keys(originals), (tag, i) => {
      const texts = originals[tag];
      return i < texts.length ? texts[i] : texts[texts.length - 1];
    });
    return count;
  });
}

/** The vocabulary tags present in the document (each once, in document order). */
export async function fieldTags() {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items");
    await context.sync();
    return [...new Set(controls.items.map((c) => c.tag).filter(Boolean))];
  });
}

/** The whole document as a .docx Blob via getFileAsync (Compressed), slice by slice. */
export function readCompressedFile(sliceSize = 4 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(result.error);
        return;
      }
      const file = result.value;
      const parts = [];
      const next = (index) =>
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            reject(slice.error);
            return;
          }
          parts.push(new Uint8Array(slice.value.data));
          if (index + 1 < file.sliceCount) next(index + 1);
          else {
            file.closeAsync();
            resolve(new Blob(parts, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
          }
        });
      next(0);
    });
  });
}

/** The body as flat OPC (works in Word on the web, where getFileAsync is unreliable; headers/footers not included). */
export async function readBodyOoxml() {
  return Word.run(async (context) => {
    const ooxml = context.document.body.getOoxml();
    await context.sync();
    return ooxml.value;
  });
}

/**
 * Reads the open document for the server: the .docx file on desktop Word, the body's Open XML on the web or when
 * getFileAsync fails (Office.js issues #6747, #6748).
 */
export async function readDocument() {
  const web = Office.context.platform === Office.PlatformType?.OfficeOnline;
  if (!web) {
    try {
      return { kind: "docx", blob: await readCompressedFile() };
    } catch {
      // fall through to the body's Open XML
    }
  }
  return { kind: "ooxml", text: await readBodyOoxml() };
}

/**
 * The open document's SharePoint/OneDrive address when Word runs on the web (the server then reads the whole file
 * through Graph on behalf of the user, headers and footers included), else null.
 */
export function webDocumentUrl() {
  const web = Office.context.platform === Office.PlatformType?.OfficeOnline;
  const url = Office.context.document?.url ?? "";
  return web && url.startsWith("https://") ? url : null;
}

/** Opens a generated .docx in a new Word window (WordApi 1.3). */
export async function openDocument(base64) {
  return Word.run(async (context) => {
    context.application.createDocument(base64).open();
    await context.sync();
  });
}

/** Inserts a .docx at the cursor (programme, script…); body-level insert keeps it simple, headers are not copied. */
export async function insertFile(base64) {
  return Word.run(async (context) => {
    context.document.getSelection().insertFileFromBase64(base64, "Replace");
    await context.sync();
  });
}
