namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary by walking up to Dialogue.Office.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest.xml");

    public static string Schemas => Path.Combine(Root, "tests", "Dialogue.Office.AddIn.Tests", "Schemas");

    public static string AddIn => Path.Combine(Root, "addin", "Dialogue.Office.AddIn");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Samples => Path.Combine(Root, "templates", "samples");

    /// <summary>Git-ignored folder for files a person should look at after a run (screenshots).</summary>
    public static string Artifacts => Path.Combine(Root, "tests", "Dialogue.Office.AddIn.Tests", "artifacts");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialogue.Office.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dialogue.Office.sln not found above " + AppContext.BaseDirectory);
    }
}
