namespace CareDesk.Api.Infrastructure;

/// <summary>Settings of the desk itself: where the embedded default keeps its files.</summary>
public sealed class CareDeskOptions
{
    public const string Section = "CareDesk";

    /// <summary>Folder for the SQLite file, data-protection keys and the generated signing key. Relative to the content root.</summary>
    public string DataFolder { get; set; } = "data";
}
