using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;
using PublicApiGenerator;

namespace Dialogue.Office.Automation.Tests.PublicApi;

/// <summary>
/// The core's public surface is what the two shells (and any library user) may build on. A change to it shows up here
/// as a diff against the committed, reviewed file. After an intended change, regenerate it and review the diff:
/// <c>DIALOGUE_APPROVE_PUBLIC_API=1 dotnet test tests/Dialogue.Office.Automation.Tests --filter PublicApi</c>.
/// </summary>
public sealed class PublicApiTests
{
    private const string ApproveVariable = "DIALOGUE_APPROVE_PUBLIC_API";

    private static string ApprovedPath => Path.Combine(RepoPaths.Root, "tests", "Dialogue.Office.Automation.Tests",
        "PublicApi", "Dialogue.Office.Automation.approved.txt");

    [Fact]
    public void CoreAssembly_PublicApi_MatchesTheApprovedFile()
    {
        var actual = Normalize(typeof(ConferencePlan).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Attributes that change with every build or tool version say nothing about the surface.
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
            ],
        }));

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(ApprovedPath, actual);
        }

        Assert.True(File.Exists(ApprovedPath), $"No approved file at {ApprovedPath}: run with {ApproveVariable}=1 once.");
        var approved = Normalize(File.ReadAllText(ApprovedPath));
        if (approved != actual)
        {
            var receivedPath = Path.ChangeExtension(ApprovedPath, ".received.txt");
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API of Dialogue.Office.Automation changed. Compare {ApprovedPath} with {receivedPath}; "
                + $"if the change is intended (is it needed by a shell? else make it internal), rerun with {ApproveVariable}=1 "
                + "and commit the approved file.\n" + FirstDifference(approved, actual));
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  approved: {left}\n  actual:   {right}";
            }
        }

        return string.Empty;
    }
}
