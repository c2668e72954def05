using System.Text;
using System.Text.Json;
using CareDesk.Api.Channels.Meta;

namespace CareDesk.Api.Tests.Channels.Meta;

/// <summary>The COMPUTED vectors of fixtures/meta/signature-test-vectors.COMPUTED.json (cross-checked with openssl).</summary>
public sealed class MetaSignatureTests
{
    private static readonly JsonElement Vectors = JsonSerializer.Deserialize<JsonElement>(MetaChannel.FixtureText("signature-test-vectors.COMPUTED.json"));

    private static string Secret => Vectors.GetProperty("app_secret").GetString()!;

    private static JsonElement Vector(int index) => Vectors.GetProperty("vectors")[index];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_raw_body_signs_to_the_vector_and_verifies(int index)
    {
        var body = Encoding.UTF8.GetBytes(Vector(index).GetProperty("raw_body").GetString()!);
        var header = Vector(index).GetProperty("X-Hub-Signature-256").GetString()!;

        Assert.Equal(header, MetaSignature.Sign(body, Secret));
        Assert.True(MetaSignature.IsValid(body, Secret, header));
    }

    [Fact]
    public void The_escaped_unicode_body_does_not_verify_once_re_serialised_as_utf8()
    {
        var escapedHeader = Vector(1).GetProperty("X-Hub-Signature-256").GetString()!;
        var reserialised = Encoding.UTF8.GetBytes(Vector(2).GetProperty("raw_body_utf8").GetString()!);

        Assert.Equal(Vector(2).GetProperty("hmac_of_this").GetString(), MetaSignature.Sign(reserialised, Secret));
        Assert.False(MetaSignature.IsValid(reserialised, Secret, escapedHeader));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=a6b22d5bd49f7b90d4c4b29085df9bb0221107f0")]
    [InlineData("a5b8aef762406514ff36d13f53f369115ff646154047ddcec530aa571f0d19ed")]
    [InlineData("sha256=a5b8aef762406514ff36d13f53f369115ff646154047ddcec530aa571f0d19ee")]
    public void A_missing_legacy_unprefixed_or_wrong_signature_is_refused(string? header)
    {
        var body = Encoding.UTF8.GetBytes(Vector(0).GetProperty("raw_body").GetString()!);
        Assert.False(MetaSignature.IsValid(body, Secret, header));
    }

    [Fact]
    public void The_right_signature_under_another_secret_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(Vector(0).GetProperty("raw_body").GetString()!);
        Assert.False(MetaSignature.IsValid(body, "another_secret", Vector(0).GetProperty("X-Hub-Signature-256").GetString()));
    }
}
