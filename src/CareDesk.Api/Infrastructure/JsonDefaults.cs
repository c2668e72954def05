using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareDesk.Api.Infrastructure;

/// <summary>One JSON shape for HTTP, the hub and the stored event log: camelCase, enums as camelCase strings.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
