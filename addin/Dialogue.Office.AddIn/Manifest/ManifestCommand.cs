using System.Xml.Linq;

namespace Dialogue.Office.AddIn.Manifest;

/// <summary>
/// <c>dotnet run --project addin/Dialogue.Office.AddIn -- manifest --base-url https://addin.example.gov.vn
/// [--client-id GUID] [--version 1.0.0.1] [--in manifest.xml] --out manifest.prod.xml</c>
/// </summary>
public static class ManifestCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                error.WriteLine($"Tham số không hợp lệ: \"{args[i]}\".");
                return Usage(error);
            }
        }

        if (!options.TryGetValue("base-url", out var baseUrl) || !options.TryGetValue("out", out var outPath))
        {
            return Usage(error);
        }

        var clientId = options.GetValueOrDefault("client-id");
        var version = options.GetValueOrDefault("version");
        var errors = ManifestWriter.Check(baseUrl, clientId, version);
        foreach (var e in errors)
        {
            error.WriteLine(e);
        }

        if (errors.Count > 0)
        {
            return 2;
        }

        var inPath = options.GetValueOrDefault("in") ?? FindManifest();
        if (inPath is null || !File.Exists(inPath))
        {
            error.WriteLine("Không tìm thấy manifest.xml: chỉ rõ bằng --in <đường dẫn>.");
            return 2;
        }

        var rewritten = ManifestWriter.Rewrite(XDocument.Load(inPath, LoadOptions.PreserveWhitespace), baseUrl, clientId, version);
        using (var writer = System.Xml.XmlWriter.Create(outPath, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            rewritten.Save(writer);
        }

        output.WriteLine($"Đã ghi {outPath}: địa chỉ gốc {baseUrl.TrimEnd('/')}.");
        return 0;
    }

    private static int Usage(TextWriter error)
    {
        error.WriteLine("Cách dùng: manifest --base-url https://may-chu [--client-id GUID] [--version 1.0.0.1] [--in manifest.xml] --out manifest.prod.xml");
        return 2;
    }

    private static string? FindManifest()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifest.xml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
