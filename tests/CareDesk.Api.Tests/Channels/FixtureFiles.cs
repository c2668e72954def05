using System.Text.Json.Nodes;

namespace CareDesk.Api.Tests.Channels;

/// <summary>The platform fixtures copied beside the tests (Channels/&lt;Platform&gt;/Fixtures, copied to the output).</summary>
public static class FixtureFiles
{
    public static string Text(string platform, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", platform, "Fixtures", name));

    public static JsonObject Json(string platform, string name) => JsonNode.Parse(Text(platform, name))!.AsObject();
}
