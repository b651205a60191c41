using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>
/// One conference's key, and what it signs: the token in each delegate's link (HMAC-SHA256 of the delegate code,
/// 128 bits, base64url) and the door code of each venue (HMAC of the venue id, 8 digits). Tokens are compared in
/// constant time. The key never leaves the configuration; rotating it changes every token and door code.
/// </summary>
public sealed class ConferenceKey
{
    private const int TokenBytes = 16;
    private readonly byte[] _key;

    private ConferenceKey(string conferenceCode, byte[] key)
    {
        ConferenceCode = conferenceCode;
        _key = key;
    }

    public string ConferenceCode { get; }

    /// <summary>Length of a token in characters (base64url of 16 bytes).</summary>
    public const int TokenLength = 22;

    /// <summary>
    /// The key of conference <paramref name="conferenceCode"/>: its own secret when the configuration has one, else
    /// derived from the master secret (HMAC of the code). Null when neither is set or the secret is not base64 of at
    /// least 32 bytes.
    /// </summary>
    public static ConferenceKey? From(AttendanceOptions options, string conferenceCode)
    {
        var code = conferenceCode.Trim().ToUpperInvariant();
        if (options.Secrets.TryGetValue(code, out var own) && Decode(own) is { } ownKey)
        {
            return new ConferenceKey(code, ownKey);
        }

        return Decode(options.Secret) is { } master
            ? new ConferenceKey(code, HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("dialogue-attendance/conference/" + code)))
            : null;
    }

    /// <summary>A new random secret (32 bytes, base64) for <c>Attendance:Secret</c> or <c>Attendance:Secrets:{code}</c>.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The token of <paramref name="delegateCode"/> (case as written in the list is ignored).</summary>
    public string Token(string delegateCode) =>
        Base64Url.EncodeToString(Sign("delegate/" + delegateCode.Trim().ToUpperInvariant()).AsSpan(0, TokenBytes));

    /// <summary>True when <paramref name="token"/> is the token of <paramref name="delegateCode"/>; constant time in the token.</summary>
    public bool Verify(string delegateCode, string? token)
    {
        var expected = Sign("delegate/" + delegateCode.Trim().ToUpperInvariant()).AsSpan(0, TokenBytes);
        Span<byte> given = stackalloc byte[TokenBytes + 4];
        if (token is null || token.Length != TokenLength
            || Base64Url.DecodeFromChars(token, given, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written != TokenBytes)
        {
            // Still compare, so a malformed token costs the same as a wrong one.
            CryptographicOperations.FixedTimeEquals(expected, expected);
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given[..TokenBytes]);
    }

    /// <summary>The door code of venue <paramref name="venueId"/>: 8 digits, printed in the secretariat's checklist.</summary>
    public string DoorCode(string venueId)
    {
        var mac = Sign("door/" + venueId.Trim().ToLowerInvariant());
        var n = BitConverter.ToUInt64(mac, 0) % 100_000_000UL;
        return n.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="code"/> is the door code of <paramref name="venueId"/>; constant time.</summary>
    public bool VerifyDoorCode(string venueId, string? code)
    {
        var expected = Encoding.ASCII.GetBytes(DoorCode(venueId));
        var given = Encoding.ASCII.GetBytes((code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (given.Length != expected.Length)
        {
            CryptographicOperations.FixedTimeEquals(expected, expected);
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private byte[] Sign(string what) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(ConferenceCode + "/" + what));

    private static byte[]? Decode(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(secret.Trim());
            return bytes.Length >= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
