using System.Text.RegularExpressions;
using CareDesk.Api.Channels.Bluesky;

namespace CareDesk.Api.Tests.Channels.Bluesky;

public sealed partial class BlueskyTidTests
{
    [GeneratedRegex("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")]
    private static partial Regex TidSyntax();

    [Fact]
    public void The_spec_examples_decode_and_encode_back()
    {
        Assert.Equal("2222222222222", BlueskyTid.Encode(0));
        foreach (var example in new[] { "3jzfcijpj2z2a", "7777777777777", "3zzzzzzzzzzzz" })
            Assert.Equal(example, BlueskyTid.Encode(BlueskyTid.Decode(example)));
    }

    [Fact]
    public void A_replys_record_key_is_a_valid_tid_of_its_queue_time_and_the_same_on_every_attempt()
    {
        var replyId = Guid.Parse("0b9c1c9e-4f7e-4a55-9a51-2f8f4a3c1d11");
        var queuedAt = new DateTime(2026, 11, 22, 10, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560);
        var key = BlueskyTid.ForReply(replyId, queuedAt);

        Assert.Matches(TidSyntax(), key);
        Assert.Equal(key, BlueskyTid.ForReply(replyId, queuedAt));
        Assert.NotEqual(key, BlueskyTid.ForReply(Guid.NewGuid(), queuedAt));
        var micros = (long)(BlueskyTid.Decode(key) >> 10);
        Assert.Equal((queuedAt - DateTime.UnixEpoch).Ticks / 10, micros);
    }
}
