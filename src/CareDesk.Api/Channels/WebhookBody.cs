namespace CareDesk.Api.Channels;

/// <summary>Reads a webhook's raw body (signatures are over the exact bytes) within a size limit.</summary>
public static class WebhookBody
{
    public const int MaxBytes = 64 * 1024;

    /// <returns>The body, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large.", detail: $"Webhook bodies are limited to {MaxBytes / 1024} KiB.");
}
