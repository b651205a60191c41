// Publishing (host API group "publish"): a finished job's files to SharePoint, or the local share without a tenant.
import * as api from "./api.js";
import { el, setStatus } from "./dom.js";
import { runJob } from "./jobs.js";
import { vi } from "./strings.js";

export function publishedLink(published) {
  return published?.folderLink
    ? [el("p", { className: "hint", textContent: vi.folderLink }),
      el("fluent-link", { className: "link", "attr:href": published.folderLink, "attr:target": "_blank", "attr:rel": "noopener", textContent: published.folderLink })]
    : [];
}

export const publishedText = (p) => (p.isLocal ? vi.publishedLocal : vi.publishedSharePoint);

export async function publish(sourceJob, boxId) {
  setStatus(vi.publishing, "busy");
  await runJob(boxId, () => api.postForm(`api/publish/jobs/${sourceJob.id}`, new FormData()), {
    done: (job) => `${publishedText(job.summary)} ${vi.publishCounts(job.summary)}`,
    summary: (job) => publishedLink(job.summary),
  });
}
