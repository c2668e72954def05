using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Api.Channels.X;

/// <summary>
/// X signs with the app's consumer secret: <c>sha256=</c> + base64 HMAC-SHA256, over the raw body for webhook POSTs
/// (<c>x-twitter-webhooks-signature</c>) and over the <c>crc_token</c> for the CRC answer.
/// </summary>
public static class XSignature
{
    public const string Header = "x-twitter-webhooks-signature";
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> message, string consumerSecret) =>
        Prefix + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), message));

    public static string CrcResponseToken(string crcToken, string consumerSecret) => Sign(Encoding.UTF8.GetBytes(crcToken), consumerSecret);

    public static bool IsValid(ReadOnlySpan<byte> body, string consumerSecret, string? header)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, consumerSecret)), Encoding.ASCII.GetBytes(header));
    }
}
