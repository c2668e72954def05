using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CareDesk.Api.Channels;

/// <summary>Channel secrets are stored encrypted with Data Protection and only ever decrypted to verify or sign.</summary>
public sealed class ChannelSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("CareDesk.ChannelSecret");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string NewKey() => Base64UrlKey(RandomNumberGenerator.GetBytes(12));

    private static string Base64UrlKey(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
