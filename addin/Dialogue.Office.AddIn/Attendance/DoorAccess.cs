using System.Security.Claims;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Plans;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Dialogue.Office.AddIn.Attendance;

/// <summary>
/// Who may work a venue's door. In the embedded default (no tenant): whoever has the venue's door code. With an Entra
/// tenant configured: door staff signed in with the tenant — a bearer token validated by the host's own JwtBearer
/// handler (issuer, audience, signature, lifetime, a stable user id, the API scope; <see cref="AuthSetup"/>), whose
/// user is listed for the venue under <c>Attendance:DoorStaff:&lt;CODE&gt;:&lt;venue&gt;</c> or
/// <c>Attendance:DoorStaff:&lt;CODE&gt;:All</c>. An entry is a user (object id, or sign-in name as in the token's
/// <c>preferred_username</c>/<c>upn</c>), <c>role:&lt;app role&gt;</c> (the <c>roles</c> claim) or
/// <c>group:&lt;group object id&gt;</c> (the <c>groups</c> claim). Nobody is listed by default, so a signed-in user
/// is refused until the secretariat lists door staff. The door code is refused with a tenant unless
/// <c>Attendance:DoorCodeWithTenant</c> is true (bridge points whose staff have no account in the tenant).
/// </summary>
public sealed class DoorAccess(AzureAdOptions ad, IConfiguration configuration, ILogger<DoorAccess> log)
{
    public const string Section = "Attendance:DoorStaff";

    /// <summary>The key that lists door staff for every venue of a conference.</summary>
    public const string AllVenues = "All";

    /// <summary>Whether door staff sign in with the tenant (else the door code alone).</summary>
    public bool TenantSignIn => ad.IsConfigured;

    /// <summary>Whether the door code is still accepted when a tenant is configured.</summary>
    public bool DoorCodeAccepted => !ad.IsConfigured || configuration.GetValue<bool>("Attendance:DoorCodeWithTenant");

    /// <summary>Null when the request may work this door, else the refusal (status and Vietnamese text).</summary>
    public async Task<(int Status, string Error)?> RefuseAsync(HttpContext http, AttendanceConference conference, Venue venue)
    {
        if (TenantSignIn && http.Request.Headers.Authorization.Count > 0)
        {
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded || result.Principal is not { } user || !AuthSetup.HasScope(user, ad.Scope))
            {
                return (StatusCodes.Status401Unauthorized, result.Failure is SecurityTokenExpiredException
                    ? "Phiên đăng nhập đã hết hạn. Xin đăng nhập lại bằng tài khoản cơ quan."
                    : "Đăng nhập không hợp lệ. Xin đăng nhập lại bằng tài khoản cơ quan.");
            }

            if (!Listed(user, conference.Code, venue.Id))
            {
                log.LogWarning("Door sign-in refused: user {User} is not door staff of {Conference}/{Venue}", AuthSetup.UserId(user), conference.Code, venue.Id);
                return (StatusCodes.Status403Forbidden,
                    $"Tài khoản {Name(user)} chưa được giao điểm danh tại {venue.Name}. Xin liên hệ Ban Tổ chức để được thêm vào danh sách tổ đón tiếp.");
            }

            return null;
        }

        var code = http.Request.Headers[Apis.AttendanceApi.DoorCodeHeader].ToString();
        if (!DoorCodeAccepted)
        {
            return (StatusCodes.Status401Unauthorized, code.Length > 0
                ? "Hội nghị này điểm danh bằng tài khoản cơ quan, không dùng mã cửa. Xin đăng nhập."
                : "Cần đăng nhập bằng tài khoản cơ quan để điểm danh.");
        }

        return conference.Key.VerifyDoorCode(venue.Id, code) ? null : (StatusCodes.Status403Forbidden, "Mã cửa không đúng.");
    }

    /// <summary>Whether <paramref name="user"/> is listed for the venue (or for every venue of the conference).</summary>
    internal bool Listed(ClaimsPrincipal user, string conferenceCode, string venueId)
    {
        var entries = Entries(conferenceCode, venueId).Concat(Entries(conferenceCode, AllVenues));
        return entries.Any(entry => Matches(user, entry.Trim()));
    }

    private string[] Entries(string conferenceCode, string venueId) =>
        configuration.GetSection($"{Section}:{conferenceCode}:{venueId}").Get<string[]>() ?? [];

    private static bool Matches(ClaimsPrincipal user, string entry)
    {
        if (entry.Length == 0)
        {
            return false;
        }

        if (entry.StartsWith("role:", StringComparison.OrdinalIgnoreCase))
        {
            return user.FindAll("roles").Any(c => string.Equals(c.Value, entry[5..].Trim(), StringComparison.Ordinal));
        }

        if (entry.StartsWith("group:", StringComparison.OrdinalIgnoreCase))
        {
            return user.FindAll("groups").Any(c => string.Equals(c.Value, entry[6..].Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return new[] { "oid", "preferred_username", "upn" }
            .Any(type => user.FindAll(type).Any(c => string.Equals(c.Value, entry, StringComparison.OrdinalIgnoreCase)));
    }

    private static string Name(ClaimsPrincipal user) =>
        user.FindFirst("preferred_username")?.Value ?? user.FindFirst("upn")?.Value ?? user.FindFirst("name")?.Value ?? "này";
}
