using System.Security.Cryptography;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// Timestamp identifiers (atproto TID): 13 characters of base32-sortable over 64 bits — a zero bit, 53 bits of
/// microseconds since the Unix epoch, 10 bits of clock id. Posts are keyed by TIDs.
/// </summary>
public static class BlueskyTid
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// The record key of a reply, derived from the reply alone: its queue time and a clock id taken from its id. A retry
    /// of the same reply writes the same key, so the repository refuses a second copy instead of posting twice.
    /// </summary>
    public static string ForReply(Guid replyId, DateTime queuedAt)
    {
        var micros = (queuedAt.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10;
        var clockId = BitConverter.ToUInt16(SHA256.HashData(replyId.ToByteArray()), 0) & 0x3FF;
        return Encode(((ulong)micros & ((1UL << 53) - 1)) << 10 | (uint)clockId);
    }

    public static string Encode(ulong value)
    {
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    public static ulong Decode(string tid) => tid.Aggregate(0UL, (value, c) => value << 5 | (uint)Alphabet.IndexOf(c));
}
