using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>Which reading of LinkedIn's ambiguous X-LI-Signature documentation a channel verifies; see docs/connectors/linkedin.md.</summary>
public enum SignatureReading
{
    /// <summary>header = hex(HMAC-SHA256(clientSecret, "hmacsha256=" + raw body)): the documentation's "compute the signature on the POST body prefixed by hmacsha256=".</summary>
    PrefixedBody,

    /// <summary>header = "hmacsha256=" + hex(HMAC-SHA256(clientSecret, raw body)).</summary>
    PrefixedHeader,

    Either,
}

/// <summary>LinkedIn's webhook validation challenge and push signature, both HMAC-SHA256 keyed with the app's client secret, hex-encoded.</summary>
public static class LinkedInSignature
{
    public const string Header = "X-LI-Signature";
    private const string Prefix = "hmacsha256=";

    public static bool TryParseReading(string? setting, out SignatureReading reading)
    {
        reading = setting switch
        {
            null or "prefixed-body" => SignatureReading.PrefixedBody,
            "prefixed-header" => SignatureReading.PrefixedHeader,
            "either" => SignatureReading.Either,
            _ => (SignatureReading)(-1),
        };
        return Enum.IsDefined(reading);
    }

    public static string ChallengeResponse(string challengeCode, string clientSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(challengeCode)));

    public static string Sign(ReadOnlySpan<byte> body, string clientSecret, SignatureReading reading)
    {
        var key = Encoding.UTF8.GetBytes(clientSecret);
        if (reading == SignatureReading.PrefixedHeader)
            return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
        var prefixed = new byte[Prefix.Length + body.Length];
        Encoding.ASCII.GetBytes(Prefix, prefixed);
        body.CopyTo(prefixed.AsSpan(Prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, prefixed));
    }

    public static bool IsValid(ReadOnlySpan<byte> body, string clientSecret, string? header, SignatureReading reading) => reading switch
    {
        SignatureReading.Either => Matches(body, clientSecret, header, SignatureReading.PrefixedBody) || Matches(body, clientSecret, header, SignatureReading.PrefixedHeader),
        _ => Matches(body, clientSecret, header, reading),
    };

    private static bool Matches(ReadOnlySpan<byte> body, string clientSecret, string? header, SignatureReading reading)
    {
        if (string.IsNullOrEmpty(header))
            return false;
        // Hex digits may come in either case.
        var given = Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, clientSecret, reading)), given);
    }
}
