using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Channels.Bluesky;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Tests.Channels.Bluesky;

public sealed class BlueskyRichTextTests
{
    private static PostRecord Record(string fixture) => Fixture.Json("Bluesky", fixture).Deserialize<PostRecord>(Json)!;

    [Fact]
    public void The_documented_byte_offset_vector_selects_the_mention_and_the_link()
    {
        var post = Record("record-post-with-mention-and-link-facets.json");
        Assert.Equal(109, Encoding.UTF8.GetByteCount(post.Text));
        Assert.Equal(95, post.Text.Length);
        Assert.Equal(93, post.Text.EnumerateRunes().Count());

        Assert.Equal("@atproto.com", BlueskyRichText.Slice(post.Text, post.Facets![0].Index.ByteStart, post.Facets[0].Index.ByteEnd));
        Assert.Equal("did:plc:ewvi7nxzyoun6zhxrhs64oiz", post.Facets[0].Features.Single().Did);
        Assert.Equal("https://en.wikipedia.org/wiki/CBOR", BlueskyRichText.Slice(post.Text, 74, 108));
        Assert.NotEqual("@atproto.com", post.Text.Substring(23, 12)); // why UTF-16 positions must not be used
    }

    [Fact]
    public void Tag_facets_after_an_emoji_are_found_by_bytes()
    {
        var commit = Fixture.Json("Bluesky", "jetstream-v1-commit-create-post-tag-facets-emoji.json");
        var post = commit["commit"]!["record"]!.Deserialize<PostRecord>(Json)!;
        Assert.Equal(231, Encoding.UTF8.GetByteCount(post.Text));
        Assert.Equal(227, post.Text.Length);
        Assert.Equal("#HowToTellAiToShutUp", BlueskyRichText.Slice(post.Text, 0, 20));
        Assert.Equal("#IndieRebellion", BlueskyRichText.Slice(post.Text, 125, 140));
        Assert.Equal(post.Text, BlueskyRichText.PlainText(post.Text, post.Facets));
    }

    [Fact]
    public void A_range_outside_the_text_or_inside_a_character_selects_nothing()
    {
        var text = "✨ hi"; // ✨ is three bytes
        Assert.Null(BlueskyRichText.Slice(text, 1, 4));
        Assert.Null(BlueskyRichText.Slice(text, 0, 99));
        Assert.Equal("✨", BlueskyRichText.Slice(text, 0, 3));
    }

    [Fact]
    public void A_shortened_link_reads_as_its_full_address_and_other_text_is_kept()
    {
        var post = Record("record-post-with-mention-and-link-facets.json");
        Assert.Equal(post.Text, BlueskyRichText.PlainText(post.Text, post.Facets));

        var shown = "👨‍❤️‍👨 read en.wikipedia.org/wiki/CB... now";
        var start = Encoding.UTF8.GetByteCount("👨‍❤️‍👨 read ");
        var end = start + Encoding.UTF8.GetByteCount("en.wikipedia.org/wiki/CB...");
        Facet link = new(new ByteSlice(start, end), [new FacetFeature(LinkFeature, Uri: "https://en.wikipedia.org/wiki/CBOR")]);
        Assert.Equal("👨‍❤️‍👨 read https://en.wikipedia.org/wiki/CBOR now", BlueskyRichText.PlainText(shown, [link]));
    }

    [Fact]
    public void Our_reply_mentions_the_customer_in_front_with_a_facet_over_the_handle_bytes()
    {
        var (text, facet) = BlueskyRichText.AddressTo("Thanks, we're on it!", "alice.bsky.social", "did:plc:alice");
        Assert.Equal("@alice.bsky.social Thanks, we're on it!", text);
        Assert.Equal(new ByteSlice(0, 18), facet.Index);
        Assert.Equal(new FacetFeature(MentionFeature, Did: "did:plc:alice"), facet.Features.Single());
    }

    [Fact]
    public void A_handle_the_agent_already_wrote_after_non_ascii_text_gets_the_facet_at_its_byte_offset()
    {
        var (text, facet) = BlueskyRichText.AddressTo("Hi 👋 Zoë, @alice.bsky.social: fixed!", "@alice.bsky.social", "did:plc:alice");
        Assert.Equal("Hi 👋 Zoë, @alice.bsky.social: fixed!", text);
        Assert.Equal(Encoding.UTF8.GetByteCount("Hi 👋 Zoë, "), facet.Index.ByteStart);
        Assert.Equal(14, facet.Index.ByteStart); // 3 + 4 (emoji) + 1 + 4 ("Zoë" has a two-byte ë) + 2
        Assert.Equal("@alice.bsky.social", BlueskyRichText.Slice(text, facet.Index.ByteStart, facet.Index.ByteEnd));
    }

    [Fact]
    public void A_longer_handle_that_merely_starts_the_same_is_not_taken_for_the_customer()
    {
        var (text, facet) = BlueskyRichText.AddressTo("cc @alice.bsky.social.evil.example", "alice.bsky.social", "did:plc:alice");
        Assert.StartsWith("@alice.bsky.social cc", text);
        Assert.Equal(0, facet.Index.ByteStart);
        Assert.True(new StringInfo(text).LengthInTextElements < 300);
    }
}
