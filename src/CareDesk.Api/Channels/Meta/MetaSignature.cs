using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// <c>X-Hub-Signature-256: sha256=</c> + lowercase hex HMAC-SHA256 of the raw body, keyed with the app secret. Meta signs
/// the bytes it sends (non-ASCII escaped as \uXXXX), so the body is hashed exactly as received, never re-serialised.
/// </summary>
public static class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string appSecret, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(body, appSecret));
        // Hex digits compare case-insensitively; Meta sends lowercase, but nothing in the scheme depends on it.
        var given = Encoding.ASCII.GetBytes(Prefix + header[Prefix.Length..].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
