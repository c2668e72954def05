namespace CareDesk.Data.Entities;

public class CannedResponse
{
    public Guid Id { get; set; }

    /// <summary>Typed after a slash in the reply box to insert the text ("thanks" for "/thanks").</summary>
    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}
