// Invitations (host API group "invitations"): merge fields into the open Word draft, preview a delegate's letter and
// back, generate every letter (from the open draft in Word, from a chosen .docx in a browser).
import * as api from "./api.js";
import * as word from "./word.js";
import { $, dropdownValue, fillDropdown, setDisabled, setStatus } from "./dom.js";
import { runJob } from "./jobs.js";
import { publish, publishedLink, publishedText } from "./publish.js";
import { currentPlan, has, planUrl, state } from "./state.js";
import { vi } from "./strings.js";

export async function loadFields() {
  if (!has("invitations")) return;
  // Row fields belong to table rows of the script template, not to text typed at the cursor.
  state.fields = (await api.getJson("api/invitations/fields")).filter((f) => f.kind !== "rows");
  // Per-delegate fields first, then the common ones; the group is told in the hint below the picker.
  const ordered = [...state.fields.filter((f) => f.perDelegate), ...state.fields.filter((f) => !f.perDelegate)];
  fillDropdown($("field"), ordered.map((f) => ({ value: f.tag, text: word.shortLabel(f) })));
  onFieldChanged();
}

function currentField() {
  return state.fields.find((f) => f.tag === dropdownValue($("field")));
}

export function onFieldChanged() {
  const f = currentField();
  $("field-meaning").textContent = f ? `${f.perDelegate ? vi.groupDelegate : vi.groupCommon} · ${vi.fieldHint(f)}` : "";
}

export async function onInsertField() {
  const f = currentField();
  if (!f) return;
  await word.insertField(f);
  setStatus(vi.fieldInserted(word.shortLabel(f)));
}

export async function onPreview() {
  const code = dropdownValue($("delegate"));
  if (!currentPlan() || !code) return;
  const values = await api.getJson(planUrl(`invitations/{plan}/preview/${encodeURIComponent(code)}`));
  const result = await word.fillFields(values);
  if (result.filled === 0) {
    setStatus(vi.previewNoFields, "error");
    return;
  }
  // Keep the draft's own text from the first preview: a second preview replaces a delegate's values, not the draft.
  state.originals ??= result.originals;
  setDisabled($("restore"), false);
  const who = state.delegates.find((d) => d.code === code)?.addressee ?? code;
  setStatus(vi.previewing(who, result.filled));
}

export async function onRestore() {
  if (!state.originals) return;
  await word.restoreFields(state.originals);
  state.originals = null;
  setDisabled($("restore"), true);
  setStatus(vi.restored);
}

/** Adds the open document (Word) or the chosen file (browser) to `form` as `field`; false when there is none. */
export async function addDocument(form, field, inputId) {
  if (state.host === "word") {
    if (state.originals) await onRestore(); // the document must hold the fields, not one delegate's values
    setStatus(vi.readingDocument, "busy");
    const url = state.config?.auth === "entra" ? word.webDocumentUrl() : null;
    if (url) {
      form.append("documentUrl", url);
      return true;
    }
    const doc = await word.readDocument();
    if (doc.kind === "docx") form.append(field, doc.blob, "van-ban-dang-mo.docx");
    else form.append("ooxml", doc.text);
    return true;
  }
  const file = $(inputId)?.files?.[0];
  if (file) form.append(field, file, file.name);
  return Boolean(file);
}

export async function onGenerate() {
  if (!currentPlan()) return;
  const form = new FormData();
  await addDocument(form, "template", "template-file");
  const publishNow = has("publish") && $("publish-with").checked;
  if (publishNow) form.append("publish", "true");
  setStatus(vi.sending, "busy");
  await runJob("generate-job", () => api.postForm(planUrl("invitations/{plan}/jobs"), form), {
    done: (job) => job.summary?.published
      ? `${vi.generated(job.summary.invitations)} ${publishedText(job.summary.published)}`
      : vi.generated(job.summary?.invitations ?? job.done),
    summary: (job) => (job.summary?.published ? publishedLink(job.summary.published) : []),
    publish: publishNow ? null : publish,
  });
}
