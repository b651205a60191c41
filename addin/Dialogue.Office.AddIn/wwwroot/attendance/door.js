// The door page: unlock with the venue's door code or, when the host has a tenant, by signing in with it (js/pkce.js,
// back through /cua/dang-nhap), then check delegates in by the QR code on their letter (the camera, through
// BarcodeDetector where the browser has it, else jsQR from npm; or a photo of the QR) or by name.
// No framework; every call goes to this host with the door code or the sign-in token in a header.
import { beginSignIn } from "/js/pkce.js";

const main = document.querySelector("main");
const base = `/cua/${encodeURIComponent(main.dataset.conference)}/${encodeURIComponent(main.dataset.venue)}`;
const $ = (id) => document.getElementById(id);
let doorCode = sessionStorage.getItem(base) ?? "";
let token = main.dataset.signIn === "tenant" ? sessionStorage.getItem("door.token") ?? "" : "";
let lastLink = "";
let lastAt = 0;

async function call(path, options = {}) {
  const response = await fetch(base + path, {
    ...options,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : { "X-Door-Code": doorCode }),
      ...(options.body ? { "Content-Type": "application/json" } : {}),
    },
  });
  const text = await response.text();
  return { ok: response.ok, status: response.status, data: text ? JSON.parse(text) : null };
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function open(errorBox) {
  const result = await call("/mo", { method: "POST", body: "{}" });
  if (!result.ok) {
    if (errorBox) {
      errorBox.textContent = result.data?.error ?? "Không mở được điểm danh.";
      errorBox.hidden = false;
    }
    return false;
  }
  for (const id of ["unlock", "sign-in"]) if ($(id)) $(id).hidden = true;
  $("work").hidden = false;
  refreshCounts();
  return true;
}

async function unlock() {
  token = "";
  doorCode = $("door-code").value.replace(/\s+/g, "");
  if (await open($("unlock-error"))) sessionStorage.setItem(base, doorCode);
}

async function signIn() {
  const config = await (await fetch("/api/config")).json();
  sessionStorage.setItem("door.return", location.pathname);
  await beginSignIn(config, `${location.origin}/cua/dang-nhap`, "door");
}

async function signedIn() {
  // A token that is refused (expired, or this account is not door staff here) is dropped with the reason shown.
  if (!(await open($("sign-in-error")))) {
    sessionStorage.removeItem("door.token");
    token = "";
  }
}

function show(result, error) {
  const box = $("result");
  box.replaceChildren();
  box.hidden = false;
  box.className = error ? "err" : result.warnings.length ? "" : "ok";
  if (error) {
    box.append(el("p", error));
    return;
  }
  box.append(el("h2", result.alreadyCheckedIn ? "Đã điểm danh từ trước" : "Đã điểm danh"));
  box.append(el("p", `${result.name} – ${result.position}`));
  box.append(el("p", result.seat ? `Chỗ ngồi: ${result.seat}` : result.venue, "seat"));
  box.append(el("p", `Xác nhận: ${result.status}`, "note"));
  for (const warning of result.warnings) box.append(el("p", warning, "warn"));
  box.dataset.code = result.delegateCode;
}

async function checkIn(body) {
  const result = await call("/diem-danh", { method: "POST", body: JSON.stringify(body) });
  if (result.ok) show(result.data);
  else show(null, result.data?.error ?? "Không điểm danh được.");
  refreshCounts();
}

async function scanned(text) {
  const now = Date.now();
  if (text === lastLink && now - lastAt < 4000) return;
  lastLink = text;
  lastAt = now;
  await checkIn({ link: text });
}

let jsQRLoaded;
function loadJsQR() {
  jsQRLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/lib/jsqr/jsQR.js";
    script.onload = () => resolve(window.jsQR);
    script.onerror = () => reject(new Error("jsQR"));
    document.head.append(script);
  });
  return jsQRLoaded;
}

async function decode(source, width, height) {
  if ("BarcodeDetector" in window) {
    try {
      const codes = await new window.BarcodeDetector({ formats: ["qr_code"] }).detect(source);
      if (codes.length) return codes[0].rawValue;
      if (!(source instanceof HTMLImageElement)) return null;
    } catch {
      // Fall through to jsQR (a browser that lists the API but cannot run it).
    }
  }
  const jsQR = await loadJsQR();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  context.drawImage(source, 0, 0, width, height);
  const found = jsQR(context.getImageData(0, 0, width, height).data, width, height);
  return found?.data ?? null;
}

async function startCamera() {
  const video = $("camera");
  try {
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch {
    $("camera-note").textContent = "Không bật được máy ảnh (trình duyệt chưa cho phép). Có thể chụp ảnh mã QR bằng nút bên dưới, hoặc tìm theo tên.";
    return;
  }
  video.hidden = false;
  await video.play();
  $("camera-button").hidden = true;
  const tick = async () => {
    if (video.readyState >= 2) {
      const text = await decode(video, video.videoWidth, video.videoHeight);
      if (text) await scanned(text);
    }
    setTimeout(tick, 300);
  };
  tick();
}

async function fromPhoto(file) {
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  await image.decode();
  const text = await decode(image, image.naturalWidth, image.naturalHeight);
  URL.revokeObjectURL(url);
  if (text) await scanned(text);
  else show(null, "Không đọc được mã QR trong ảnh; hãy chụp gần và rõ hơn, hoặc tìm theo tên.");
}

let searchTimer;
async function search() {
  const q = $("search").value.trim();
  const list = $("matches");
  if (q.length < 2) {
    list.replaceChildren();
    return;
  }
  const result = await call(`/tim?q=${encodeURIComponent(q)}`);
  list.replaceChildren();
  for (const match of result.data ?? []) {
    const item = el("li", `${match.name} – ${match.position} (${match.venue}${match.seat ? ", " + match.seat : ""}) `);
    const button = el("button", match.alreadyCheckedIn ? "Đã điểm danh" : "Điểm danh");
    button.type = "button";
    button.addEventListener("click", () => checkIn({ code: match.delegateCode }));
    item.append(button);
    list.append(item);
  }
  if (!list.children.length) list.append(el("li", "Không có đại biểu nào khớp."));
}

async function refreshCounts() {
  const result = await call("/so-lieu");
  if (!result.ok) return;
  const v = result.data;
  $("counts").textContent = `Được mời ${v.invited} · Tham dự ${v.attending} · Dự thay ${v.substitute} · Vắng ${v.absent} · Chưa xác nhận ${v.noAnswer} · Đã điểm danh ${v.checkedIn}`;
}

$("unlock-button")?.addEventListener("click", unlock);
$("door-code")?.addEventListener("keydown", (e) => e.key === "Enter" && unlock());
$("sign-in-button")?.addEventListener("click", () =>
  signIn().catch(() => {
    $("sign-in-error").textContent = "Không mở được trang đăng nhập. Xin thử lại.";
    $("sign-in-error").hidden = false;
  }),
);
$("camera-button").addEventListener("click", startCamera);
$("photo").addEventListener("change", (e) => e.target.files[0] && fromPhoto(e.target.files[0]));
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 250);
});
if (token) {
  signedIn();
} else if (doorCode && $("door-code")) {
  $("door-code").value = doorCode;
  unlock();
}
main.dataset.ready = "true";
