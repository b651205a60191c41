// Programme and script (host API group "programme"): inserted at the cursor in Word, downloaded elsewhere.
import * as api from "./api.js";
import * as word from "./word.js";
import { setStatus } from "./dom.js";
import { currentPlan, planUrl, state } from "./state.js";
import { vi } from "./strings.js";

export async function onProgramme(kind) {
  if (!currentPlan()) return;
  const name = kind === "programme" ? vi.programmeName : vi.scriptName;
  const blob = await api.getBlob(planUrl(`programme/{plan}/${kind}`));
  if (state.host === "word") {
    await word.insertFile(await api.toBase64(blob));
    setStatus(vi.inserted(name));
  } else {
    const file = kind === "programme" ? "chuong-trinh.docx" : "kich-ban-chi-tiet.docx";
    api.saveBlob(blob, file);
    setStatus(vi.downloaded(file));
  }
}
