using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Api.Channels;

/// <summary>The <c>X-CareDesk-Signature</c> scheme: <c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body.</summary>
public static class WebhookSignature
{
    public const string Header = "X-CareDesk-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string secret, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        var given = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
