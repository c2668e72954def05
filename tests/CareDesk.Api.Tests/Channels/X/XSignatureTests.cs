using System.Text;
using CareDesk.Api.Channels.X;

namespace CareDesk.Api.Tests.Channels.X;

public sealed class XSignatureTests
{
    public static TheoryData<string, string> Vectors()
    {
        var vectors = Fixture.Json("X", "signature-test-vectors.json");
        var data = new TheoryData<string, string>();
        foreach (var vector in vectors["vectors"]!.AsArray())
            data.Add(vector!["raw_body"]!.GetValue<string>(), vector["x-twitter-webhooks-signature"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_official_library_vectors_sign_and_verify(string rawBody, string signature)
    {
        var secret = Fixture.Json("X", "signature-test-vectors.json")["consumer_secret"]!.GetValue<string>();
        var body = Encoding.UTF8.GetBytes(rawBody);

        Assert.Equal(signature, XSignature.Sign(body, secret));
        Assert.True(XSignature.IsValid(body, secret, signature));
        Assert.False(XSignature.IsValid(body, "other secret", signature));
        Assert.False(XSignature.IsValid(Encoding.UTF8.GetBytes(rawBody + " "), secret, signature));
        Assert.False(XSignature.IsValid(body, secret, signature["sha256=".Length..]));
        Assert.False(XSignature.IsValid(body, secret, null));
    }

    [Fact]
    public void The_crc_response_token_is_the_same_hmac_over_the_crc_token() =>
        // NOTES.md: the CRC uses the POST signature's algorithm with msg = crc_token, so vector 1 applies.
        Assert.Equal("sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=", XSignature.CrcResponseToken("test=1&other_test=2", "test"));

    [Theory]
    [InlineData("Thanks for reaching out!", 24)]
    [InlineData("See https://example.com/a/very/long/path/that/is/longer/than/twenty-three", 27)]
    [InlineData("你好", 4)]
    [InlineData("👍🏽", 2)]
    [InlineData("👨‍👩‍👧", 2)]
    public void Post_length_is_counted_as_X_weighs_it(string text, int expected) =>
        Assert.Equal(expected, XText.WeightedLength(text));

    [Theory]
    [InlineData("@OtherUser Sorry &amp; thanks https://t.co/abc", "Sorry & thanks https://example.com/help", true)]
    [InlineData("Sorry   and thanks", "Sorry and thanks", true)]
    [InlineData("Sorry and thanks!", "Sorry and thanks", false)]
    public void Published_text_is_recognised_despite_X_rewriting_it(string published, string sent, bool same) =>
        Assert.Equal(same, XText.SameText(published, sent));
}
