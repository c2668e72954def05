using System.Text;
using CareDesk.Api.Channels.LinkedIn;

namespace CareDesk.Api.Tests.Channels.LinkedIn;

public sealed class LinkedInSignatureTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Vectors = Fixture.Json("LinkedIn", "signature-test-vectors.COMPUTED.json");
    private static readonly string Secret = Vectors["clientSecret"]!.GetValue<string>();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Vectors["push"]!["raw_body"]!.GetValue<string>());
    private static readonly string ReadingA = Vectors["push"]!["reading_A__hmac_over_prefix_plus_body__header_is_hex"]!.GetValue<string>();
    private static readonly string ReadingB = Vectors["push"]!["reading_B__hmac_over_body__header_is_prefix_plus_hex"]!.GetValue<string>();

    [Fact]
    public void The_challenge_response_is_the_hex_hmac_of_the_code_keyed_with_the_client_secret()
    {
        var challenge = Vectors["challenge"]!;
        Assert.Equal(challenge["challengeResponse"]!.GetValue<string>(), LinkedInSignature.ChallengeResponse(challenge["challengeCode"]!.GetValue<string>(), Secret));
    }

    [Fact]
    public void Both_readings_sign_the_computed_vectors()
    {
        Assert.Equal(ReadingA, LinkedInSignature.Sign(Body, Secret, SignatureReading.PrefixedBody));
        Assert.Equal(ReadingB, LinkedInSignature.Sign(Body, Secret, SignatureReading.PrefixedHeader));
    }

    [Fact]
    public void Each_setting_accepts_exactly_its_readings()
    {
        Assert.True(LinkedInSignature.IsValid(Body, Secret, ReadingA, SignatureReading.PrefixedBody));
        Assert.False(LinkedInSignature.IsValid(Body, Secret, ReadingB, SignatureReading.PrefixedBody));
        Assert.True(LinkedInSignature.IsValid(Body, Secret, ReadingB, SignatureReading.PrefixedHeader));
        Assert.False(LinkedInSignature.IsValid(Body, Secret, ReadingA, SignatureReading.PrefixedHeader));
        Assert.True(LinkedInSignature.IsValid(Body, Secret, ReadingA, SignatureReading.Either));
        Assert.True(LinkedInSignature.IsValid(Body, Secret, ReadingB, SignatureReading.Either));
        Assert.True(LinkedInSignature.IsValid(Body, Secret, ReadingA.ToUpperInvariant(), SignatureReading.PrefixedBody));
    }

    [Fact]
    public void A_wrong_secret_body_or_header_is_refused()
    {
        Assert.False(LinkedInSignature.IsValid(Body, "other", ReadingA, SignatureReading.Either));
        Assert.False(LinkedInSignature.IsValid([.. Body, (byte)' '], Secret, ReadingA, SignatureReading.Either));
        Assert.False(LinkedInSignature.IsValid(Body, Secret, "", SignatureReading.Either));
        Assert.False(LinkedInSignature.IsValid(Body, Secret, null, SignatureReading.Either));
    }

    [Theory]
    [InlineData(null, SignatureReading.PrefixedBody)]
    [InlineData("prefixed-body", SignatureReading.PrefixedBody)]
    [InlineData("prefixed-header", SignatureReading.PrefixedHeader)]
    [InlineData("either", SignatureReading.Either)]
    public void The_setting_names_a_reading(string? setting, SignatureReading expected)
    {
        Assert.True(LinkedInSignature.TryParseReading(setting, out var reading));
        Assert.Equal(expected, reading);
        Assert.False(LinkedInSignature.TryParseReading("hex", out _));
    }

    [Theory]
    [InlineData("urn:li:comment:(activity:7094637247890620418,7094977717598625792)", "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625792)")]
    [InlineData("urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625792)", "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625792)")]
    [InlineData("urn:li:comment:(ugcPost:1,2)", "urn:li:comment:(urn:li:ugcPost:1,2)")]
    [InlineData("urn:li:share:1", "urn:li:share:1")]
    public void Comment_urns_are_normalized_to_one_form(string urn, string expected)
    {
        Assert.Equal(expected, LinkedInUrn.NormalizeComment(urn));
        if (LinkedInUrn.IsComment(urn))
            Assert.StartsWith("urn:li:", LinkedInUrn.PostOfComment(urn));
    }
}
