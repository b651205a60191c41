using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dialogue.Office.Automation.Budget;

/// <summary>One rate of the province's norm table: the amount, its unit, the legal text it comes from, and whether that figure was checked.</summary>
public sealed record BudgetRate(string Key, long Amount, string Unit, string Source, bool Confirmed, int Line);

/// <summary>Who submits the Tờ trình and to whom (the Sở that prepares the estimate → Sở Tài chính).</summary>
public sealed record BudgetSubmission
{
    public string Parent { get; init; } = "";
    public string Issuer { get; init; } = "";
    public string IssuerInText { get; init; } = "";
    public string Code { get; init; } = "";
    public string Number { get; init; } = "";
    public DateOnly? Date { get; init; }
    public string Recipient { get; init; } = "Sở Tài chính";
    public string Authority { get; init; } = "";
    public string Position { get; init; } = "GIÁM ĐỐC";
    public string SignerName { get; init; } = "";
}

/// <summary>The budget file (du-toan.yaml in the plan folder): the norm table, the guests not on a state payroll, the Tờ trình's data.</summary>
public sealed record BudgetSettings(IReadOnlyDictionary<string, BudgetRate> Rates, int GuestsNotOnPayroll, BudgetSubmission Submission, string Province, string FileName);

/// <summary>Reads du-toan.yaml; every problem names the file and line.</summary>
public static class BudgetSettingsReader
{
    public const string FileName = "du-toan.yaml";

    public static BudgetSettings? Read(string path, ProblemList problems)
    {
        var file = Path.GetFileName(path);
        YamlMappingNode root;
        try
        {
            var text = Inputs.InputFile.ReadAllText(path, 1024 * 1024);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                problems.Error("BUDGET_YAML_SYNTAX", Locations.Line(file, 1), "The budget file is empty or not a mapping.");
                return null;
            }

            root = map;
        }
        catch (YamlException ex)
        {
            problems.Error("BUDGET_YAML_SYNTAX", Locations.Line(file, checked((int)ex.Start.Line)), $"YAML syntax: {ex.Message}");
            return null;
        }
        catch (Inputs.InputFileException ex)
        {
            problems.Add(ex.ToProblem());
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Error("BUDGET_UNREADABLE", file, "The budget file cannot be read.", file);
            return null;
        }

        var rates = new Dictionary<string, BudgetRate>(StringComparer.Ordinal);
        if (Child(root, "rates") is YamlMappingNode rateMap)
        {
            foreach (var (keyNode, valueNode) in rateMap.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                var line = checked((int)keyNode.Start.Line);
                if (valueNode is not YamlMappingNode rate || !long.TryParse(Scalar(rate, "amount").Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                {
                    problems.Error("BUDGET_RATE_INVALID", Locations.Line(file, line), "A rate needs a whole amount in đồng.", key);
                    continue;
                }

                var source = Scalar(rate, "source");
                if (source.Length == 0)
                {
                    problems.Warning("BUDGET_RATE_NO_SOURCE", Locations.Line(file, line), "A rate without its legal source.", key);
                }

                rates[key] = new BudgetRate(key, amount, Scalar(rate, "unit"), source, VietnameseText.Fold(Scalar(rate, "confirmed")) is "true" or "yes" or "co", line);
            }
        }
        else
        {
            problems.Error("BUDGET_NO_RATES", Locations.Line(file, 1), "The budget file has no 'rates' table.");
        }

        var guests = 0;
        var guestText = Scalar(root, "guests_not_on_payroll");
        if (guestText.Length > 0 && !int.TryParse(guestText, NumberStyles.None, CultureInfo.InvariantCulture, out guests))
        {
            problems.Error("BUDGET_GUESTS_INVALID", Locations.Line(file, LineOf(root, "guests_not_on_payroll")), "Not a whole number.", guestText);
        }

        var submission = new BudgetSubmission();
        if (Child(root, "submission") is YamlMappingNode s)
        {
            DateOnly? date = null;
            var dateText = Scalar(s, "date");
            if (dateText.Length > 0)
            {
                date = Conclusions.ConclusionsReader.ParseDate(dateText);
                if (date is null)
                {
                    problems.Error("BUDGET_DATE_INVALID", Locations.Line(file, LineOf(s, "date")), "Not a date.", dateText);
                }
            }

            submission = new BudgetSubmission
            {
                Parent = Scalar(s, "parent"),
                Issuer = Scalar(s, "issuer"),
                IssuerInText = Scalar(s, "issuer_in_text"),
                Code = Scalar(s, "code"),
                Number = Scalar(s, "number"),
                Date = date,
                Recipient = Scalar(s, "recipient") is { Length: > 0 } r ? r : "Sở Tài chính",
                Authority = Scalar(s, "authority"),
                Position = Scalar(s, "position") is { Length: > 0 } p ? p : "GIÁM ĐỐC",
                SignerName = Scalar(s, "signer"),
            };
        }

        return new BudgetSettings(rates, guests, submission, Scalar(root, "province"), file);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { } v } ? VietnameseText.Clean(v) : "";

    private static int LineOf(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) is { } k ? checked((int)k.Start.Line) : 1;
}
