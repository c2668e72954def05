using System.Net;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// Why a Graph API call failed, readable by an agent, and whether trying again later can help. Classified by the
/// Graph error code (https://developers.facebook.com/docs/graph-api/guides/error-handling), then by HTTP status.
/// </summary>
public sealed record MetaGraphError(string Reason, bool Transient, TimeSpan? RetryAfter = null)
{
    private static readonly HashSet<int> RateLimitCodes = [4, 17, 32, 613];

    public static MetaGraphError From(HttpStatusCode status, int? code, int? subcode, string? message, TimeSpan? retryAfter)
    {
        var detail = code is null ? $"HTTP {(int)status}" : $"Graph error {code}{(subcode is null ? "" : $"/{subcode}")}";
        var said = string.IsNullOrWhiteSpace(message) ? "" : $" Meta said: {message}";
        return code switch
        {
            190 => new($"The Page access token is invalid or expired ({detail}); paste a new one into the channel.{said}", false),
            10 or (>= 200 and <= 299) => new($"The Page access token lacks a permission this needs ({detail}).{said}", false),
            100 when subcode == 33 => new($"The post was deleted, or CareDesk can no longer see it ({detail}).{said}", false),
            not null when RateLimitCodes.Contains(code.Value) || code.Value is >= 80001 and <= 80014 =>
                new($"Meta is rate-limiting this app or Page ({detail}).{said}", true, retryAfter),
            1 or 2 => new($"Meta had a temporary problem ({detail}).{said}", true, retryAfter),
            _ when (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout =>
                new($"Meta answered {(int)status} ({detail}).{said}", true, retryAfter),
            _ => new($"Meta refused the request ({detail}).{said}", false),
        };
    }

    public static MetaGraphError Unreachable(string what) => new($"Could not reach the Graph API: {what}", true);
}
