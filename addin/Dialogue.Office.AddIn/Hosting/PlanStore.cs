using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Plans;
using Microsoft.Extensions.Options;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// The conferences the host offers: sub-folders of the data root holding a plan.yaml. Requests name a plan by its id
/// (the folder name, checked against a strict pattern and the listing), never by a path.
/// </summary>
public sealed partial class PlanStore
{
    public PlanStore(IOptions<AddInOptions> options, IHostEnvironment environment)
    {
        Root = ResolveRoot(options.Value.DataRoot, environment.ContentRootPath);
    }

    /// <summary>The data root (absolute).</summary>
    public string Root { get; }

    /// <summary>Plan ids: folder names under the root that hold a plan.yaml, sorted.</summary>
    public IReadOnlyList<string> Ids() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(id => IdPattern().IsMatch(id) && File.Exists(Path.Combine(Root, id, PlanLoader.PlanFileName)))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The folder of plan <paramref name="id"/>, or null when the id is malformed or unknown.</summary>
    public string? Folder(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            return null;
        }

        var folder = Path.Combine(Root, id);
        return File.Exists(Path.Combine(folder, PlanLoader.PlanFileName)) ? folder : null;
    }

    /// <summary>Loads plan <paramref name="id"/> (null when unknown); problems are in the result.</summary>
    public PlanLoadResult? Load(string id) => Folder(id) is { } folder ? PlanLoader.Load(folder) : null;

    internal static string ResolveRoot(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        // Run from a checkout: the repository's sample conferences.
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dialogue.Office.sln")))
            {
                return Path.Combine(dir.FullName, "templates", "samples");
            }
        }

        return Path.Combine(contentRoot, "data");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
