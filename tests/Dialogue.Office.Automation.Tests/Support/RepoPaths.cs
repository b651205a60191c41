namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary by walking up to Dialogue.Office.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string SamplePlan => Path.Combine(Root, "templates", "samples", "yen-bai-2023");

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
