using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CareDesk.Api.Channels;

/// <summary>Channel secrets are stored encrypted with Data Protection and only ever decrypted to verify, sign or call a platform.</summary>
public sealed class ChannelSecrets(IDataProtectionProvider provider)
{
    /// <summary>The secret CareDesk generates for every channel (the generic webhook's HMAC key, a verify token...).</summary>
    public const string Generated = "secret";

    private readonly IDataProtector protector = provider.CreateProtector("CareDesk.ChannelSecrets");

    public string Protect(IReadOnlyDictionary<string, string> secrets) => protector.Protect(JsonSerializer.Serialize(secrets));

    public Dictionary<string, string> Unprotect(string protectedSecrets) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(protectedSecrets))!;

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
