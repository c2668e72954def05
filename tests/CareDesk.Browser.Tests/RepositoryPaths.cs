namespace CareDesk.Browser.Tests;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the API build puts the built client.</summary>
    public static string WebRoot => Path.Combine(Root, "src", "CareDesk.Api", "wwwroot");

    /// <summary>Screenshots of each view, written by the tests (the README shows them).</summary>
    public static string Screenshots => Environment.GetEnvironmentVariable("CAREDESK_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareDesk.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Run the browser tests from inside the CareDesk repository.");
    }
}
