namespace CareDesk.Api.Infrastructure;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Key that signs access tokens (at least 32 characters). Every API instance must share it; when empty,
    /// the embedded default generates one in the data folder.
    /// </summary>
    public string SigningKey { get; set; } = "";

    public int TokenLifetimeMinutes { get; set; } = 12 * 60;
}
