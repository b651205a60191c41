using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.AddIn.Attendance;

/// <summary>
/// The delegate page and the door page as HTML: Vietnamese, mobile-first, one small inline style sheet (allowed by its
/// hash in the CSP), no framework, nothing fetched from elsewhere. The delegate page works without any script.
/// </summary>
public static class AttendancePages
{
    /// <summary>The style of both pages (about 2 KB).</summary>
    public const string Style = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f3f4f6}
        main{max-width:34rem;margin:0 auto;padding:12px}header{background:#8b1a1a;color:#fff;padding:14px 12px}header p{margin:0;font-size:.85rem;opacity:.9}
        header h1{margin:4px 0 0;font-size:1.15rem;line-height:1.35}section{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;box-shadow:0 1px 2px #0002}
        h2{font-size:1.05rem;margin:0 0 8px}dl{margin:0}dt{font-size:.8rem;color:#555;margin-top:8px}dd{margin:0;font-weight:600}
        .code{font-family:ui-monospace,monospace;font-size:.9rem;color:#444}.seat{font-size:1.3rem;color:#8b1a1a}
        .status{display:inline-block;padding:4px 10px;border-radius:999px;font-weight:700;background:#e5e7eb}
        .s1{background:#d1fae5;color:#065f46}.s2{background:#dbeafe;color:#1e3a8a}.s3{background:#fee2e2;color:#991b1b}
        .opt{display:block;border:2px solid #d1d5db;border-radius:8px;padding:10px;margin:8px 0}.opt input[type=radio]{width:1.2rem;height:1.2rem;vertical-align:middle;margin-right:8px}
        .opt:has(input:checked){border-color:#8b1a1a;background:#fff7f7}.more{display:none;margin-top:8px}.opt:has(input:checked) .more{display:block}
        label.f{display:block;font-size:.9rem;margin-top:6px}input[type=text],input[type=search],textarea{width:100%;font:inherit;padding:8px;border:1px solid #9ca3af;border-radius:6px}
        button{width:100%;font:inherit;font-weight:700;padding:12px;margin-top:10px;border:0;border-radius:8px;background:#8b1a1a;color:#fff}
        .ok{background:#d1fae5;border-left:4px solid #059669}.err{background:#fee2e2;border-left:4px solid #dc2626}.note{font-size:.9rem;color:#444}
        ol{padding-left:1.2rem;margin:0}li{margin:4px 0}.t{font-weight:700;margin-right:6px}a{color:#8b1a1a}
        .warn{background:#fef3c7;border-left:4px solid #d97706;padding:8px;margin:6px 0;border-radius:4px}video,canvas{width:100%;border-radius:8px;background:#000}
        """;

    /// <summary>The CSP source that allows exactly <see cref="Style"/>.</summary>
    public static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

    /// <summary>The delegate page's CSP: the inline style by hash, forms to itself, nothing else.</summary>
    public static readonly string DelegatePolicy =
        $"default-src 'none'; style-src {StyleHash}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The door page's CSP without a tenant: its own script files, its own API, the camera's video.</summary>
    public static readonly string DoorPolicy = DoorPolicyFor(null);

    /// <summary>
    /// The door page's CSP; with a tenant, calls may also go to the sign-in authority's origin (the sign-in page redeems
    /// its code at the token endpoint).
    /// </summary>
    public static string DoorPolicyFor(string? signInAuthority)
    {
        var connect = signInAuthority is { Length: > 0 } && Uri.TryCreate(signInAuthority, UriKind.Absolute, out var authority)
            ? "'self' " + authority.GetLeftPart(UriPartial.Authority)
            : "'self'";
        return $"default-src 'none'; script-src 'self'; style-src {StyleHash}; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; connect-src {connect}; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }

    public static string Encode(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    public static string StatusLabel(AttendanceStatus status) => DoorCheck.StatusText(status);

    /// <summary>"07:45 ngày 20/4/2023" in Vietnam time.</summary>
    public static string When(DateTimeOffset at)
    {
        var local = at.ToOffset(VietnamTime.Offset);
        return $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} ngày {VietnameseText.ShortDate(DateOnly.FromDateTime(local.DateTime))}";
    }

    private static string Head(string title, string? script = null) =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex,nofollow\"><meta name=\"referrer\" content=\"same-origin\"><link rel=\"icon\" href=\"data:,\">"
        + $"<title>{Encode(title)}</title><style>{Style}</style>"
        + (script is null ? "" : $"<script type=\"module\" src=\"{script}\"></script>")
        + "</head><body>";

    /// <summary>The same page for an unknown code, a wrong token and an expired page.</summary>
    public static string NotFound() =>
        Head("Không tìm thấy giấy mời")
        + "<header><h1>Không tìm thấy giấy mời</h1></header><main><section><p>Đường dẫn này không mở được trang của đại biểu: có thể đường dẫn bị thiếu, "
        + "gõ sai, hoặc hội nghị đã kết thúc.</p><p class=\"note\">Hãy quét lại mã QR in trên giấy mời, hoặc liên hệ Ban Tổ chức hội nghị.</p></section></main></body></html>";

    /// <summary>A short page for other refusals (too many requests, a form from elsewhere).</summary>
    public static string Message(string title, string text) =>
        Head(title) + $"<header><h1>{Encode(title)}</h1></header><main><section><p>{Encode(text)}</p></section></main></body></html>";

    /// <summary>The delegate page.</summary>
    public static string Delegate(DelegatePageView view, string token, string? notice, string? error, FormValues? form)
    {
        var b = new StringBuilder(6000);
        b.Append(Head("Giấy mời – " + view.ConferenceTitle));
        b.Append("<header><p>").Append(Encode(view.Issuer)).Append(" trân trọng kính mời</p><h1>").Append(Encode(view.ConferenceTitle)).Append("</h1></header><main>");
        if (notice is not null)
        {
            b.Append("<section class=\"ok\" role=\"status\"><p>").Append(Encode(notice)).Append("</p></section>");
        }

        if (error is not null)
        {
            b.Append("<section class=\"err\" role=\"alert\"><p>").Append(Encode(error)).Append("</p></section>");
        }

        b.Append("<section><h2>Kính gửi</h2><p><strong>").Append(Encode(view.Addressee)).Append("</strong></p>")
            .Append("<p class=\"code\">Mã đại biểu: ").Append(Encode(view.DelegateCode)).Append("</p><dl>")
            .Append("<dt>Thời gian</dt><dd>").Append(Encode(view.Time)).Append("</dd>")
            .Append("<dt>Địa điểm</dt><dd>").Append(Encode(view.Venue)).Append("</dd>");
        if (view.VenueAddress.Length > 0)
        {
            b.Append("<dd class=\"note\">").Append(Encode(view.VenueAddress)).Append("</dd>");
        }

        if (view.Seat.Length > 0)
        {
            b.Append("<dt>Chỗ ngồi</dt><dd class=\"seat\">").Append(Encode(view.Seat)).Append("</dd>");
        }

        b.Append("</dl>");
        foreach (var note in view.Notes)
        {
            b.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
        }

        b.Append("</section>");

        // Confirmation.
        var status = view.Answer?.Status ?? AttendanceStatus.None;
        b.Append("<section><h2>Xác nhận tham dự</h2><p>Hiện tại: <span class=\"status s").Append((int)status).Append("\">").Append(StatusLabel(status)).Append("</span>");
        if (view.Answer is { } a)
        {
            if (a.Status == AttendanceStatus.Substitute)
            {
                b.Append(" – ").Append(Encode(a.SubstituteName)).Append(", ").Append(Encode(a.SubstitutePosition));
            }

            b.Append("<br><span class=\"note\">Ghi nhận lúc ").Append(When(a.At)).Append("</span>");
        }

        b.Append("</p>");
        if (view.CheckIn is { } c)
        {
            b.Append("<p class=\"note\">Đã điểm danh tại cửa lúc ").Append(When(c.At)).Append(".</p>");
        }

        if (view.ChangesOpen)
        {
            var f = form ?? FormValues.From(view.Answer);
            b.Append("<form method=\"post\" action=\"\" autocomplete=\"off\"><input type=\"hidden\" name=\"k\" value=\"").Append(Encode(token)).Append("\">");
            Option(b, "tham-du", "Tham dự", f.Choice == "tham-du", "");
            Option(b, "du-thay", "Cử người dự thay", f.Choice == "du-thay",
                "<label class=\"f\">Họ và tên người dự thay<input type=\"text\" name=\"ho-ten\" maxlength=\"100\" value=\"" + Encode(f.Name) + "\"></label>"
                + "<label class=\"f\">Chức vụ, đơn vị<input type=\"text\" name=\"chuc-vu\" maxlength=\"150\" value=\"" + Encode(f.Position) + "\"></label>"
                + "<p class=\"note\">Người dự thay ngồi đúng chỗ của đại biểu và được giới thiệu theo tên.</p>");
            Option(b, "vang-mat", "Vắng mặt", f.Choice == "vang-mat",
                "<label class=\"f\">Lý do<textarea name=\"ly-do\" rows=\"2\" maxlength=\"300\">" + Encode(f.Reason) + "</textarea></label>");
            b.Append("<button type=\"submit\">Gửi xác nhận</button><p class=\"note\">Nhận thay đổi ").Append(Encode(view.ChangesCloseText))
                .Append("; có thể gửi lại nhiều lần, Ban Tổ chức lấy lần gửi sau cùng.</p></form>");
        }
        else
        {
            b.Append("<p class=\"note\">Đã hết hạn xác nhận qua trang này (").Append(Encode(view.ChangesCloseText))
                .Append("). Nếu có thay đổi, xin báo trực tiếp Ban Tổ chức.</p>");
        }

        if (view.History.Count > 1)
        {
            b.Append("<details><summary>Các lần xác nhận (").Append(view.History.Count).Append(")</summary><ol>");
            foreach (var h in view.History)
            {
                b.Append("<li>").Append(When(h.At)).Append(": ").Append(StatusLabel(h.Status));
                if (h.Status == AttendanceStatus.Substitute)
                {
                    b.Append(" – ").Append(Encode(h.SubstituteName));
                }

                b.Append("</li>");
            }

            b.Append("</ol></details>");
        }

        b.Append("</section>");

        if (view.Programme.Count > 0)
        {
            b.Append("<section><h2>Chương trình</h2><ol>");
            foreach (var line in view.Programme)
            {
                b.Append("<li><span class=\"t\">").Append(Encode(line.Time)).Append("</span>").Append(Encode(line.Title)).Append("</li>");
            }

            b.Append("</ol></section>");
        }

        if (view.Documents.Count > 0 || view.DocumentsUrl.Length > 0)
        {
            // The published packet's files for delegates (and the chairs' answer book), else the plan's documents link.
            b.Append("<section><h2>Tài liệu hội nghị</h2>");
            if (view.Documents.Count > 0)
            {
                b.Append("<ul>");
                foreach (var document in view.Documents)
                {
                    b.Append("<li><a href=\"").Append(Encode(document.Url)).Append("\" rel=\"noreferrer noopener\">").Append(Encode(document.Title)).Append("</a></li>");
                }

                b.Append("</ul>");
            }
            else
            {
                b.Append("<p><a href=\"").Append(Encode(view.DocumentsUrl)).Append("\" rel=\"noreferrer noopener\">Mở thư mục tài liệu</a></p>");
            }

            b.Append("<p class=\"note\">Xuất trình mã QR trên giấy mời (giấy hoặc ảnh chụp) khi đến để điểm danh.</p></section>");
        }

        b.Append("</main></body></html>");
        return b.ToString();
    }

    private static void Option(StringBuilder b, string value, string label, bool chosen, string more) =>
        b.Append("<div class=\"opt\"><label><input type=\"radio\" name=\"trang-thai\" value=\"").Append(value).Append('"').Append(chosen ? " checked" : "")
            .Append('>').Append(label).Append("</label>").Append(more.Length > 0 ? "<div class=\"more\">" + more + "</div>" : "").Append("</div>");

    /// <summary>
    /// The door page: sign-in first — with the tenant (<paramref name="tenant"/>) and/or the venue's door code
    /// (<paramref name="doorCode"/>) — then the scanner and the search (door.js).
    /// </summary>
    public static string Door(AttendanceConference conference, Automation.Plans.Venue venue, bool tenant = false, bool doorCode = true)
    {
        var b = new StringBuilder(3000);
        b.Append(Head("Điểm danh – " + venue.Name, "/attendance/door.js"))
            .Append($"<header><p>{Encode(conference.Plan.Conference.Title)}</p><h1>Điểm danh tại {Encode(venue.Name)}</h1></header><main ")
            .Append($"data-conference=\"{Encode(conference.Code)}\" data-venue=\"{Encode(venue.Id)}\" data-sign-in=\"{(tenant ? "tenant" : "code")}\">");
        if (tenant)
        {
            b.Append("<section id=\"sign-in\"><h2>Đăng nhập</h2><p class=\"note\">Tổ đón tiếp đăng nhập bằng tài khoản cơ quan (Microsoft 365) ")
                .Append("đã được Ban Tổ chức giao điểm danh tại điểm cầu này.</p>")
                .Append("<button type=\"button\" id=\"sign-in-button\">Đăng nhập bằng tài khoản cơ quan</button><p id=\"sign-in-error\" class=\"err\" hidden></p></section>");
        }

        if (doorCode)
        {
            b.Append("<section id=\"unlock\"><h2>").Append(tenant ? "Hoặc nhập mã cửa" : "Mã cửa")
                .Append("</h2><p class=\"note\">Nhập mã cửa Ban Tổ chức giao cho tổ đón tiếp điểm cầu này.</p>")
                .Append("<label class=\"f\">Mã cửa (8 chữ số)<input type=\"text\" id=\"door-code\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"12\"></label>")
                .Append("<button type=\"button\" id=\"unlock-button\">Mở điểm danh</button><p id=\"unlock-error\" class=\"err\" hidden></p></section>");
        }

        b.Append("<div id=\"work\" hidden><section><h2>Quét mã QR trên giấy mời</h2><video id=\"camera\" playsinline muted hidden></video>")
            .Append("<button type=\"button\" id=\"camera-button\">Bật máy ảnh</button><p id=\"camera-note\" class=\"note\"></p>")
            .Append("<label class=\"f\">Hoặc chụp ảnh mã QR<input type=\"file\" id=\"photo\" accept=\"image/*\" capture=\"environment\"></label></section>")
            .Append("<section id=\"result\" aria-live=\"polite\" hidden></section>")
            .Append("<section><h2>Tìm theo tên</h2><label class=\"f\">Họ tên hoặc đơn vị<input type=\"search\" id=\"search\" autocomplete=\"off\"></label>")
            .Append("<ol id=\"matches\"></ol></section>")
            .Append("<section><h2>Số liệu điểm cầu</h2><p id=\"counts\" class=\"note\"></p></section></div></main></body></html>");
        return b.ToString();
    }

    /// <summary>Where the tenant sends door staff back after sign-in (one redirect URI for every door; door-sign-in.js).</summary>
    public static string DoorSignIn() =>
        Head("Đăng nhập – điểm danh", "/attendance/door-sign-in.js")
        + "<header><h1>Đăng nhập điểm danh</h1></header><main><section><p id=\"message\" role=\"status\">Đang hoàn tất đăng nhập…</p>"
        + "<p><a id=\"back\" href=\"/\" hidden>Quay lại trang điểm danh</a></p></section></main></body></html>";
}

/// <summary>The confirmation form as posted (kept to show it again with an error).</summary>
public sealed record FormValues(string Choice, string Name, string Position, string Reason)
{
    public static FormValues From(AttendanceAnswer? answer) => answer is null
        ? new("", "", "", "")
        : new(answer.Status switch
        {
            AttendanceStatus.Attending => "tham-du",
            AttendanceStatus.Substitute => "du-thay",
            AttendanceStatus.Absent => "vang-mat",
            _ => "",
        }, answer.SubstituteName, answer.SubstitutePosition, answer.Reason);
}
