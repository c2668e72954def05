using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareDesk.Api.Channels;

/// <summary>Reads fields of a platform payload without guessing: ids stay the strings they are sent as, and a missing required field is a <see cref="MalformedPayloadException"/>.</summary>
public static class PayloadJson
{
    public static JsonObject ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new MalformedPayloadException("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new MalformedPayloadException($"The body is not JSON: {exception.Message}");
        }
    }

    public static JsonObject? Object(this JsonObject? node, string name) => node?[name] as JsonObject;

    public static IEnumerable<JsonObject> Objects(this JsonObject? node, string name) =>
        (node?[name] as JsonArray)?.OfType<JsonObject>() ?? [];

    public static string? String(this JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static IEnumerable<string> Strings(this JsonObject? node, string name) =>
        (node?[name] as JsonArray)?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()) ?? [];

    public static string RequiredString(this JsonObject? node, string name, string where) =>
        node.String(name) is { Length: > 0 } text ? text : throw new MalformedPayloadException($"{where} has no {name}.");

    /// <summary>A number's exact digits (an id sent as a JSON number must not pass through a double), or a string's text.</summary>
    public static string? Digits(this JsonObject? node, string name) => node?[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => null,
    };

    public static int Count(this JsonObject? node, string name) => node?[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) => (int)Math.Clamp(number, 0, int.MaxValue),
        JsonValue value when value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => (int)Math.Clamp(number, 0, int.MaxValue),
        _ => 0,
    };

    /// <summary>Unix epoch milliseconds, sent as a number or a string.</summary>
    public static DateTime? EpochMilliseconds(this JsonObject? node, string name) =>
        long.TryParse(node.Digits(name), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTime.UnixEpoch.AddMilliseconds(ms) : null;
}
