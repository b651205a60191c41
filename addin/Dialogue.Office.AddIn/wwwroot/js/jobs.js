// Jobs (host API group "jobs"): start one, follow its progress, then show its files (download / open in Word /
// insert into the workbook), its summary and, when publishable, a Công bố button.
import * as api from "./api.js";
import * as excel from "./excel.js";
import * as word from "./word.js";
import { $, busy, button, el, renderProblems, setStatus } from "./dom.js";
import { has, state } from "./state.js";
import { vi } from "./strings.js";

function fileActions(file, insert) {
  const actions = el("div", { className: "actions" });
  const action = (text, work) => {
    const b = button(text);
    b.addEventListener("click", () => busy(b, work));
    actions.append(b);
  };
  // A document meant to become part of the open one (the minutes, the notice): inserted at the cursor (WordApi 1.1).
  if (insert && state.host === "word" && file.name.endsWith(".docx") && word.supports("1.1")) {
    action(vi.insertIntoDocument, async () => {
      await word.insertFile(await api.toBase64(await api.getBlob(file.url)));
      setStatus(vi.inserted(file.label));
    });
  }
  action(vi.download, async () => {
    api.saveBlob(await api.getBlob(file.url), file.name);
    setStatus(vi.downloaded(file.name));
  });
  if (state.host === "word" && file.name.endsWith(".docx") && word.supports("1.3")) {
    action(vi.openInWord, async () => {
      await word.openDocument(await api.toBase64(await api.getBlob(file.url)));
      setStatus(vi.opened(file.name));
    });
  }
  if (state.host === "excel" && file.name.endsWith(".xlsx") && excel.canInsertWorksheets()) {
    action(vi.insertIntoWorkbook, async () => {
      setStatus(vi.insertingSheets, "busy");
      const blob = await api.getBlob(file.url);
      try {
        setStatus(vi.workbookInserted(await excel.insertWorksheets(await api.toBase64(blob))));
      } catch (error) {
        // Excel on the web sometimes refuses workbooks desktop Excel takes (office-js #3809, #6142): hand over the file.
        api.saveBlob(blob, file.name);
        setStatus(vi.insertFailedDownloaded(error?.code ?? "", file.name), "error");
      }
    });
  }
  return actions;
}

/** The progress line: "step: done/total" while running, "Hoàn tất: done/total" at the end (the host reports the real total). */
export const progressText = (job) => (job.state === "done" ? vi.finished(job.done, job.total) : vi.working(job.step, job.done, job.total));

/**
 * Starts a job and follows it in the container `boxId`. `publish(job, boxId)` is given when the result may be
 * published (publish.js), so this module does not depend on it; `insert` offers Word documents for insertion at the
 * cursor.
 */
export async function runJob(boxId, start, { done, summary, publish = null, insert = false } = {}) {
  const box = $(boxId);
  const bar = el("fluent-progress-bar", { "attr:max": "1", "attr:value": "0", "attr:aria-label": vi.progress });
  const text = el("p", { className: "hint" });
  box.replaceChildren(bar, text);
  box.hidden = false;
  renderProblems([]);
  let job = await start();
  const show = () => {
    bar.setAttribute("max", String(Math.max(job.total, 1)));
    bar.setAttribute("value", String(job.done));
    text.textContent = progressText(job);
  };
  show();
  while (job.state === "running") {
    await new Promise((resolve) => setTimeout(resolve, 400));
    job = await api.getJson(`api/jobs/${job.id}`);
    show();
  }
  if (job.state === "failed") {
    setStatus([job.title ?? vi.jobFailed, job.detail].filter(Boolean).join(" – "), "error");
    renderProblems(job.problems);
    return null;
  }
  setStatus(done ? done(job) : progressText(job));
  renderProblems(job.problems);
  if (summary) box.append(...summary(job));
  if (job.files.length > 0) {
    box.append(el("ul", { className: "files" }, ...job.files.map((f) => el("li", {}, el("span", { textContent: f.label }), fileActions(f, insert)))));
  }
  if (publish && has("publish")) {
    const target = el("div", { className: "job", hidden: true, id: `${boxId}-publish` });
    const b = button(vi.publish, { id: `${boxId}-publish-button` });
    b.addEventListener("click", () => busy(b, () => publish(job, target.id)));
    box.append(b, target);
  }
  return job;
}
