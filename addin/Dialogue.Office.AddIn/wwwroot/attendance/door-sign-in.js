// Where the tenant sends door staff back after signing in (/cua/dang-nhap, one "Single-page application" redirect URI
// for every door): redeem the code (js/pkce.js), keep the token for this tab, and return to the door page.
import { redeem } from "/js/pkce.js";

const message = document.getElementById("message");
const back = sessionStorage.getItem("door.return") ?? "";
const returnTo = /^\/cua\/[^/]+\/[^/]+$/.test(back) ? back : "";

async function finish() {
  const config = await (await fetch("/api/config")).json();
  const result = await redeem(config, `${location.origin}/cua/dang-nhap`, new URLSearchParams(location.search), "door");
  if (result.token) {
    sessionStorage.setItem("door.token", result.token);
    if (returnTo) location.replace(returnTo);
    else message.textContent = "Đã đăng nhập. Xin mở lại trang điểm danh của điểm cầu.";
    return;
  }
  message.textContent = "Không đăng nhập được bằng tài khoản cơ quan. Xin thử lại, hoặc liên hệ Ban Tổ chức.";
  if (returnTo) {
    const link = document.getElementById("back");
    link.href = returnTo;
    link.hidden = false;
  }
}

finish().catch(() => {
  message.textContent = "Không đăng nhập được bằng tài khoản cơ quan. Xin thử lại, hoặc liên hệ Ban Tổ chức.";
});
